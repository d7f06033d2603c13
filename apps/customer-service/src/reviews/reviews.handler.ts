import { Injectable } from '@nestjs/common';
import { ChannelReviewCreated, SkuCreated, type ChannelReviewPayload, type EventEnvelope, type SkuCreatedPayload } from '@shopops/contracts';
import { execute, OnEvent, type TransactionContext } from '@shopops/platform';
import { ReviewsService } from './reviews.service';

@Injectable()
export class ReviewsHandler {
  constructor(private readonly reviews: ReviewsService) {}

  @OnEvent(ChannelReviewCreated)
  async recordReview(tx: TransactionContext, event: EventEnvelope<ChannelReviewPayload>): Promise<void> {
    await this.reviews.record(tx, event.payload);
  }

  /** Which product a SKU belongs to, so spikes are counted per product. */
  @OnEvent(SkuCreated)
  async learnSku(tx: TransactionContext, event: EventEnvelope<SkuCreatedPayload>): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO sku_product (sku_code, product_code) VALUES ($1, $2) ON CONFLICT (sku_code) DO UPDATE SET product_code = EXCLUDED.product_code`,
      [event.payload.code, event.payload.productCode],
    );
  }
}
