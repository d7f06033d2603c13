import { SERVICES, type ServiceDescriptor, type ServiceName } from '@shopops/contracts';
import type { TracingConfig } from '../tracing/tracing';
import { readEnvironment, validConfig, type Environment } from './environment-schema';
import {
  ConnectionEnvironment,
  databaseUrlOf,
  DatabaseEnvironment,
  PlatformEnvironment,
  readScheduleOverrides,
  SERVICE_ROLES,
  withServiceDatabase,
} from './platform-environment';

export { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, DEV_IDENTITY_SECRET, SERVICE_ROLES, scheduleVariableName, serviceEnvName } from './platform-environment';
export type ServiceRole = (typeof SERVICE_ROLES)[number] | 'schema';

export interface PlatformConfig {
  readonly service: ServiceDescriptor;
  readonly role: ServiceRole;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** BullMQ key prefix; tests use a fresh one per run. Wrap in {…} for Redis Cluster hash tags. */
  readonly queuePrefix: string;
  readonly logLevel: string;
  /** Shared by the gateway (signs) and the subgraphs (verify) to prove a request came through the gateway. */
  readonly identitySecret: string;
  /** Bearer token /metrics asks of scrapers; required in production, open when unset elsewhere. */
  readonly metricsToken?: string;
  /** A drain that takes longer than this exits 1. */
  readonly shutdownTimeoutMs: number;
  readonly worker: {
    readonly concurrency: number;
    readonly attempts: number;
    readonly backoffMs: number;
    /** A job whose worker stops renewing its lock this long (a crash) is handed to another worker. */
    readonly lockMs: number;
    readonly stalledCheckMs: number;
    /** Readiness fails when this many jobs wait in the service's queue. */
    readonly readyMaxBacklog: number;
    /** Deliveries an @OnEventBatch handler takes in one transaction (1 = one event per transaction). */
    readonly eventBatchMax: number;
    /** How often a worker checks that its schedules still exist in Redis (a Redis restart loses them). */
    readonly scheduleCheckMs: number;
    /** Cron patterns that replace a schedule's own, by variable name (`SCHEDULE_MEMBERSHIP_DORMANCY`). */
    readonly scheduleOverrides: ReadonlyMap<string, string>;
  };
  readonly relay: {
    readonly batchSize: number;
    readonly pollMs: number;
    /** Published events are checked this long after publishing; one no queue holds any more is re-published. */
    readonly acknowledgeAfterMs: number;
  };
  readonly retention: { readonly outboxDays: number; readonly inboxDays: number };
  /** OpenTelemetry traces; off unless an OTLP endpoint is set. */
  readonly tracing: TracingConfig;
}

export function isApiRole(role: ServiceRole): boolean {
  return role === 'api' || role === 'all';
}

export function isWorkerRole(role: ServiceRole): boolean {
  return role === 'worker' || role === 'all';
}

/** The PlatformConfig of `serviceName` from `env`; `--print-schema` in `argv` selects the schema role. */
export function loadPlatformConfig(serviceName: ServiceName, env: Environment, argv: readonly string[] = []): PlatformConfig {
  const { values, problems } = readEnvironment(withServiceDatabase(PlatformEnvironment, serviceName), env);
  const schedules = readScheduleOverrides(env);
  const service = SERVICES[serviceName];
  const role: ServiceRole = argv.includes('--print-schema') ? 'schema' : values.ROLE;
  const config: PlatformConfig = {
    service,
    role,
    host: values.HOST,
    port: values.PORT ?? (role === 'worker' ? service.defaultPort + 100 : service.defaultPort),
    databaseUrl: databaseUrlOf(values, serviceName),
    databasePoolSize: values.DB_POOL_SIZE,
    redisUrl: values.REDIS_URL,
    queuePrefix: values.QUEUE_PREFIX,
    logLevel: values.LOG_LEVEL,
    identitySecret: values.GATEWAY_IDENTITY_SECRET,
    ...(values.METRICS_TOKEN ? { metricsToken: values.METRICS_TOKEN } : {}),
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    worker: {
      concurrency: values.WORKER_CONCURRENCY,
      attempts: values.JOB_ATTEMPTS,
      backoffMs: values.JOB_BACKOFF_MS,
      lockMs: values.JOB_LOCK_MS,
      stalledCheckMs: values.JOB_STALLED_CHECK_MS,
      readyMaxBacklog: values.READY_MAX_BACKLOG,
      eventBatchMax: values.EVENT_BATCH_MAX,
      scheduleCheckMs: values.SCHEDULE_CHECK_MS,
      scheduleOverrides: schedules.overrides,
    },
    relay: { batchSize: values.OUTBOX_BATCH_SIZE, pollMs: values.OUTBOX_POLL_MS, acknowledgeAfterMs: values.OUTBOX_ACK_CHECK_MS },
    retention: { outboxDays: values.OUTBOX_RETENTION_DAYS, inboxDays: values.INBOX_RETENTION_DAYS },
    tracing: {
      ...(values.OTEL_EXPORTER_OTLP_ENDPOINT ? { endpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
      ...(values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? { tracesEndpoint: values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT } : {}),
      samplePercent: values.TRACE_SAMPLE_PERCENT,
      exportDelayMs: values.TRACE_EXPORT_DELAY_MS,
      exportBatchMax: values.TRACE_EXPORT_BATCH_MAX,
      queueMax: values.TRACE_QUEUE_MAX,
    },
  };
  return validConfig(`the ${serviceName} service`, config, [...problems, ...schedules.problems]);
}

export interface ConnectionConfig {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
}

/** The suite's shared database (DATABASE_URL), Redis and queue prefix, for tools beside the services (ops, `npm start`). */
export function loadConnectionConfig(env: Environment): ConnectionConfig {
  const { values, problems } = readEnvironment(ConnectionEnvironment, env);
  const config = { databaseUrl: values.DATABASE_URL, redisUrl: values.REDIS_URL, queuePrefix: values.QUEUE_PREFIX };
  return validConfig('the suite connections', config, problems);
}

/** The database URL of `serviceName` alone: what migrations need, without the service's other settings. */
export function loadDatabaseUrl(serviceName: ServiceName, env: Environment): string {
  const { values, problems } = readEnvironment(withServiceDatabase(DatabaseEnvironment, serviceName), env);
  return validConfig(`the ${serviceName} database`, databaseUrlOf(values, serviceName), problems);
}
