import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { assertRangeWithinTwoYears } from '../date-range';
import { READERS } from '../roles';
import { Funnel, FunnelInput, FunnelsService } from './funnels.service';

@Resolver()
export class FunnelsResolver {
  constructor(private readonly funnelsService: FunnelsService) {}

  @Roles(...READERS)
  @Query(() => [Funnel], { description: 'Ordered steps within a conversion window, with the drop and median time at each step' })
  funnel(@Args('input') input: FunnelInput): Promise<Funnel[]> {
    assertRangeWithinTwoYears(input.from, input.to);
    return this.funnelsService.funnel(input);
  }
}
