import { Module } from '@nestjs/common';
import { QualityModule } from '../quality/quality.module';
import { AfterSalesResolver } from './after-sales.resolver';
import { AfterSalesService } from './after-sales.service';
import { MemberAfterSalesResolver } from './member-after-sales.resolver';

@Module({
  imports: [QualityModule],
  providers: [AfterSalesService, AfterSalesResolver, MemberAfterSalesResolver],
})
export class AfterSalesModule {}
