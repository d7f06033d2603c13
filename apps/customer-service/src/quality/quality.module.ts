import { Module } from '@nestjs/common';
import { QualityResolver } from './quality.resolver';
import { QualityService } from './quality.service';

/** Quality signals, recorded by after-sales and reviews inside their own transactions. */
@Module({
  providers: [QualityService],
  exports: [QualityService],
})
export class QualitySignalsModule {}

/**
 * Quality issues in the API. Apart from the signals because the subgraph lists fields in the order
 * modules register, and the published schema has qualityIssues after the reviews' queries.
 */
@Module({
  imports: [QualitySignalsModule],
  providers: [QualityResolver],
})
export class QualityModule {}
