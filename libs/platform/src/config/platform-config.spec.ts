import { DEV_JWT_SECRET } from '../auth/bearer-token';
import { ConfigError, readEnvironment, SecretVariable } from './environment-schema';
import { DEFAULT_DATABASE_URL, DEV_IDENTITY_SECRET, loadDatabaseUrl, loadPlatformConfig, scheduleVariableName } from './platform-config';
import { configSection, loadServiceConfig } from './service-config';

const PRODUCTION = { NODE_ENV: 'production', GATEWAY_IDENTITY_SECRET: 'a-production-identity-secret', METRICS_TOKEN: 'a-production-metrics-token' };

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('platform configuration in production', () => {
  it('refuses the documented development identity secret even when it is set explicitly', () => {
    const problems = problemsOf(() => loadPlatformConfig('catalog', { ...PRODUCTION, GATEWAY_IDENTITY_SECRET: DEV_IDENTITY_SECRET }, []));
    expect(problems).toEqual(['GATEWAY_IDENTITY_SECRET holds the documented development value; set a secret of your own in production']);
  });

  it('requires a metrics token', () => {
    const { METRICS_TOKEN: _token, ...withoutToken } = PRODUCTION;
    expect(problemsOf(() => loadPlatformConfig('catalog', withoutToken, []))).toEqual([
      'METRICS_TOKEN must be set in production: /metrics answers only with it',
    ]);
  });

  it('starts with secrets of its own', () => {
    expect(loadPlatformConfig('catalog', PRODUCTION, []).metricsToken).toBe('a-production-metrics-token');
  });

  it('keeps the development defaults outside production, with /metrics open', () => {
    const config = loadPlatformConfig('catalog', { NODE_ENV: 'development', GATEWAY_IDENTITY_SECRET: DEV_IDENTITY_SECRET }, []);
    expect(config.identitySecret).toBe(DEV_IDENTITY_SECRET);
    expect(config.metricsToken).toBeUndefined();
  });

  it('refuses any secret read with its development default', () => {
    class SecretEnvironment {
      @SecretVariable(DEV_JWT_SECRET) JWT_SECRET = DEV_JWT_SECRET;
    }
    const { problems } = readEnvironment(SecretEnvironment, { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET });
    expect(problems).toEqual(['JWT_SECRET holds the documented development value; set a secret of your own in production']);
  });
});

