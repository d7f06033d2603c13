import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { ChannelStockPolicyInput, ChannelStockPolicyView, ChannelStockView } from './channel-stock.model';
import { ChannelStockService } from './channel-stock.service';

@Resolver()
export class ChannelStockResolver {
  constructor(private readonly channelStockService: ChannelStockService) {}

  @Roles('operator', 'analyst')
  @Query(() => [ChannelStockPolicyView], { description: 'How much of the shared pool each channel may show.' })
  channelStockPolicies(@Ctx() ctx: RequestContext) {
    return this.channelStockService.policies(ctx);
  }

  @Roles('operator', 'analyst', 'warehouse')
  @Query(() => [ChannelStockView], { description: 'What each channel publishes for a SKU right now.' })
  channelStock(@Args('skuCode') skuCode: string): Promise<ChannelStockView[]> {
    return this.channelStockService.publishedFor(skuCode);
  }

  @Roles('operator')
  @Mutation(() => ChannelStockPolicyView, { description: 'Sets a channel’s share, floor and virtual stock; republishes every SKU.' })
  setChannelStockPolicy(@Ctx() ctx: RequestContext, @Args('input') input: ChannelStockPolicyInput): Promise<ChannelStockPolicyView> {
    return this.channelStockService.setPolicy(ctx, input);
  }
}
