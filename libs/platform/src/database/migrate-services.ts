import { SERVICE_NAMES, SERVICES, type ServiceName } from '@shopops/contracts';
import type { Environment } from '../config/environment-schema';
import { loadDatabaseUrl } from '../config/platform-config';
import { createDataSource, migrate, type MigrationList } from './data-source';

/** Each service's own migrations, as its app lists them. */
export type ServiceMigrations = Readonly<Record<ServiceName, MigrationList>>;

/**
 * Creates each service's schema and applies its pending migrations, one service at a time.
 * Uses DATABASE_URL (or <SERVICE>_DATABASE_URL) like the services themselves.
 */
export async function migrateServices(migrations: ServiceMigrations, env: Environment, log: (line: string) => void = () => undefined): Promise<void> {
  // Every URL is checked before the first migration runs.
  const urls = new Map(SERVICE_NAMES.map((service) => [service, loadDatabaseUrl(service, env)]));
  for (const service of SERVICE_NAMES) {
    const schema = SERVICES[service].schema;
    const dataSource = createDataSource({
      url: urls.get(service) as string,
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
