import { Args, createUnionType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, NotFoundError, Public, Roles, type RequestContext } from '@shopops/platform';
import { seesWholeRange } from '../products/product-visibility';
import { Collection, CollectionInput, CollectionKind } from './collections.model';
import { CollectionsService } from './collections.service';

export const AddToCollectionResult = createUnionType({
  name: 'AddToCollectionResult',
  types: () => [Collection, NotFoundError] as const,
  resolveType: byResultClass,
});

@Resolver()
export class CollectionsResolver {
  constructor(private readonly collectionsService: CollectionsService) {}

  @Roles('operator')
  @Mutation(() => Collection, { description: 'Creates or changes a collection (IP collaboration, co-brand, regional edition, seasonal theme).' })
  upsertCollection(@Ctx() ctx: RequestContext, @Args('input') input: CollectionInput): Promise<Collection> {
    return this.collectionsService.upsert(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => AddToCollectionResult)
  addProductsToCollection(
    @Ctx() ctx: RequestContext,
    @Args('collectionCode') collectionCode: string,
    @Args('productCodes', { type: () => [String] }) productCodes: string[],
  ) {
    if (productCodes.length < 1 || productCodes.length > 500) throw invalidField('productCodes', 'must list 1 to 500 products');
    return this.collectionsService.addProducts(ctx, collectionCode, productCodes);
  }

  @Public()
  @Query(() => [Collection])
  collections(
    @Ctx() ctx: RequestContext,
    @Args('currentOnly', { type: () => Boolean, defaultValue: false, description: 'Only those inside their date window' }) currentOnly: boolean,
    @Args('kind', { type: () => CollectionKind, nullable: true }) kind?: CollectionKind,
  ): Promise<Collection[]> {
    return this.collectionsService.list(kind, currentOnly, !seesWholeRange(ctx));
  }
}
