import { Args, createUnionType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { MediaIncompleteError } from './media-errors';
import { Product } from '../products/product.entity';
import { AddProductMediaInput, MediaCompleteness } from './media.model';
import { MediaService } from './media.service';

export const ProductMediaResult = createUnionType({ name: 'ProductMediaResult', types: () => [Product, NotFoundError] as const, resolveType: byResultClass });
export const PublishProductResult = createUnionType({
  name: 'PublishProductResult',
  types: () => [Product, NotFoundError, MediaIncompleteError, InvalidStateError] as const,
  resolveType: byResultClass,
});

@Resolver()
export class MediaResolver {
  constructor(private readonly mediaService: MediaService) {}

  @Roles('operator')
  @Mutation(() => ProductMediaResult, { description: 'Adds (or replaces, by URL) images and videos of a product.' })
  addProductMedia(@Ctx() ctx: RequestContext, @Args('input') input: AddProductMediaInput) {
    return this.mediaService.addMedia(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => ProductMediaResult)
  removeProductMedia(@Ctx() ctx: RequestContext, @Args('productCode') productCode: string, @Args('url') url: string) {
    return this.mediaService.removeMedia(ctx, productCode, url);
  }

  @Roles('operator')
  @Mutation(() => PublishProductResult, { description: 'Puts a product on sale; refused until the media standard is met.' })
  publishProduct(@Ctx() ctx: RequestContext, @Args('code') code: string) {
    return this.mediaService.publish(ctx, code);
  }

  @Roles('operator', 'analyst')
  @Query(() => [MediaCompleteness], { description: 'The range against the media standard, incomplete products first' })
  mediaCompletenessReport(
    @Args('onlyIncomplete', { type: () => Boolean, defaultValue: false }) onlyIncomplete: boolean,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ) {
    if (first < 1 || first > 1000) throw invalidField('first', 'must be 1 to 1000');
    return this.mediaService.report(onlyIncomplete, first);
  }
}
