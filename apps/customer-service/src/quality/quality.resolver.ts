import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { STAFF } from '../roles';
import { QualityIssue } from './quality.model';
import { QualityService } from './quality.service';

@Resolver(() => QualityIssue)
export class QualityResolver {
  constructor(private readonly qualityService: QualityService) {}

  @Roles(...STAFF, 'analyst', 'warehouse')
  @Query(() => [QualityIssue])
  qualityIssues(@Args('skuCode', { type: () => String, nullable: true }) skuCode?: string) {
    return this.qualityService.issues(skuCode);
  }
}
