import type { ServiceName } from '@shopops/contracts';
import { declareVariable, EnvironmentVariable, IntegerVariable, isProduction, OneOfVariable, SecretVariable, TextVariable } from './environment-schema';

/** `api` serves HTTP/GraphQL, `worker` runs queue consumers, relays and schedules, `all` does both. */
export const SERVICE_ROLES = ['api', 'worker', 'all'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/shopops';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEV_IDENTITY_SECRET = 'development-only-gateway-identity-secret';

const POSTGRES_URL = /^postgres(ql)?:\/\//;
const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** `CUSTOMER_SERVICE_DATABASE_URL` style names: a service can move to its own database. */
export function serviceEnvName(service: ServiceName, suffix: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_${suffix}`;
}

/** Where a service's tables live: its own `<SERVICE>_DATABASE_URL`, else the shared DATABASE_URL. */
export class DatabaseEnvironment {
  @TextVariable(POSTGRES_URL, 'expected postgres://user@host:port/database') DATABASE_URL: string = DEFAULT_DATABASE_URL;
  @IntegerVariable(1, 200) DB_POOL_SIZE = 10;
}

/** Where a service's data and queues are: what tools beside the services (migrations, ops) need too. */
export class ConnectionEnvironment extends DatabaseEnvironment {
  @TextVariable(/^rediss?:\/\//, 'expected redis://host:port') REDIS_URL: string = DEFAULT_REDIS_URL;
  @TextVariable(/^[A-Za-z0-9_{}-]{1,64}$/, 'letters, digits, _ - { }') QUEUE_PREFIX = 'shopops';
}

export class PlatformEnvironment extends ConnectionEnvironment {
  @OneOfVariable(SERVICE_ROLES) ROLE: (typeof SERVICE_ROLES)[number] = 'all';
  @TextVariable() HOST = '0.0.0.0';
  /** Unset: the service's own default port (+100 for a worker). */
  @IntegerVariable(0, 65535) PORT?: number;
  @OneOfVariable(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @SecretVariable(DEV_IDENTITY_SECRET) GATEWAY_IDENTITY_SECRET: string = DEV_IDENTITY_SECRET;
  @EnvironmentVariable((raw, env, name) => {
    if (raw === undefined) return isProduction(env) ? `${name} must be set in production: /metrics answers only with it` : undefined;
    return /^\S{16,}$/.test(raw) ? undefined : `${name}=${JSON.stringify(raw)} is invalid: at least 16 characters without spaces`;
  })
  METRICS_TOKEN?: string;
  @IntegerVariable(100, 3_600_000) SHUTDOWN_TIMEOUT_MS = 30_000;
  @IntegerVariable(1, 512) WORKER_CONCURRENCY = 16;
  @IntegerVariable(1, 100) JOB_ATTEMPTS = 8;
  @IntegerVariable(1, 3_600_000) JOB_BACKOFF_MS = 1000;
  @IntegerVariable(500, 600_000) JOB_LOCK_MS = 30_000;
  @IntegerVariable(500, 600_000) JOB_STALLED_CHECK_MS = 30_000;
  @IntegerVariable(1, 10_000_000) READY_MAX_BACKLOG = 50_000;
  @IntegerVariable(1, 10_000) EVENT_BATCH_MAX = 500;
  @IntegerVariable(100, 3_600_000) SCHEDULE_CHECK_MS = 60_000;
  @IntegerVariable(1, 10_000) OUTBOX_BATCH_SIZE = 500;
  @IntegerVariable(10, 60_000) OUTBOX_POLL_MS = 1000;
  @IntegerVariable(100, 3_600_000) OUTBOX_ACK_CHECK_MS = 5000;
  @IntegerVariable(1, 3650) OUTBOX_RETENTION_DAYS = 7;
  @IntegerVariable(1, 3650) INBOX_RETENTION_DAYS = 30;
  /** OTLP/HTTP collector: set, the process records traces (docs/operations.md, Traces); unset, tracing is off. */
  @TextVariable(HTTP_URL, 'expected http(s)://host:port') OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @TextVariable(HTTP_URL, 'expected http(s)://host:port/v1/traces') OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  @IntegerVariable(0, 100) TRACE_SAMPLE_PERCENT = 100;
  @IntegerVariable(10, 600_000) TRACE_EXPORT_DELAY_MS = 1000;
  @IntegerVariable(1, 100_000) TRACE_EXPORT_BATCH_MAX = 512;
  @IntegerVariable(1, 1_000_000) TRACE_QUEUE_MAX = 2048;
}

const schemas = new Map<string, new () => object>();

/** The schema `base` extended with `<SERVICE>_DATABASE_URL` (built once per service). */
export function withServiceDatabase<T extends DatabaseEnvironment>(base: new () => T, service: ServiceName): new () => T {
  const key = `${base.name}:${service}`;
  let schema = schemas.get(key) as (new () => T) | undefined;
  if (!schema) {
    schema = class extends (base as new () => DatabaseEnvironment) {} as new () => T;
    declareVariable(schema, serviceEnvName(service, 'DATABASE_URL'), TextVariable(POSTGRES_URL));
    schemas.set(key, schema);
  }
  return schema;
}

/** The database a service uses, given values read with a schema from `withServiceDatabase`. */
export function databaseUrlOf(values: DatabaseEnvironment, service: ServiceName): string {
  const own = (values as unknown as Record<string, unknown>)[serviceEnvName(service, 'DATABASE_URL')];
  return typeof own === 'string' && own ? own : values.DATABASE_URL;
}

/** `SCHEDULE_<NAME>` overrides a schedule's cron pattern; `SCHEDULE_CHECK_MS` is a setting of its own. */
export function scheduleVariableName(scheduleName: string): string {
  return `SCHEDULE_${scheduleName.toUpperCase().replace(/[.-]/g, '_')}`;
}

const CRON_PATTERN = /^\S+(\s+\S+){4,5}$/;

/** Every `SCHEDULE_<NAME>` cron override set in `env`, and what is wrong with any of them. */
export function readScheduleOverrides(env: Readonly<Record<string, string | undefined>>): { overrides: Map<string, string>; problems: string[] } {
  const overrides = new Map<string, string>();
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('SCHEDULE_') || name === 'SCHEDULE_CHECK_MS' || raw === undefined || raw === '') continue;
    if (CRON_PATTERN.test(raw.trim())) overrides.set(name, raw.trim());
    else problems.push(`${name}=${JSON.stringify(raw)} is invalid: a cron pattern of 5 or 6 fields`);
  }
  return { overrides, problems };
}
