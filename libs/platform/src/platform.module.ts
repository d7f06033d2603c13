import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { isApiRole, type PlatformConfig } from './config/platform-config';
import { serviceDataSource, type EntityList, type MigrationList } from './database/data-source';
import { QueryCountingLogger } from './database/query-counter.logger';
import { UnitOfWork } from './database/unit-of-work';
import { ArgumentSafetyInterceptor } from './graphql/argument-safety.interceptor';
import { subgraphGraphQLModule } from './graphql/subgraph-graphql.module';
import { createValidationPipe } from './graphql/validation.pipe';
import { HealthService } from './http/health';
import { Metrics } from './http/metrics';
import { DeadLetters } from './messaging/dead-letters';
import { EventConsumer } from './messaging/event-consumer';
import { MessagingRetention } from './messaging/messaging-retention';
import { OutboxRelay } from './messaging/outbox-relay';
import { QueueGauges } from './messaging/queue-gauges';
import { QueueRegistry } from './messaging/queue-registry';
import { DEFAULT_SUBSCRIPTIONS, EVENT_SUBSCRIPTIONS, type SubscriptionTable } from './messaging/routing';
import { PLATFORM_CONFIG } from './platform.tokens';

export interface PlatformModuleOptions {
  readonly entities: EntityList;
  readonly migrations: MigrationList;
  /** Domain services are subgraphs; the gateway mounts its own GraphQL engine instead. */
  readonly subgraph?: boolean;
  /** GraphQL types no query returns but the schema must hold: entities this subgraph only extends. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly orphanedTypes?: Function[];
  /** Tests route their own events; services use the suite's table. */
  readonly subscriptions?: SubscriptionTable;
}

/** Closes the pool last, after HTTP and workers have finished what they were doing. */
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Everything a service shares: config, its schema's DataSource, units of work with the outbox,
 * the relay and the event consumer, queues, health, metrics, role checks and input validation.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(config: PlatformConfig, options: PlatformModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: EVENT_SUBSCRIPTIONS, useValue: options.subscriptions ?? DEFAULT_SUBSCRIPTIONS },
      {
        provide: DataSource,
        inject: [Metrics],
        useFactory: async (metrics: Metrics) => {
          const logger = new QueryCountingLogger(metrics.dbQueries, config.service.name);
          const dataSource = serviceDataSource(config, options.entities, options.migrations, logger);
          // Printing the schema needs no database.
          if (config.role !== 'schema') await dataSource.initialize();
          return dataSource;
        },
      },
      DataSourceLifecycle,
      UnitOfWork,
      QueueRegistry,
      DeadLetters,
      Metrics,
      HealthService,
      ...(config.role === 'schema' ? [] : [OutboxRelay, EventConsumer, MessagingRetention, QueueGauges]),
      // Global guards run in this order: the caller is identified before their role is checked.
      { provide: APP_GUARD, useClass: BearerAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_INTERCEPTOR, useClass: ArgumentSafetyInterceptor },
    ];
    const subgraph = (options.subgraph ?? true) && (isApiRole(config.role) || config.role === 'schema');
    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule, ...(subgraph ? [subgraphGraphQLModule(options.orphanedTypes)] : [])],
      providers,
      exports: [PLATFORM_CONFIG, DataSource, UnitOfWork, QueueRegistry, DeadLetters, Metrics, HealthService],
    };
  }
}
