import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadServiceConfig, type Environment } from '@shopops/platform';
import type { ServiceName } from '@shopops/contracts';
import { loadJwtSecret } from '../../apps/gateway/src/gateway.config';
import { CONFIG_SECTIONS as SECTIONS, generatedSecrets, imageEnvironment, problemsOf, readEnvFile, ROOT } from './deploy-environment';

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

/** The environment of a container: the image's ENV, then env_file, then `environment`. */
function containerEnvironment(service: ComposeService, envFile: Record<string, string>): Environment {
  return { ...imageEnvironment(), ...(service.env_file?.length ? envFile : {}), ...service.environment };
}

function serviceOf(command: string[] | undefined): ServiceName | undefined {
  const match = /^dist\/apps\/([a-z-]+)\/src\/main\.js$/.exec(command?.[1] ?? '');
  return match ? (match[1] as ServiceName) : undefined;
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
