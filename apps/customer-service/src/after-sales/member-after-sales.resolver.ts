import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { MemberReference } from '../buyers/member-reference';
import { STAFF } from '../roles';
import { AfterSalesCase } from './after-sales.model';
import { AfterSalesService } from './after-sales.service';

/** A member's after-sales cases, on membership's Member. */
@Resolver(() => MemberReference)
export class MemberAfterSalesResolver {
  constructor(private readonly afterSalesService: AfterSalesService) {}

  @Roles(...STAFF)
  @ResolveField(() => [AfterSalesCase])
  afterSalesCases(@Parent() m: MemberReference, @Loaders() loaders: LoaderRegistry): Promise<AfterSalesCase[]> {
    return loaders
      .get<string, AfterSalesCase[]>('casesByMember', async (ids) =>
        groupByKey(ids, await this.afterSalesService.cases({ memberIds: ids }, 500), (c) => c.memberId ?? ''),
      )
      .load(m.id);
  }
}
