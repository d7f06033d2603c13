import type { ClassConstructor } from 'class-transformer';
import type { ServiceName } from '../services';
import { validatePlain, type Validated } from '../validation';

/**
 * A versioned event or command type. The type string carries the version
 * (`inventory.stock.low.v1`); a breaking payload change is a new type, never an edit.
 */
export interface EventDefinition<T extends object = object> {
  readonly type: string;
  readonly producer: ServiceName;
  readonly payloadClass: ClassConstructor<T>;
  /** `validatePlain` against `payloadClass`: its compiled validator, built on the first call. */
  validate(payload: unknown): Validated<T>;
}

export type PayloadOf<D> = D extends EventDefinition<infer T> ? T : never;

const TYPE_PATTERN = /^[a-z][a-z-]*(\.[a-z][a-z-]*)+\.v[0-9]+$/;
const registry = new Map<string, EventDefinition>();

export function defineEvent<T extends object>(type: string, producer: ServiceName, payloadClass: ClassConstructor<T>): EventDefinition<T> {
  if (!TYPE_PATTERN.test(type)) throw new Error(`Event type "${type}" must look like "domain.thing.happened.v1"`);
  if (registry.has(type)) throw new Error(`Event type "${type}" is defined twice`);
  const definition: EventDefinition<T> = {
    type,
    producer,
    payloadClass,
    validate: (payload) => validatePlain(payloadClass, payload),
  };
  registry.set(type, definition);
  return definition;
}

export function findEventDefinition(type: string): EventDefinition | undefined {
  return registry.get(type);
}

export function allEventDefinitions(): EventDefinition[] {
  return [...registry.values()];
}
