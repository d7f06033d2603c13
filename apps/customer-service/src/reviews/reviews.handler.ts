import { Injectable } from '@nestjs/common';
import { ChannelReviewCreated, ReviewRecorded, type ChannelReviewPayload, type EventEnvelope } from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { Review } from './review.entity';

/** Star rating alone, until text classification arrives: 1–2 negative, 3 neutral, 4–5 positive. */
function sentimentOf(rating: number): Review['sentiment'] {
  if (rating <= 2) return 'negative';
  return rating === 3 ? 'neutral' : 'positive';
}

@Injectable()
export class ReviewsHandler {
  @OnEvent(ChannelReviewCreated)
  async recordReview(tx: TransactionContext, event: EventEnvelope<ChannelReviewPayload>): Promise<void> {
    const p = event.payload;
    const sentiment = sentimentOf(p.rating);
    const inserted = await tx.em.query(
      `INSERT INTO review (channel, review_id, order_id, sku_code, rating, text, images, sentiment, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING review_id`,
      [p.channel, p.reviewId, p.orderId, p.skuCode, p.rating, p.text, p.images, sentiment, new Date(p.createdAt)],
    );
    if (inserted.length > 0) tx.emit(ReviewRecorded, { reviewId: p.reviewId, skuCode: p.skuCode, sentiment });
  }
}
