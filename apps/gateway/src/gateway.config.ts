import { resolve } from 'node:path';
import { developmentWebhookSecret, DOMAIN_SERVICE_NAMES, SERVICES, webhookSigningKey, type DomainServiceName } from '@shopops/contracts';
import {
  declareVariable,
  DEV_JWT_SECRET,
  developmentSecretRefusal,
  IntegerVariable,
  isProduction,
  OneOfVariable,
  readEnvironment,
  SecretVariable,
  serviceEnvName,
  TextVariable,
  validConfig,
  type Environment,
} from '@shopops/platform';

export const GATEWAY_ENGINES = ['apollo', 'hive'] as const;
export type GatewayEngineName = (typeof GATEWAY_ENGINES)[number];

/** Who may open the GraphQL IDE a browser gets at /graphql: anyone, signed-in staff, or nobody. */
export const GRAPHQL_IDE_ACCESS = ['open', 'staff', 'off'] as const;
export type GraphQLIdeAccess = (typeof GRAPHQL_IDE_ACCESS)[number];

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
  /** Keep-alive sockets the gateway holds open to each subgraph. */
  readonly subgraphConnections: number;
  readonly rateLimitPerMinute: number;
  /** GRAPHQL_IDE: open in development, for signed-in staff in production (where `open` is refused). */
  readonly ide: GraphQLIdeAccess;
  readonly webhookSources: ReadonlyMap<string, WebhookSourceConfig>;
  readonly webhookToleranceSeconds: number;
  /** Days a delivery keeps its body; then only its type, order and refund ids remain. */
  readonly webhookBodyRetentionDays: number;
  /** Most deliveries one group commit stores (WEBHOOK_GROUP_MAX_ROWS). */
  readonly webhookGroupMaxRows: number;
  /** How long an idle intake's first delivery waits for company before its group is written; 0 = next turn of the event loop. */
  readonly webhookGroupWaitMs: number;
}

const SOURCE = /^[a-z][a-z0-9-]{0,31}$/;

/** The secret bearer tokens are signed with; tools that mint tokens (`npm run token`, ops) read it alone. */
class JwtEnvironment {
  @SecretVariable(DEV_JWT_SECRET) JWT_SECRET: string = DEV_JWT_SECRET;
}

export function loadJwtSecret(env: Environment): string {
  const { values, problems } = readEnvironment(JwtEnvironment, env);
  return validConfig('bearer tokens', values.JWT_SECRET, problems);
}

