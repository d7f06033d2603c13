import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig, type ConfigSection, type Environment } from '@shopops/platform';
import type { ServiceName } from '@shopops/contracts';
import { ANALYTICS_CONFIG_SECTIONS } from '../../apps/analytics/src/analytics.config';
import { CATALOG_CONFIG_SECTIONS } from '../../apps/catalog/src/catalog.config';
import { CUSTOMER_SERVICE_CONFIG_SECTIONS } from '../../apps/customer-service/src/customer-service.config';
import { GATEWAY_CONFIG_SECTIONS } from '../../apps/gateway/src/gateway-config.module';
import { loadJwtSecret } from '../../apps/gateway/src/gateway.config';
import { INVENTORY_CONFIG_SECTIONS } from '../../apps/inventory/src/inventory.config';
import { MEMBERSHIP_CONFIG_SECTIONS } from '../../apps/membership/src/membership.config';

const ROOT = resolve(__dirname, '../..');

/** What each service's process validates at start: the sections its main.ts hands to runService. */
const SECTIONS: Record<ServiceName, readonly ConfigSection[]> = {
  gateway: GATEWAY_CONFIG_SECTIONS,
  catalog: CATALOG_CONFIG_SECTIONS,
  inventory: INVENTORY_CONFIG_SECTIONS,
  membership: MEMBERSHIP_CONFIG_SECTIONS,
  'customer-service': CUSTOMER_SERVICE_CONFIG_SECTIONS,
  analytics: ANALYTICS_CONFIG_SECTIONS,
};

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  env_file?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
}

function readEnvFile(path: string): Record<string, string> {
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, from the `--env-file`. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_whole, name: string, kind?: string, rest?: string) => {
    const value = vars[name];
    if (value) return value;
    if (kind === '?') throw new Error(`compose refuses to start: ${rest}`);
    return kind === '-' ? (rest ?? '') : '';
  });
}

function readCompose(vars: Record<string, string>): Record<string, ComposeService> {
  const text = interpolate(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), vars);
  return (parse(text, { merge: true }) as { services: Record<string, ComposeService> }).services;
}

/** A value of the right form for every secret of the example file, as an operator would generate. */
function generatedSecrets(names: readonly string[]): Record<string, string> {
  const secret = (name: string): string => {
    if (name.startsWith('WEBHOOK_SECRET_')) return `whsec_${randomBytes(32).toString('base64')}`;
    if (name === 'PII_KEYS') return `k1:${randomBytes(32).toString('base64')}`;
    if (name === 'OUTBOUND_SECRETS_KEY') return randomBytes(32).toString('base64');
    return randomBytes(24).toString('hex');
  };
  return Object.fromEntries(names.map((name) => [name, secret(name)]));
}

/** The environment of a container: the image's ENV, then env_file, then `environment`. */
function imageEnvironment(): Record<string, string> {
  const finalStage =
    readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .split(/^FROM /m)
      .pop() ?? '';
  return Object.fromEntries([...finalStage.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((match) => [match[1], match[2]]));
}

function containerEnvironment(service: ComposeService, envFile: Record<string, string>): Environment {
  return { ...imageEnvironment(), ...(service.env_file?.length ? envFile : {}), ...service.environment };
}

function serviceOf(command: string[] | undefined): ServiceName | undefined {
  const match = /^dist\/apps\/([a-z-]+)\/src\/main\.js$/.exec(command?.[1] ?? '');
  return match ? (match[1] as ServiceName) : undefined;
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    return (error as { problems?: string[] }).problems ?? [String(error)];
  }
}

describe('docker-compose.yml', () => {
  const example = readEnvFile(join(ROOT, 'deploy/compose.env.example'));
  const envFile = generatedSecrets(Object.keys(example));
  const services = readCompose(envFile);
  const appServices = Object.entries(services).filter(([, service]) => serviceOf(service.command));

  it('runs every service of the suite, each from its own main.js', () => {
    expect(appServices.map(([, service]) => serviceOf(service.command)).sort()).toEqual(Object.keys(SECTIONS).sort());
  });

  it('builds one image, once, and runs every container of the suite from it', () => {
    const built = Object.entries(services).filter(([, service]) => service.build !== undefined);
    expect(built.map(([name]) => name)).toEqual(['migrate']);
    const image = built[0][1].image;
    expect(image).toBeTruthy();
    const ours = Object.entries(services).filter(([name]) => !['postgres', 'redis'].includes(name));
    expect(ours.map(([name, service]) => [name, service.image])).toEqual(ours.map(([name]) => [name, image]));
  });

  it('gives every app service a readiness healthcheck on its own port', () => {
    for (const [name, service] of appServices) {
      const test = service.healthcheck?.test.join(' ') ?? '';
      expect([name, test]).toEqual([name, expect.stringContaining('/health/ready')]);
      expect([name, service.environment?.PORT]).toEqual([name, expect.stringMatching(/^\d+$/)]);
    }
  });

  it('waits for what a container needs to be healthy (or, for a job, done), never merely started', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const needed = services[dependency].healthcheck ? 'service_healthy' : 'service_completed_successfully';
        expect([name, dependency, condition]).toEqual([name, dependency, needed]);
      }
    }
    const gatewayWaitsFor = Object.keys(services.gateway.depends_on ?? {});
    expect(gatewayWaitsFor).toEqual(expect.arrayContaining(['catalog', 'inventory', 'membership', 'customer-service', 'analytics']));
  });

  it('runs in production: nothing sets NODE_ENV but the image, which says production', () => {
    expect(imageEnvironment().NODE_ENV).toBe('production');
    for (const [name, service] of Object.entries(services)) expect([name, service.environment?.NODE_ENV]).toEqual([name, undefined]);
  });

  it('commits no secret: every variable of the example env file is empty', () => {
    expect(Object.entries(example).filter(([, value]) => value !== '')).toEqual([]);
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('deploy/compose.env');
  });

  it('gives every service, with the env file filled in, every variable its configuration requires in production', () => {
    for (const [name, service] of appServices) {
      const serviceName = serviceOf(service.command) as ServiceName;
      const env = containerEnvironment(service, envFile);
      expect([name, problemsOf(() => loadServiceConfig(serviceName, SECTIONS[serviceName], env))]).toEqual([name, []]);
    }
    expect(problemsOf(() => loadJwtSecret(containerEnvironment(services.reconcile, envFile)))).toEqual([]);
  });

  it('refuses to start on the development secrets: the example file left empty stops every service', () => {
    const emptied = Object.fromEntries(Object.keys(example).map((name) => [name, '']));
    for (const [name, service] of appServices) {
      const serviceName = serviceOf(service.command) as ServiceName;
      const env = { ...containerEnvironment(service, envFile), ...emptied };
      expect([name, problemsOf(() => loadServiceConfig(serviceName, SECTIONS[serviceName], env))]).toEqual([
        name,
        expect.arrayContaining([expect.stringContaining('GATEWAY_IDENTITY_SECRET must be set in production')]),
      ]);
    }
    expect(() => readCompose({})).toThrow(/POSTGRES_PASSWORD/);
  });
});
