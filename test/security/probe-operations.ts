import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInputField,
} from 'graphql';

/**
 * Values that name someone's data, by argument or input field name. A probe fills every other
 * required argument with a neutral, valid-looking value of its type.
 */
export interface ProbeIds {
  readonly memberId: string;
  readonly platform: string;
  readonly platformUserId: string;
  readonly conversationId: string;
  readonly couponCode: string;
  readonly unitId: string;
  /** A key the member already used for a points spend and a reward redemption. */
  readonly idempotencyKey: string;
}

export interface ProbeOperation {
  readonly document: string;
  readonly variables: Record<string, unknown>;
  /** Which of `ids` the arguments carry (a member id, an account, a conversation, a coupon). */
  readonly usedIds: ReadonlySet<keyof ProbeIds>;
}

/** Names whose value is (part of) a member's identity, belongings or past operations. */
const MEMBER_KEYS: Record<string, keyof ProbeIds> = {
  memberId: 'memberId',
  survivorId: 'memberId',
  mergedId: 'memberId',
  platform: 'platform',
  platformUserId: 'platformUserId',
  conversationId: 'conversationId',
  couponCode: 'couponCode',
  unitId: 'unitId',
  idempotencyKey: 'idempotencyKey',
};

/** Shared, non-personal values that make calls meaningful (an existing event, reward, experiment). */
export interface SharedValues {
  readonly [name: string]: string;
}

/** A one-field operation for a root field, with only its required arguments, selecting `__typename` where it can. */
export function probeOperation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  ids: ProbeIds | undefined,
  shared: SharedValues,
): ProbeOperation {
  const usedIds = new Set<keyof ProbeIds>();
  const valueFor = (name: string, type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return valueFor(name, type.ofType);
    if (isListType(type)) return [valueFor(name, type.ofType)];
    const key = MEMBER_KEYS[name] ?? (name === 'id' && field.name === 'member' ? 'memberId' : undefined);
    if (ids && key) {
      usedIds.add(key);
      return ids[key];
    }
    if (shared[name] !== undefined) return shared[name];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) return Object.fromEntries(requiredOf(Object.values(type.getFields())).map((f) => [f.name, valueFor(f.name, f.type)]));
    return scalarValue(name, type.name);
  };
  const args = requiredOf(field.args);
  const variables = Object.fromEntries(args.map((a) => [a.name, valueFor(a.name, a.type)]));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `${kind} Probe${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selectionOf(field)} }`;
  return { document, variables, usedIds };
}

function requiredOf<T extends GraphQLArgument | GraphQLInputField>(args: readonly T[]): T[] {
  return args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

function scalarValue(name: string, scalar: string): unknown {
  switch (scalar) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return randomUUID();
    case 'String':
      return `probe-${name}`;
    default:
      return new Date().toISOString();
  }
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  return isObjectType(type) || isUnionType(type) || isInterfaceType(type) ? ' { __typename }' : '';
}
