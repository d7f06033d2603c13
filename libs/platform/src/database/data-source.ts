import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { PlatformOutboxAcknowledgement1796170000000 } from './outbox-acknowledgement.migration';
import { PlatformOutboxTrace1797080000000 } from './outbox-trace.migration';
import { PlatformOutboxBatches1796500000000 } from './outbox-batches.migration';
import { PlatformMessaging1700000000000 } from './platform.migration';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
export type MigrationList = Array<new () => unknown>;

export interface DataSourceOptions {
  readonly url: string;
  readonly schema: string;
  readonly poolSize: number;
  readonly entities: EntityList;
  readonly migrations: MigrationList;
  readonly applicationName: string;
  readonly logger?: TypeOrmLogger;
}

/**
 * One DataSource per service, confined to the service's schema through search_path, so raw SQL
 * in migrations and queries needs no schema prefix and cannot wander into another service.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: [
      PlatformMessaging1700000000000,
      ...options.migrations,
      PlatformOutboxAcknowledgement1796170000000,
      PlatformOutboxBatches1796500000000,
      PlatformOutboxTrace1797080000000,
    ],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // With a logger, every statement is reported to it (the query counter); without, none.
    logging: options.logger ? ['query', 'error', 'warn', 'migration'] : false,
    ...(options.logger ? { logger: options.logger } : {}),
    maxQueryExecutionTime: 1000,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize,
      options: `-c search_path=${options.schema} -c timezone=UTC`,
    },
  });
}

export function serviceDataSource(config: PlatformConfig, entities: EntityList, migrations: MigrationList, logger?: TypeOrmLogger): DataSource {
  return createDataSource({
    ...(logger ? { logger } : {}),
    url: config.databaseUrl,
    schema: config.service.schema,
    poolSize: config.databasePoolSize,
    entities,
    migrations,
    applicationName: applicationNameOf(config),
  });
}

/** How a process's database connections are named in pg_stat_activity: `shopops-<service>-<role>`. */
export function applicationNameOf(config: PlatformConfig): string {
  return `shopops-${config.service.name}-${config.role}`;
}

/** Creates the schema if needed and applies pending migrations; returns the names applied. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  const wasInitialized = dataSource.isInitialized;
  if (!wasInitialized) await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    if (!wasInitialized) await dataSource.destroy();
  }
}
