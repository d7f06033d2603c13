import { Module } from '@nestjs/common';
import { QualityResolver } from './quality.resolver';
import { QualityService } from './quality.service';

/** Quality issues: signals recorded by after-sales and reviews inside their own transactions, and the API over them. */
@Module({
  providers: [QualityService, QualityResolver],
  exports: [QualityService],
})
export class QualityModule {}
