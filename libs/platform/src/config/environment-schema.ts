import { Expose, plainToInstance, Transform } from 'class-transformer';
import { registerDecorator, validateSync, type ValidationArguments } from 'class-validator';

/** Environment variables as a process receives them; the one input every configuration loader takes. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where a schema instance keeps the variables it was read from, so a message can quote what was set. */
const RAW = Symbol('raw environment');

export type VariableRule = (raw: string | undefined, env: Environment, name: string) => string | undefined;

function rawOf(args: ValidationArguments): Environment {
  return (args.object as { [RAW]?: Environment })[RAW] ?? {};
}

/**
 * One environment variable of a schema class: `rule` names the problem with what was set (or
 * returns nothing), `convert` turns an accepted value into the typed property.
 */
export function EnvironmentVariable(rule: VariableRule, convert: (raw: string) => unknown = (raw) => raw): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    Expose()(target, name);
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? convert(value) : value))(target, name);
    const problem = (args: ValidationArguments): string | undefined => rule(rawOf(args)[name], rawOf(args), name);
    registerDecorator({
      name: 'environmentVariable',
      target: target.constructor,
      propertyName: name,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => problem(args) === undefined,
        defaultMessage: (args: ValidationArguments) => problem(args) ?? '',
      },
    });
  };
}

export function isProduction(env: Environment): boolean {
  return env.NODE_ENV === 'production';
}

export function developmentSecretRefusal(name: string): string {
  return `${name} holds the documented development value; set a secret of your own in production`;
}

/** An integer in [min, max]; unset keeps the property's default. */
export function IntegerVariable(min: number, max: number): PropertyDecorator {
  return EnvironmentVariable((raw, _env, name) => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    return Number.isInteger(value) && value >= min && value <= max ? undefined : `${name}=${JSON.stringify(raw)} must be an integer between ${min} and ${max}`;
  }, Number);
}

export function OneOfVariable(allowed: readonly string[]): PropertyDecorator {
  return EnvironmentVariable((raw, _env, name) =>
    raw === undefined || allowed.includes(raw) ? undefined : `${name}=${JSON.stringify(raw)} must be one of ${allowed.join(', ')}`,
  );
}

/** Free text, or text that must match `pattern` (`hint` says what was expected). */
export function TextVariable(pattern?: RegExp, hint?: string): PropertyDecorator {
  return EnvironmentVariable((raw, _env, name) =>
    raw === undefined || !pattern || pattern.test(raw) ? undefined : `${name}=${JSON.stringify(raw)} is invalid${hint ? `: ${hint}` : ''}`,
  );
}

/** A secret with a development default that production refuses, even when set explicitly, and requires. */
export function SecretVariable(developmentDefault: string): PropertyDecorator {
  return EnvironmentVariable((raw, env, name) => {
    if (raw === undefined) return isProduction(env) ? `${name} must be set in production` : undefined;
    if (raw.length < 16) return `${name} must be at least 16 characters`;
    return raw === developmentDefault && isProduction(env) ? developmentSecretRefusal(name) : undefined;
  });
}

/** Adds a variable to a schema class built at run time (a name that depends on the service). */
export function declareVariable(schema: abstract new () => object, name: string, decorator: PropertyDecorator): void {
  decorator(schema.prototype as object, name);
}

/** Variables set to an empty string count as unset, as they always have. */
function setVariables(env: Environment): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/**
 * Reads `env` into a schema class (defaults from its initialisers) and validates every variable,
 * returning every problem instead of stopping at the first.
 */
export function readEnvironment<T extends object>(schema: new () => T, env: Environment): { values: T; problems: string[] } {
  const set = setVariables(env);
  const values = plainToInstance(schema, set, { excludeExtraneousValues: true, exposeUnsetFields: false });
  Object.defineProperty(values, RAW, { value: set, enumerable: false });
  const problems = validateSync(values).flatMap((error) => Object.values(error.constraints ?? {}));
  return { values, problems };
}

export class ConfigError extends Error {
  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for ${what}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Throws one ConfigError naming every problem; returns the value when there were none. */
export function validConfig<T>(what: string, value: T, problems: readonly string[]): T {
  if (problems.length > 0) throw new ConfigError(what, problems);
  return value;
}
