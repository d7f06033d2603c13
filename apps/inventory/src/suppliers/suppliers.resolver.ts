import { Args, createUnionType, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, groupByKey, Loaders, NotFoundError, Roles, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { LinkSkuSupplierInput, SkuSupplierLink, Supplier, UpsertSupplierInput } from './supplier.model';
import { SuppliersService } from './suppliers.service';

export const LinkSkuSupplierResult = createUnionType({
  name: 'LinkSkuSupplierResult',
  types: () => [SkuSupplierLink, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});

const BUYERS = ['operator', 'warehouse'] as const;

@Resolver(() => Supplier)
export class SuppliersResolver {
  constructor(private readonly supplierService: SuppliersService) {}

  @Roles(...BUYERS, 'analyst')
  @Query(() => [Supplier], { description: 'Suppliers with their current grade.' })
  suppliers() {
    return this.supplierService.list();
  }

  @Roles(...BUYERS, 'analyst')
  @ResolveField(() => [SkuSupplierLink])
  skus(@Parent() supplier: Supplier, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get<string, SkuSupplierLink[]>('linksBySupplier', async (codes) =>
        groupByKey(codes, await this.supplierService.linksOf('supplier_code', codes), (l) => l.supplierCode),
      )
      .load(supplier.code);
  }

  @Roles('operator')
  @Mutation(() => Supplier, { description: 'Creates or updates a supplier.' })
  upsertSupplier(@Ctx() ctx: RequestContext, @Args('input') input: UpsertSupplierInput) {
    return this.supplierService.upsert(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => LinkSkuSupplierResult, { description: 'Who makes a SKU: lead time, MOQ, cost, and backup order (0 = primary).' })
  linkSkuSupplier(@Ctx() ctx: RequestContext, @Args('input') input: LinkSkuSupplierInput) {
    return this.supplierService.link(ctx, input);
  }
}
