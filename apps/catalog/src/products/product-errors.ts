import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

/** A product or SKU code is already taken (or repeated within the request). */
@ObjectType({ implements: () => [ErrorResult] })
export class DuplicateCodeError extends ErrorResult {
  @Field(() => [String]) codes!: string[];

  static of(codes: string[]): DuplicateCodeError {
    return Object.assign(new DuplicateCodeError(), {
      errorCode: 'DUPLICATE_CODE',
      message: `Code already in use: ${codes.join(', ')}`,
      codes,
    });
  }
}
