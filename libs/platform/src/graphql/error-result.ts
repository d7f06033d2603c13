import { Directive, Field, InterfaceType, ObjectType } from '@nestjs/graphql';

/**
 * Every business refusal a mutation can return implements this: a stable code a client can
 * switch on and a message a person can act on. Concrete errors add the facts the caller needs.
 */
@InterfaceType('ErrorResult', {
  resolveType: (value: { __typename?: string; constructor: { name: string } }) => value.__typename ?? value.constructor.name,
})
export abstract class ErrorResult {
  @Field(() => String) errorCode!: string;
  @Field(() => String) message!: string;
}

/** The referenced thing does not exist (an unknown SKU code, member id…). */
@Directive('@shareable')
@ObjectType({ implements: () => [ErrorResult] })
export class NotFoundError extends ErrorResult {
  @Field(() => String) entity!: string;
  @Field(() => String) key!: string;

  static of(entity: string, key: string): NotFoundError {
    return Object.assign(new NotFoundError(), {
      errorCode: 'NOT_FOUND',
      message: `${entity} ${key} does not exist`,
      entity,
      key,
    });
  }
}

/** A state machine refused a move (illegal lifecycle step, closing a closed case…). */
@Directive('@shareable')
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidStateError extends ErrorResult {
  @Field(() => String) currentState!: string;
  @Field(() => String) attemptedAction!: string;

  static of(entity: string, currentState: string, attemptedAction: string, why?: string): InvalidStateError {
    return Object.assign(new InvalidStateError(), {
      errorCode: 'INVALID_STATE',
      message: why ?? `${entity} in state ${currentState} cannot ${attemptedAction}`,
      currentState,
      attemptedAction,
    });
  }
}

/** resolveType for result unions whose members are class instances (a result or its typed errors). */
export function byResultClass(value: object): never {
  return value.constructor as never;
}
