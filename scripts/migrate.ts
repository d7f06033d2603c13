/**
 * Creates each service's schema and applies its pending migrations, one service at a time.
 * Uses DATABASE_URL (or <SERVICE>_DATABASE_URL) like the services themselves.
 */
import 'reflect-metadata';
import { SERVICE_NAMES } from '@shopops/contracts';
import { createDataSource, DEFAULT_DATABASE_URL, migrate, serviceEnvName } from '@shopops/platform';
import { SERVICES, SUITE_MIGRATIONS } from './suite';

export async function migrateSuite(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<void> {
  for (const service of SERVICE_NAMES) {
    const url = env[serviceEnvName(service, 'DATABASE_URL')] || env.DATABASE_URL || DEFAULT_DATABASE_URL;
    const schema = SERVICES[service].schema;
    const dataSource = createDataSource({
      url,
      schema,
      poolSize: 1,
      entities: [],
      migrations: SUITE_MIGRATIONS[service],
      applicationName: `shopops-migrate-${service}`,
    });
    const applied = await migrate(dataSource, schema);
    log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}

if (require.main === module) {
  migrateSuite(process.env, (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
