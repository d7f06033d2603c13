import { Module } from '@nestjs/common';
import { QualityModule } from '../quality/quality.module';
import { ReviewsHandler } from './reviews.handler';
import { ReviewsResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';
import { SkuReviewsResolver } from './sku-reviews.resolver';

@Module({
  imports: [QualityModule],
  providers: [ReviewsService, ReviewsHandler, ReviewsResolver, SkuReviewsResolver],
})
export class ReviewsModule {}
