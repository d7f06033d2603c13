import { resolve } from 'node:path';
import { developmentWebhookSecret, DOMAIN_SERVICE_NAMES, SERVICES, webhookSigningKey, type DomainServiceName } from '@shopops/contracts';
import { DEV_JWT_SECRET, EnvReader, serviceEnvName } from '@shopops/platform';

export const GATEWAY_ENGINES = ['apollo', 'hive'] as const;
export type GatewayEngineName = (typeof GATEWAY_ENGINES)[number];

export const DEFAULT_WEBHOOK_SOURCES = ['taobao', 'douyin', 'mall', 'logistics'] as const;

export interface WebhookSourceConfig {
  readonly name: string;
  /** Raw HMAC keys, from `whsec_<base64>` secrets; two at once while rotating. */
  readonly keys: readonly Buffer[];
}

export interface GatewayConfig {
  readonly jwtSecret: string;
  readonly engine: GatewayEngineName;
  readonly supergraphPath: string;
  readonly subgraphUrls: Readonly<Record<DomainServiceName, string>>;
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly maxTokens: number;
  readonly maxFields: number;
  readonly maxAliases: number;
  readonly rateLimitPerMinute: number;
  readonly webhookSources: ReadonlyMap<string, WebhookSourceConfig>;
  readonly webhookToleranceSeconds: number;
  /** Days a delivery keeps its body; then only its type, order and refund ids remain. */
  readonly webhookBodyRetentionDays: number;
}

const SOURCE = /^[a-z][a-z0-9-]{0,31}$/;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const read = new EnvReader(env);
  const subgraphUrls = Object.fromEntries(
    DOMAIN_SERVICE_NAMES.map((name) => [
      name,
      read.string(serviceEnvName(name, 'URL'), `http://127.0.0.1:${SERVICES[name].defaultPort}/graphql`, /^https?:\/\//),
    ]),
  ) as Record<DomainServiceName, string>;
  const config: GatewayConfig = {
    jwtSecret: read.secret('JWT_SECRET', DEV_JWT_SECRET),
    engine: read.oneOf('GATEWAY_ENGINE', GATEWAY_ENGINES, 'apollo'),
    supergraphPath: resolve(read.string('SUPERGRAPH_PATH', 'generated/supergraph.graphql')),
    subgraphUrls,
    maxDepth: read.int('GRAPHQL_MAX_DEPTH', 12, 2, 100),
    maxComplexity: read.int('GRAPHQL_MAX_COMPLEXITY', 10_000, 10, 10_000_000),
    maxTokens: read.int('GRAPHQL_MAX_TOKENS', 10_000, 100, 1_000_000),
    maxFields: read.int('GRAPHQL_MAX_FIELDS', 5_000, 10, 1_000_000),
    maxAliases: read.int('GRAPHQL_MAX_ALIASES', 500, 0, 1_000_000),
    rateLimitPerMinute: read.int('RATE_LIMIT_PER_MINUTE', 6000, 1, 100_000_000),
    webhookSources: readWebhookSources(read, env),
    webhookToleranceSeconds: read.int('WEBHOOK_TOLERANCE_SECONDS', 300, 1, 86_400),
    webhookBodyRetentionDays: read.int('WEBHOOK_BODY_RETENTION_DAYS', 30, 1, 3650),
  };
  read.assertValid('the gateway');
  return config;
}

function readWebhookSources(read: EnvReader, env: NodeJS.ProcessEnv): Map<string, WebhookSourceConfig> {
  const names = (env.WEBHOOK_SOURCES?.trim() ? env.WEBHOOK_SOURCES.trim().split(/\s+/) : [...DEFAULT_WEBHOOK_SOURCES]).filter(
    (name) => SOURCE.test(name) || (read.problems.push(`WEBHOOK_SOURCES: "${name}" is not a valid source name`), false),
  );
  const sources = new Map<string, WebhookSourceConfig>();
  const developmentSecrets = new Set([...DEFAULT_WEBHOOK_SOURCES, ...names].map(developmentWebhookSecret));
  for (const name of names) {
    const variable = `WEBHOOK_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
    const configured = env[variable]?.trim();
    if (!configured && read.isProduction) read.problems.push(`${variable} must be set in production`);
    const secrets = configured ? configured.split(/\s+/) : [developmentWebhookSecret(name)];
    const keys: Buffer[] = [];
    for (const secret of secrets) {
      const key = webhookSigningKey(secret);
      if (key) keys.push(key);
      else read.problems.push(`${variable} holds a value that is not whsec_<base64>`);
      if (configured && developmentSecrets.has(secret)) read.refuseDevelopmentSecret(variable);
    }
    sources.set(name, { name, keys });
  }
  return sources;
}
