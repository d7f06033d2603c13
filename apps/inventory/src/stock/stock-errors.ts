import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

/** A change would leave fewer units on hand than are reserved for orders. */
@ObjectType({ implements: () => [ErrorResult] })
export class BelowReservedError extends ErrorResult {
  @Field(() => String) skuCode!: string;
  @Field(() => String) locationCode!: string;
  @Field(() => Int) onHand!: number;
  @Field(() => Int) reserved!: number;

  static of(skuCode: string, locationCode: string, onHand: number, reserved: number, action: string): BelowReservedError {
    return Object.assign(new BelowReservedError(), {
      errorCode: 'BELOW_RESERVED',
      message: `${action} would leave ${skuCode} at ${locationCode} with fewer units on hand than the ${reserved} reserved (on hand ${onHand})`,
      skuCode,
      locationCode,
      onHand,
      reserved,
    });
  }
}
