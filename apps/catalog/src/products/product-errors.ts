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

/** The product does not meet the media standard, so it may not go on sale. */
@ObjectType({ implements: () => [ErrorResult] })
export class MediaIncompleteError extends ErrorResult {
  @Field(() => [String], { description: 'What is missing, e.g. "3 more images of at least 800 px", "1 video"' }) missing!: string[];

  static of(missing: string[]): MediaIncompleteError {
    return Object.assign(new MediaIncompleteError(), { errorCode: 'MEDIA_INCOMPLETE', message: `Not ready for sale: ${missing.join('; ')}`, missing });
  }
}

/** A lifecycle move that is not among the allowed transitions. */
@ObjectType({ implements: () => [ErrorResult] })
export class IllegalTransitionError extends ErrorResult {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => [String]) allowed!: string[];

  static of(from: string, to: string, allowed: string[]): IllegalTransitionError {
    return Object.assign(new IllegalTransitionError(), {
      errorCode: 'ILLEGAL_TRANSITION',
      message: `A product in ${from} cannot move to ${to}; allowed: ${allowed.join(', ') || 'none'}`,
      from,
      to,
      allowed,
    });
  }
}

/** Exit needs a review record: why the product failed, kept for future selection. */
@ObjectType({ implements: () => [ErrorResult] })
export class ExitReviewRequiredError extends ErrorResult {
  static of(): ExitReviewRequiredError {
    return Object.assign(new ExitReviewRequiredError(), { errorCode: 'EXIT_REVIEW_REQUIRED', message: 'Moving to EXIT needs a review: why the product failed and what to learn' });
  }
}