describe('platform configuration', () => {
  it('keeps its defaults when nothing is set, or a variable is set empty', () => {
    const config = loadPlatformConfig('inventory', { PORT: '', LOG_LEVEL: '' });
    expect(config).toMatchObject({
      role: 'all',
      host: '0.0.0.0',
      port: 4002,
      databaseUrl: DEFAULT_DATABASE_URL,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'shopops',
      logLevel: 'info',
      shutdownTimeoutMs: 30_000,
      worker: { concurrency: 16, attempts: 8, backoffMs: 1000, lockMs: 30_000, scheduleCheckMs: 60_000 },
      relay: { batchSize: 500, pollMs: 1000, acknowledgeAfterMs: 5000 },
      retention: { outboxDays: 7, inboxDays: 30 },
    });
    expect(config.worker.scheduleOverrides.size).toBe(0);
  });

  it('gives a worker its own port, prefers the service database, and selects the schema role for --print-schema', () => {
    const env = { ROLE: 'worker', INVENTORY_DATABASE_URL: 'postgres://db/inventory', DATABASE_URL: 'postgres://db/shared' };
    expect(loadPlatformConfig('inventory', env)).toMatchObject({ role: 'worker', port: 4102, databaseUrl: 'postgres://db/inventory' });
    expect(loadPlatformConfig('catalog', env).databaseUrl).toBe('postgres://db/shared');
    expect(loadPlatformConfig('catalog', env, ['node', 'main.js', '--print-schema']).role).toBe('schema');
  });

  it('names every bad value at once', () => {
    const problems = problemsOf(() => loadPlatformConfig('catalog', { PORT: 'eighty', ROLE: 'boss', REDIS_URL: 'localhost:6379', SHUTDOWN_TIMEOUT_MS: '5' }));
    expect([...problems].sort()).toEqual([
      'PORT="eighty" must be an integer between 0 and 65535',
      'REDIS_URL="localhost:6379" is invalid: expected redis://host:port',
      'ROLE="boss" must be one of api, worker, all',
      'SHUTDOWN_TIMEOUT_MS="5" must be an integer between 100 and 3600000',
    ]);
  });

  it('reads SCHEDULE_<NAME> cron overrides into a map, apart from SCHEDULE_CHECK_MS, and refuses one that is not a cron pattern', () => {
    const config = loadPlatformConfig('membership', { SCHEDULE_MEMBERSHIP_DORMANCY: '*/3 * * * * *', SCHEDULE_CHECK_MS: '2000' });
    expect([...config.worker.scheduleOverrides]).toEqual([['SCHEDULE_MEMBERSHIP_DORMANCY', '*/3 * * * * *']]);
    expect(config.worker.scheduleCheckMs).toBe(2000);
    expect(config.worker.scheduleOverrides.get(scheduleVariableName('membership.dormancy'))).toBe('*/3 * * * * *');
    expect(problemsOf(() => loadPlatformConfig('membership', { SCHEDULE_MEMBERSHIP_DORMANCY: 'hourly' }))).toEqual([
      'SCHEDULE_MEMBERSHIP_DORMANCY="hourly" is invalid: a cron pattern of 5 or 6 fields',
    ]);
  });

  it('checks the database URLs migrations use on their own', () => {
    expect(loadDatabaseUrl('analytics', { ANALYTICS_DATABASE_URL: 'postgres://db/analytics' })).toBe('postgres://db/analytics');
    expect(problemsOf(() => loadDatabaseUrl('analytics', { DATABASE_URL: 'mysql://db' }))).toEqual([
      'DATABASE_URL="mysql://db" is invalid: expected postgres://user@host:port/database',
    ]);
  });
});

describe('a service configuration', () => {
  const sections = [configSection('shop', Symbol('SHOP'), (env) => loadPlatformConfig('catalog', { PORT: env.SHOP_PORT }).port)];

  it('holds the platform configuration and each section under its key', () => {
    const config = loadServiceConfig('catalog', sections, { SHOP_PORT: '5000' });
    expect(config.platform.service.name).toBe('catalog');
    expect(config.shop).toBe(5000);
  });

  it('reports the problems of the platform and of every section together', () => {
    expect(problemsOf(() => loadServiceConfig('catalog', sections, { SHOP_PORT: '-1', LOG_LEVEL: 'loud' }))).toEqual([
      'LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
      'PORT="-1" must be an integer between 0 and 65535',
    ]);
  });
});

describe('tracing configuration', () => {
  it('is off without an OTLP endpoint, with the documented defaults', () => {
    expect(loadPlatformConfig('catalog', {}, []).tracing).toEqual({ samplePercent: 100, exportDelayMs: 1000, exportBatchMax: 512, queueMax: 2048 });
  });

  it('takes the collector and every number from the environment', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example.com/otlp/v1/traces',
      TRACE_SAMPLE_PERCENT: '5',
      TRACE_EXPORT_DELAY_MS: '250',
      TRACE_EXPORT_BATCH_MAX: '64',
      TRACE_QUEUE_MAX: '4096',
    };
    expect(loadPlatformConfig('catalog', env, []).tracing).toEqual({
      endpoint: 'http://otel-collector:4318',
      tracesEndpoint: 'https://tempo.example.com/otlp/v1/traces',
      samplePercent: 5,
      exportDelayMs: 250,
      exportBatchMax: 64,
      queueMax: 4096,
    });
  });

  it('refuses an endpoint that is not an http(s) URL and a share above 100', () => {
    expect(problemsOf(() => loadPlatformConfig('catalog', { OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318', TRACE_SAMPLE_PERCENT: '150' }, []))).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT="otel-collector:4318" is invalid: expected http(s)://host:port',
      'TRACE_SAMPLE_PERCENT="150" must be an integer between 0 and 100',
    ]);
  });
});
