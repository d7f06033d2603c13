import { Field, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';

/** The product does not meet the media standard, so it may not go on sale. */
@ObjectType({ implements: () => [ErrorResult] })
export class MediaIncompleteError extends ErrorResult {
  @Field(() => [String], { description: 'What is missing, e.g. "3 more images of at least 800 px", "1 video"' }) missing!: string[];

  static of(missing: string[]): MediaIncompleteError {
    return Object.assign(new MediaIncompleteError(), { errorCode: 'MEDIA_INCOMPLETE', message: `Not ready for sale: ${missing.join('; ')}`, missing });
  }
}
