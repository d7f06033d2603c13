import { ConfigError, DEV_JWT_SECRET } from '@shopops/platform';
import { developmentWebhookSecret, webhookSecretOf } from '@shopops/contracts';
import { configProblems } from '@shopops/testing';
import { DEFAULT_WEBHOOK_SOURCES, loadGatewayConfig } from './gateway.config';
import { DEFAULT_RETRY_SCHEDULE, loadOutboundConfig } from './outbound/outbound.config';

const ownSecret = (source: string) => webhookSecretOf(Buffer.from(`production-key-of-${source}`));
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-jwt-secret',
  ...Object.fromEntries(DEFAULT_WEBHOOK_SOURCES.map((s) => [`WEBHOOK_SECRET_${s.toUpperCase()}`, ownSecret(s)])),
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('gateway configuration in production', () => {
  it('starts with secrets of its own', () => {
    expect(problemsOf(PRODUCTION)).toEqual([]);
  });

  it('refuses the documented development JWT secret set explicitly', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: DEV_JWT_SECRET })).toEqual([
      'JWT_SECRET holds the documented development value; set a secret of your own in production',
    ]);
  });

  it('refuses a documented development webhook secret, alone or beside a rotated one', () => {
    const problems = problemsOf({
      ...PRODUCTION,
      WEBHOOK_SECRET_TAOBAO: developmentWebhookSecret('taobao'),
      WEBHOOK_SECRET_MALL: `${ownSecret('mall')} ${developmentWebhookSecret('douyin')}`,
    });
    expect(problems).toEqual([
      'WEBHOOK_SECRET_TAOBAO holds the documented development value; set a secret of your own in production',
      'WEBHOOK_SECRET_MALL holds the documented development value; set a secret of your own in production',
    ]);
  });

  it('opens the GraphQL IDE to signed-in staff only, or not at all, never to anyone', () => {
    expect(loadGatewayConfig(PRODUCTION).ide).toBe('staff');
    expect(loadGatewayConfig({ ...PRODUCTION, GRAPHQL_IDE: 'off' }).ide).toBe('off');
    expect(problemsOf({ ...PRODUCTION, GRAPHQL_IDE: 'open' })).toEqual(['GRAPHQL_IDE=open is refused in production: use staff (the default there) or off']);
  });

  it('accepts the development webhook secrets outside production', () => {
    expect(problemsOf({ NODE_ENV: 'test', WEBHOOK_SECRET_TAOBAO: developmentWebhookSecret('taobao') })).toEqual([]);
  });
});

describe('gateway configuration', () => {
  it('keeps its defaults', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ jwtSecret: DEV_JWT_SECRET, engine: 'apollo', maxDepth: 12, rateLimitPerMinute: 6000, webhookToleranceSeconds: 300 });
    expect(config.subgraphUrls.catalog).toBe('http://127.0.0.1:4001/graphql');
    expect([...config.webhookSources.keys()]).toEqual([...DEFAULT_WEBHOOK_SOURCES]);
    expect(config.ide).toBe('open');
  });

  it('reads how many webhook deliveries one group commit takes and how long it waits for them', () => {
    expect(loadGatewayConfig({})).toMatchObject({ webhookGroupMaxRows: 200, webhookGroupWaitMs: 0 });
    expect(loadGatewayConfig({ WEBHOOK_GROUP_MAX_ROWS: '50', WEBHOOK_GROUP_WAIT_MS: '2' })).toMatchObject({ webhookGroupMaxRows: 50, webhookGroupWaitMs: 2 });
    expect(problemsOf({ WEBHOOK_GROUP_MAX_ROWS: '0' })).toEqual(['WEBHOOK_GROUP_MAX_ROWS="0" must be an integer between 1 and 5000']);
  });

  it('reads who may open the GraphQL IDE', () => {
    expect(loadGatewayConfig({ GRAPHQL_IDE: 'staff' }).ide).toBe('staff');
    expect(loadGatewayConfig({ GRAPHQL_IDE: 'off' }).ide).toBe('off');
    expect(problemsOf({ GRAPHQL_IDE: 'everyone' })).toEqual(['GRAPHQL_IDE="everyone" must be one of open, staff, off']);
  });

  it('reads each subgraph address by its service name', () => {
    expect(loadGatewayConfig({ CUSTOMER_SERVICE_URL: 'http://cs:4004/graphql' }).subgraphUrls['customer-service']).toBe('http://cs:4004/graphql');
  });

  it('names every bad value', () => {
    expect(problemsOf({ GATEWAY_ENGINE: 'mesh', GRAPHQL_MAX_DEPTH: '1', CATALOG_URL: 'catalog:4001', WEBHOOK_SOURCES: 'taobao Bad!' })).toEqual([
      'GATEWAY_ENGINE="mesh" must be one of apollo, hive',
      'GRAPHQL_MAX_DEPTH="1" must be an integer between 2 and 100',
      'CATALOG_URL="catalog:4001" is invalid',
      'WEBHOOK_SOURCES: "Bad!" is not a valid source name',
    ]);
  });
});

describe('outbound webhook configuration', () => {
  it('keeps its defaults', () => {
    expect(loadOutboundConfig({})).toMatchObject({
      retryScheduleMs: DEFAULT_RETRY_SCHEDULE,
      timeoutMs: 10_000,
      circuitFailures: 5,
      allowPrivateNetworks: false,
    });
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadOutboundConfig({ OUTBOUND_RETRY_SCHEDULE_MS: '10s,1m', OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'yes' }))).toEqual([
      'OUTBOUND_RETRY_SCHEDULE_MS="10s,1m" is invalid: comma-separated milliseconds',
      'OUTBOUND_ALLOW_PRIVATE_NETWORKS="yes" must be one of true, false',
    ]);
  });

  it('requires a secrets key of its own in production', () => {
    expect(configProblems(() => loadOutboundConfig({ NODE_ENV: 'production' }))).toEqual(['OUTBOUND_SECRETS_KEY must be set in production']);
    const developmentKey = Buffer.from('shopops-development-secrets-key!').toString('base64');
    expect(configProblems(() => loadOutboundConfig({ NODE_ENV: 'production', OUTBOUND_SECRETS_KEY: developmentKey }))).toEqual([
      'OUTBOUND_SECRETS_KEY holds the documented development value; set a secret of your own in production',
    ]);
  });
});