class GatewayEnvironment extends JwtEnvironment {
  @OneOfVariable(GATEWAY_ENGINES) GATEWAY_ENGINE: GatewayEngineName = 'apollo';
  @TextVariable() SUPERGRAPH_PATH = 'generated/supergraph.graphql';
  @IntegerVariable(2, 100) GRAPHQL_MAX_DEPTH = 12;
  @IntegerVariable(10, 10_000_000) GRAPHQL_MAX_COMPLEXITY = 10_000;
  @IntegerVariable(100, 1_000_000) GRAPHQL_MAX_TOKENS = 10_000;
  @IntegerVariable(10, 1_000_000) GRAPHQL_MAX_FIELDS = 5_000;
  @IntegerVariable(0, 1_000_000) GRAPHQL_MAX_ALIASES = 500;
  @IntegerVariable(1, 1024) SUBGRAPH_CONNECTIONS = 64;
  @IntegerVariable(1, 100_000_000) RATE_LIMIT_PER_MINUTE = 6000;
  @OneOfVariable(GRAPHQL_IDE_ACCESS) GRAPHQL_IDE?: GraphQLIdeAccess;
  @TextVariable() WEBHOOK_SOURCES?: string;
  @IntegerVariable(1, 86_400) WEBHOOK_TOLERANCE_SECONDS = 300;
  @IntegerVariable(1, 3650) WEBHOOK_BODY_RETENTION_DAYS = 30;
  @IntegerVariable(1, 5000) WEBHOOK_GROUP_MAX_ROWS = 200;
  @IntegerVariable(0, 100) WEBHOOK_GROUP_WAIT_MS = 0;
}
// Each domain service's subgraph address: `CATALOG_URL`, `CUSTOMER_SERVICE_URL`, …
for (const name of DOMAIN_SERVICE_NAMES) declareVariable(GatewayEnvironment, serviceEnvName(name, 'URL'), TextVariable(/^https?:\/\//));

function subgraphUrlsOf(values: GatewayEnvironment): Record<DomainServiceName, string> {
  const set = values as unknown as Readonly<Record<string, string | undefined>>;
  return Object.fromEntries(
    DOMAIN_SERVICE_NAMES.map((name) => [name, set[serviceEnvName(name, 'URL')] ?? `http://127.0.0.1:${SERVICES[name].defaultPort}/graphql`]),
  ) as Record<DomainServiceName, string>;
}

export function loadGatewayConfig(env: Environment): GatewayConfig {
  const { values, problems } = readEnvironment(GatewayEnvironment, env);
  const config: GatewayConfig = {
    jwtSecret: values.JWT_SECRET,
    engine: values.GATEWAY_ENGINE,
    supergraphPath: resolve(values.SUPERGRAPH_PATH),
    subgraphUrls: subgraphUrlsOf(values),
    maxDepth: values.GRAPHQL_MAX_DEPTH,
    maxComplexity: values.GRAPHQL_MAX_COMPLEXITY,
    maxTokens: values.GRAPHQL_MAX_TOKENS,
    maxFields: values.GRAPHQL_MAX_FIELDS,
    maxAliases: values.GRAPHQL_MAX_ALIASES,
    subgraphConnections: values.SUBGRAPH_CONNECTIONS,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    ide: ideAccessOf(values.GRAPHQL_IDE, env, problems),
    webhookSources: readWebhookSources(values.WEBHOOK_SOURCES, env, problems),
    webhookToleranceSeconds: values.WEBHOOK_TOLERANCE_SECONDS,
    webhookBodyRetentionDays: values.WEBHOOK_BODY_RETENTION_DAYS,
    webhookGroupMaxRows: values.WEBHOOK_GROUP_MAX_ROWS,
    webhookGroupWaitMs: values.WEBHOOK_GROUP_WAIT_MS,
  };
  return validConfig('the gateway', config, problems);
}

/** The schema and an operation console are for staff in production: anyone may open the IDE only elsewhere. */
function ideAccessOf(configured: GraphQLIdeAccess | undefined, env: Environment, problems: string[]): GraphQLIdeAccess {
  if (configured === 'open' && isProduction(env)) problems.push('GRAPHQL_IDE=open is refused in production: use staff (the default there) or off');
  return configured ?? (isProduction(env) ? 'staff' : 'open');
}

/** Sources are named in WEBHOOK_SOURCES, so each one's `WEBHOOK_SECRET_<SOURCE>` is read by name here. */
function readWebhookSources(sourceList: string | undefined, env: Environment, problems: string[]): Map<string, WebhookSourceConfig> {
  const names = (sourceList?.trim() ? sourceList.trim().split(/\s+/) : [...DEFAULT_WEBHOOK_SOURCES]).filter(
    (name) => SOURCE.test(name) || (problems.push(`WEBHOOK_SOURCES: "${name}" is not a valid source name`), false),
  );
  const sources = new Map<string, WebhookSourceConfig>();
  const developmentSecrets = new Set([...DEFAULT_WEBHOOK_SOURCES, ...names].map(developmentWebhookSecret));
  for (const name of names) {
    const variable = `WEBHOOK_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
    const configured = env[variable]?.trim();
    if (!configured && isProduction(env)) problems.push(`${variable} must be set in production`);
    const secrets = configured ? configured.split(/\s+/) : [developmentWebhookSecret(name)];
    const keys: Buffer[] = [];
    for (const secret of secrets) {
      const key = webhookSigningKey(secret);
      if (key) keys.push(key);
      else problems.push(`${variable} holds a value that is not whsec_<base64>`);
      if (configured && developmentSecrets.has(secret) && isProduction(env)) problems.push(developmentSecretRefusal(variable));
    }
    sources.set(name, { name, keys });
  }
  return sources;
}
