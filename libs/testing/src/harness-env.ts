import { loadPlatformConfig } from '@shopops/platform';
import { loadJwtSecret } from '../../../apps/gateway/src/gateway.config';

/**
 * The one place the test harness touches the process environment: its own switches, the
 * address of the suite the e2e project started (global setup publishes it here for specs),
 * and the secrets the suite's services use, read through their validated loaders.
 */
const env = process.env;

export type Topology = 'per-service' | 'one-process';
let secrets: { jwt: string; identity: string } | undefined;
/** Loaded once: the secrets a run's services sign and verify with do not change during it. */
const suiteSecrets = () => (secrets ??= { jwt: loadJwtSecret(env), identity: loadPlatformConfig('gateway', env).identitySecret });

export const harnessEnv = {
  /** Server test databases are created on. */
  databaseServerUrl: (): string => env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: (): string => env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  /** Keeps a suite's database after its run, for a look at what a failing test left. */
  keepDatabase: (): boolean => Boolean(env.KEEP_TEST_DATABASE),
  /**
   * How a stack runs its services: one process each ("per-service", production's layout, the
   * default) or all in one process ("one-process", what `npm start` runs on a small machine).
   */
  topology: (): Topology => {
    const value = env.SHOPOPS_TOPOLOGY ?? 'per-service';
    if (value !== 'per-service' && value !== 'one-process') throw new Error(`SHOPOPS_TOPOLOGY: expected per-service or one-process, got ${value}`);
    return value;
  },
  /** e.g. "--cpu-prof": reaches every process a stack starts, for profiling a run. */
  nodeArgs: (): string[] => (env.SHOPOPS_NODE_ARGS ?? '').split(' ').filter(Boolean),
  /** What a stack's processes inherit from the machine: the PATH, and the gateway engine switch (GATEWAY_ENGINE=hive npm test). */
  inherited: (): Record<string, string> => ({
    ...(env.PATH ? { PATH: env.PATH } : {}),
    ...(env.GATEWAY_ENGINE ? { GATEWAY_ENGINE: env.GATEWAY_ENGINE } : {}),
  }),
  /** Variables of the environment the configuration loaders see, for a spec that loads config itself. */
  configEnvironment: (): NodeJS.ProcessEnv => ({ ...env }),
  jwtSecret: (): string => suiteSecrets().jwt,
  identitySecret: (): string => suiteSecrets().identity,
};

/** The suite specs run against, as global setup (or useOwnSuite) published it. */
export const suiteEnv = {
  gatewayUrl: (): string | undefined => env.SHOPOPS_GATEWAY_URL,
  databaseUrl: (): string | undefined => env.SHOPOPS_TEST_DATABASE_URL,
  queuePrefix: (): string | undefined => env.SHOPOPS_TEST_QUEUE_PREFIX,
  servicePorts: (): Record<string, number> => JSON.parse(env.SHOPOPS_SERVICE_PORTS ?? '{}') as Record<string, number>,
  /** Points specs at another suite; returns what it replaced, for `restoreSuite`. */
  publish(variables: Readonly<Record<string, string>>): Record<string, string | undefined> {
    const replaced = Object.fromEntries(Object.keys(variables).map((key) => [key, env[key]]));
    Object.assign(env, variables);
    return replaced;
  },
  restore(replaced: Readonly<Record<string, string | undefined>>): void {
    for (const [key, value] of Object.entries(replaced)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
  },
};
