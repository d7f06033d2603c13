import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

/** A product or SKU code (or barcode) is already taken, or repeated within the request. */
@ObjectType({ implements: () => [ErrorResult] })
export class DuplicateCodeError extends ErrorResult {
  @Field(() => [String]) codes!: string[];

  static of(codes: string[]): DuplicateCodeError {
    return Object.assign(new DuplicateCodeError(), { errorCode: 'DUPLICATE_CODE', message: `Code already in use: ${codes.join(', ')}`, codes });
  }
}

/** Someone changed the product since the caller read it. */
@ObjectType({ implements: () => [ErrorResult] })
export class VersionConflictError extends ErrorResult {
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Int) currentVersion!: number;

  static of(expectedVersion: number, currentVersion: number): VersionConflictError {
    return Object.assign(new VersionConflictError(), {
      errorCode: 'VERSION_CONFLICT',
      message: `The product is at version ${currentVersion}, not ${expectedVersion}: read it again and retry`,
      expectedVersion,
      currentVersion,
    });
  }
}
