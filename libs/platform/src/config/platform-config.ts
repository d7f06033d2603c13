import { SERVICES, type ServiceDescriptor, type ServiceName } from '@shopops/contracts';
import { EnvReader } from './env';

/** `api` serves HTTP/GraphQL, `worker` runs queue consumers, relays and schedules, `all` does both. */
export const SERVICE_ROLES = ['api', 'worker', 'all'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number] | 'schema';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shopops';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEV_IDENTITY_SECRET = 'development-only-gateway-identity-secret';

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
  };
  readonly relay: {
    readonly batchSize: number;
    readonly pollMs: number;
    /** Published events are checked this long after publishing; one no queue holds any more is re-published. */
    readonly acknowledgeAfterMs: number;
  };
  readonly retention: { readonly outboxDays: number; readonly inboxDays: number };
}

export function isApiRole(role: ServiceRole): boolean {
  return role === 'api' || role === 'all';
}

export function isWorkerRole(role: ServiceRole): boolean {
  return role === 'worker' || role === 'all';
}

/** `CUSTOMER_SERVICE_DATABASE_URL` style names: a service can move to its own database. */
export function serviceEnvName(service: ServiceName, suffix: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_${suffix}`;
}

function metricsToken(read: EnvReader): { metricsToken?: string } {
  const token = read.string('METRICS_TOKEN', '', /^\S{16,}$/, 'at least 16 characters without spaces');
  if (!token && read.isProduction) read.problems.push('METRICS_TOKEN must be set in production: /metrics answers only with it');
  return token ? { metricsToken: token } : {};
}

export function loadPlatformConfig(
  serviceName: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): PlatformConfig {
  const read = new EnvReader(env);
  const service = SERVICES[serviceName];
  const printSchema = argv.includes('--print-schema');
  const role: ServiceRole = printSchema ? 'schema' : read.oneOf('ROLE', SERVICE_ROLES, 'all');
  const defaultPort = role === 'worker' ? service.defaultPort + 100 : service.defaultPort;
  const databaseUrl =
    read.string(serviceEnvName(serviceName, 'DATABASE_URL'), '', /^postgres(ql)?:\/\//) ||
    read.string('DATABASE_URL', DEFAULT_DATABASE_URL, /^postgres(ql)?:\/\//, 'expected postgres://user@host:port/database');
  const config: PlatformConfig = {
    service,
    role,
    host: read.string('HOST', '0.0.0.0'),
    port: read.int('PORT', defaultPort, 0, 65535),
    databaseUrl,
    databasePoolSize: read.int('DB_POOL_SIZE', 10, 1, 200),
    redisUrl: read.string('REDIS_URL', DEFAULT_REDIS_URL, /^rediss?:\/\//, 'expected redis://host:port'),
    queuePrefix: read.string('QUEUE_PREFIX', 'shopops', /^[A-Za-z0-9_{}-]{1,64}$/, 'letters, digits, _ - { }'),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    identitySecret: read.secret('GATEWAY_IDENTITY_SECRET', DEV_IDENTITY_SECRET),
    ...metricsToken(read),
    worker: {
      concurrency: read.int('WORKER_CONCURRENCY', 16, 1, 512),
      attempts: read.int('JOB_ATTEMPTS', 8, 1, 100),
      backoffMs: read.int('JOB_BACKOFF_MS', 1000, 1, 3_600_000),
      lockMs: read.int('JOB_LOCK_MS', 30_000, 500, 600_000),
      stalledCheckMs: read.int('JOB_STALLED_CHECK_MS', 30_000, 500, 600_000),
      readyMaxBacklog: read.int('READY_MAX_BACKLOG', 50_000, 1, 10_000_000),
      eventBatchMax: read.int('EVENT_BATCH_MAX', 100, 1, 1000),
      scheduleCheckMs: read.int('SCHEDULE_CHECK_MS', 60_000, 100, 3_600_000),
    },
    relay: {
      batchSize: read.int('OUTBOX_BATCH_SIZE', 500, 1, 10_000),
      pollMs: read.int('OUTBOX_POLL_MS', 1000, 10, 60_000),
      acknowledgeAfterMs: read.int('OUTBOX_ACK_CHECK_MS', 5000, 100, 3_600_000),
    },
    retention: {
      outboxDays: read.int('OUTBOX_RETENTION_DAYS', 7, 1, 3650),
      inboxDays: read.int('INBOX_RETENTION_DAYS', 30, 1, 3650),
    },
  };
  read.assertValid(`the ${serviceName} service`);
  return config;
}
