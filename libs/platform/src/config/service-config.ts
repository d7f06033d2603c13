import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceName } from '@shopops/contracts';
import { ConfigError, type Environment } from './environment-schema';
import { loadPlatformConfig, type PlatformConfig } from './platform-config';

/** One part of a service's configuration: loaded from the environment, injected by `token`. */
export interface ConfigSection<T = unknown> {
  /** Where the validated ServiceConfig holds it. */
  readonly key: string;
  readonly token: string | symbol;
  readonly load: (env: Environment) => T;
}

export function configSection<T>(key: string, token: string | symbol, load: (env: Environment) => T): ConfigSection<T> {
  return { key, token, load };
}

/** A service's validated configuration: the platform's under `platform`, each section's under its key. */
export interface ServiceConfig {
  readonly platform: PlatformConfig;
  readonly [section: string]: unknown;
}

/**
 * Loads the platform configuration and every section of `service` from one environment and
 * throws one ConfigError listing every problem of all of them, so a start-up reports them at once.
 */
export function loadServiceConfig(service: ServiceName, sections: readonly ConfigSection[], env: Environment, argv: readonly string[] = []): ServiceConfig {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const platform = attempt(() => loadPlatformConfig(service, env, argv));
  const loaded = sections.map((section) => [section.key, attempt(() => section.load(env))] as const);
  if (problems.length > 0 || !platform) throw new ConfigError(`the ${service} service`, problems);
  return { platform, ...Object.fromEntries(loaded) };
}

@Module({})
class ServiceConfigModule {}

/**
 * The service's configuration as a global Nest module: validated from `env` by `loadServiceConfig`
 * (every problem at once), each section injected by its own token. The environment is a
 * parameter, not the process's: one process can host several services, each with its own port.
 */
export function serviceConfigModule(
  service: ServiceName,
  sections: readonly ConfigSection[],
  env: Environment,
  argv: readonly string[] = [],
): { module: DynamicModule; config: ServiceConfig } {
  const config = loadServiceConfig(service, sections, env, argv);
  const providers = sections.map((section) => ({ provide: section.token, useValue: config[section.key] }));
  return {
    config,
    module: { module: ServiceConfigModule, global: true, providers, exports: sections.map((section) => section.token) },
  };
}
