import { SERVICE_NAMES, SERVICES, type ServiceName } from '@shopops/contracts';
import { DEFAULT_DATABASE_URL, serviceEnvName } from '../config/platform-config';
import { createDataSource, migrate, type MigrationList } from './data-source';

/** Each service's own migrations, as its app lists them. */
export type ServiceMigrations = Readonly<Record<ServiceName, MigrationList>>;

/**
 * Creates each service's schema and applies its pending migrations, one service at a time.
 * Uses DATABASE_URL (or <SERVICE>_DATABASE_URL) like the services themselves.
 */
export async function migrateServices(
  migrations: ServiceMigrations,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  for (const service of SERVICE_NAMES) {
    const schema = SERVICES[service].schema;
    const dataSource = createDataSource({
      url: env[serviceEnvName(service, 'DATABASE_URL')] || env.DATABASE_URL || DEFAULT_DATABASE_URL,
      schema,
      poolSize: 1,
      entities: [],
      migrations: migrations[service],
      applicationName: `shopops-migrate-${service}`,
    });
    const applied = await migrate(dataSource, schema);
    log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}
