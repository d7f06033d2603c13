import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

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
    return Object.assign(new ExitReviewRequiredError(), {
      errorCode: 'EXIT_REVIEW_REQUIRED',
      message: 'Moving to EXIT needs a review: why the product failed and what to learn',
    });
  }
}
