import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { READERS } from '../roles';
import { FlashSaleSales, FlashSalesService } from './flash-sales.service';

@Resolver()
export class FlashSalesResolver {
  constructor(private readonly flashSales: FlashSalesService) {}

  @Roles(...READERS)
  @Query(() => FlashSaleSales, { nullable: true, description: 'Units sold so far in a flash sale (paid orders, all channels)' })
  flashSaleSales(@Args('code') code: string): Promise<FlashSaleSales | null> {
    return this.flashSales.salesOf(code);
  }
}
