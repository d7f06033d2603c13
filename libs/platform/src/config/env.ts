/**
 * Small typed readers for environment variables. Each records a readable problem instead of
 * throwing, so start-up can report every bad value at once and stop.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  string(name: string, fallback: string, pattern?: RegExp, hint?: string): string {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (pattern && !pattern.test(raw)) {
      this.problems.push(`${name}=${JSON.stringify(raw)} is invalid${hint ? `: ${hint}` : ''}`);
      return fallback;
    }
    return raw;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${JSON.stringify(raw)} must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name}=${JSON.stringify(raw)} must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  }

  /** A secret with a development default that production refuses to use, even when set explicitly. */
  secret(name: string, developmentDefault: string): string {
    const raw = this.env[name];
    if (raw !== undefined && raw !== '') {
      if (raw.length < 16) this.problems.push(`${name} must be at least 16 characters`);
      if (raw === developmentDefault) this.refuseDevelopmentSecret(name);
      return raw;
    }
    if (this.isProduction) this.problems.push(`${name} must be set in production`);
    return developmentDefault;
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** The development values are published in the README, so production must not accept them. */
  refuseDevelopmentSecret(name: string): void {
    if (this.isProduction) this.problems.push(`${name} holds the documented development value; set a secret of your own in production`);
  }

  assertValid(what: string): void {
    if (this.problems.length > 0) throw new ConfigError(what, this.problems);
  }
}

export class ConfigError extends Error {
  constructor(what: string, readonly problems: readonly string[]) {
    super(`Invalid configuration for ${what}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}
