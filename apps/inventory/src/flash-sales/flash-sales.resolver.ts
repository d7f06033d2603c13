import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { FlashSaleStatus } from './flash-sale.model';
import { FlashSalesService } from './flash-sales.service';

@Resolver()
export class FlashSalesResolver {
  constructor(private readonly flashSalesService: FlashSalesService) {}

  @Roles('operator', 'warehouse', 'analyst')
  @Query(() => [FlashSaleStatus], { description: 'Flash sales inventory enforces: caps, per-buyer limits, units held' })
  flashSales(): Promise<FlashSaleStatus[]> {
    return this.flashSalesService.recent();
  }
}
