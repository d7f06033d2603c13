import { Inject, Injectable } from '@nestjs/common';
import { ReviewRecorded, ReviewSpikeDetected, type ChannelReviewPayload } from '@shopops/contracts';
import {
  execute,
  InvalidStateError,
  NotFoundError,
  refuse,
  selectRow,
  selectRows,
  UnitOfWork,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { sentimentOf } from '../knowledge/auto-answer.policy';
import { QualityService } from '../quality/quality.service';
import { classifyNegativeReview, INCIDENT_CHECKLIST, incidentStatements, reviewSentiment } from './review-classifier';
import { ChecklistItem, ContactTask, IncidentStatement, Review, ReviewHealth, ReviewIncident } from './reviews.model';

interface ReviewRow {
  channel: string;
  review_id: string;
  order_id: string;
  sku_code: string;
  rating: number;
  text: string;
  images: string[];
  sentiment: string;
  category: string | null;
  reviewed_at: Date;
}

/** A negative reviewer to contact, within the contact hours of when they wrote. */
interface ReviewerRow {
  channel: string;
  review_id: string;
  platform_user_id: string | null;
  reviewed_at: Date;
}

interface ContactTaskRow {
  id: string;
  incident_id: string;
  channel: string;
  review_id: string;
  due_at: Date;
  overdue_at: Date | null;
  done_at: Date | null;
  outcome: string | null;
  recovered: boolean | null;
}

/**
 * Reviews: negative ones classified; a spike (more than N negative in the sliding window, per
 * product or for the shop) opens an incident with a checklist, templated statements, an alert
 * event, and a task to contact each negative reviewer within 24 hours of their review; recovery
 * is tracked per task.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly quality: QualityService,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  async record(tx: TransactionContext, p: ChannelReviewPayload): Promise<void> {
    const sentiment = reviewSentiment(p.rating, sentimentOf(p.text) === 'negative');
    const category = sentiment === 'negative' ? classifyNegativeReview(p.text) : null;
    const product = await selectRow<{ product_code: string }>(tx.em, `SELECT product_code FROM sku_product WHERE sku_code = $1`, [p.skuCode]);
    const inserted = await selectRows<{ review_id: string }>(
      tx.em,
      `INSERT INTO review (channel, review_id, order_id, sku_code, rating, text, images, sentiment, reviewed_at, category, platform_user_id, product_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING review_id`,
      [
        p.channel,
        p.reviewId,
        p.orderId,
        p.skuCode,
        p.rating,
        p.text,
        p.images,
        sentiment,
        new Date(p.createdAt),
        category,
        p.buyer.platformUserId,
        product?.product_code ?? null,
      ],
    );
    if (!inserted.length) return;
    tx.emit(ReviewRecorded, { reviewId: p.reviewId, skuCode: p.skuCode, sentiment, ...(category ? { category } : {}) });
    if (sentiment !== 'negative') return;
    if (category === 'product-quality' || category === 'not-as-described' || category === 'size-fit') {
      await this.quality.signal(tx, { skuCode: p.skuCode, reason: category, source: 'review', reference: `${p.channel}:${p.reviewId}` });
    }
    await this.watchSpike(tx, 'product', product?.product_code ?? p.skuCode, p);
    await this.watchSpike(tx, 'shop', 'shop', p);
  }

  private async watchSpike(tx: TransactionContext, scope: 'product' | 'shop', key: string, p: ChannelReviewPayload): Promise<void> {
    const { threshold, windowHours, contactWithinHours } = this.config.reviewSpike;
    // One spike check per scope at a time, so two reviews arriving together open one incident.
    await execute(tx.em, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`review-spike:${scope}:${key}`]);
    const open = await selectRow<{ id: string }>(tx.em, `SELECT id FROM review_incident WHERE scope = $1 AND scope_key = $2 AND status = 'OPEN'`, [scope, key]);
    if (open) {
      await this.addTasks(
        tx,
        open.id,
        [{ channel: p.channel, review_id: p.reviewId, platform_user_id: p.buyer.platformUserId, reviewed_at: new Date(p.createdAt) }],
        contactWithinHours,
      );
      await execute(tx.em, `UPDATE review_incident SET negative_reviews = negative_reviews + 1 WHERE id = $1`, [open.id]);
      return;
    }
    const negatives = await selectRows<ReviewerRow>(
      tx.em,
      `SELECT channel, review_id, platform_user_id, reviewed_at FROM review
        WHERE sentiment = 'negative' AND reviewed_at > $3::timestamptz - $4 * interval '1 hour' AND ($1 = 'shop' OR coalesce(product_code, sku_code) = $2)`,
      [scope, key, new Date(p.createdAt), windowHours],
    );
    if (negatives.length <= threshold) return;
    const statements = incidentStatements({
      scope,
      subject: key,
      negativeReviews: negatives.length,
      complaint: await this.topComplaint(tx, negatives),
      contactWithinHours,
    });
    const [incident] = await selectRows<{ id: string }>(
      tx.em,
      `INSERT INTO review_incident (scope, scope_key, negative_reviews, checklist, statements) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [scope, key, negatives.length, JSON.stringify(INCIDENT_CHECKLIST.map((step) => ({ step, done: false }))), JSON.stringify(statements)],
    );
    await this.addTasks(tx, incident.id, negatives, contactWithinHours);
    tx.emit(ReviewSpikeDetected, {
      incidentId: incident.id,
      scope,
      ...(scope === 'product' ? { skuCode: p.skuCode, productCode: key } : {}),
      negativeReviews: negatives.length,
      windowHours,
    });
  }

  /** The complaint most of these reviews make (the statements name it). */
  private async topComplaint(tx: TransactionContext, reviews: ReviewerRow[]): Promise<string | null> {
    const [top] = await selectRows<{ category: string | null }>(
      tx.em,
      `SELECT mode() WITHIN GROUP (ORDER BY category) AS category FROM review WHERE (channel, review_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [reviews.map((r) => r.channel), reviews.map((r) => r.review_id)],
    );
    return top?.category ?? null;
  }

  /** Each reviewer is due a contact within `hours` of their review, not of the spike that noticed it. */
  private async addTasks(tx: TransactionContext, incidentId: string, reviews: ReviewerRow[], hours: number): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO contact_task (incident_id, channel, review_id, platform_user_id, due_at)
       SELECT $1, channel, review_id, user_id, reviewed_at + $6 * interval '1 hour'
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t(channel, review_id, user_id, reviewed_at)
       ON CONFLICT DO NOTHING`,
      [
        incidentId,
        reviews.map((r) => r.channel),
        reviews.map((r) => r.review_id),
        reviews.map((r) => r.platform_user_id),
        reviews.map((r) => r.reviewed_at),
        hours,
      ],
    );
  }

  completeTask(ctx: RequestContext, taskId: string, outcome: string, recovered: boolean): Promise<ContactTask | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const task = await selectRow<ContactTaskRow>(tx.em, `SELECT * FROM contact_task WHERE id = $1 FOR UPDATE`, [taskId]);
      if (!task) refuse(NotFoundError.of('Contact task', taskId));
      if (task.done_at) refuse(InvalidStateError.of('Contact task', 'DONE', 'be completed again'));
      const [done] = await selectRows<ContactTaskRow>(
        tx.em,
        `WITH d AS (UPDATE contact_task SET done_at = now(), outcome = $2, recovered = $3 WHERE id = $1 RETURNING *) SELECT * FROM d`,
        [taskId, outcome, recovered],
      );
      // The incident is over when every reviewer has been contacted.
      await execute(
        tx.em,
        `UPDATE review_incident SET status = 'RESOLVED', resolved_at = now() WHERE id = $1 AND status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM contact_task WHERE incident_id = $1 AND done_at IS NULL)`,
        [task.incident_id],
      );
      return toTask(done);
    });
  }

  async incidents(status: string | undefined): Promise<ReviewIncident[]> {
    const rows = await selectRows<{
      id: string;
      scope: string;
      scope_key: string;
      negative_reviews: number;
      status: string;
      checklist: ChecklistItem[];
      statements: IncidentStatement[];
      opened_at: Date;
    }>(this.dataSource, `SELECT * FROM review_incident WHERE $1::text IS NULL OR status = $1 ORDER BY opened_at DESC LIMIT 100`, [status ?? null]);
    const tasks = await selectRows<ContactTaskRow>(this.dataSource, `SELECT * FROM contact_task WHERE incident_id = ANY ($1::uuid[]) ORDER BY due_at, id`, [
      rows.map((r) => r.id),
    ]);
    return rows.map((r) => {
      const mine = tasks.filter((t) => t.incident_id === r.id).map(toTask);
      const done = mine.filter((t) => t.doneAt);
      return Object.assign(new ReviewIncident(), {
        id: r.id,
        scope: r.scope,
        scopeKey: r.scope_key,
        negativeReviews: r.negative_reviews,
        status: r.status,
        checklist: r.checklist,
        statements: r.statements,
        contactTasks: mine,
        recoveryRate: done.length ? Math.round((1000 * done.filter((t) => t.recovered).length) / done.length) / 1000 : 0,
        openedAt: r.opened_at,
      });
    });
  }

  async reviewsOf(skuCode: string): Promise<Review[]> {
    const rows = await selectRows<ReviewRow>(this.dataSource, `SELECT * FROM review WHERE sku_code = $1 ORDER BY reviewed_at DESC LIMIT 100`, [skuCode]);
    return rows.map((r) =>
      Object.assign(new Review(), {
        channel: r.channel,
        reviewId: r.review_id,
        orderId: r.order_id,
        skuCode: r.sku_code,
        rating: r.rating,
        text: r.text,
        images: r.images,
        sentiment: r.sentiment,
        category: r.category,
        reviewedAt: r.reviewed_at,
      }),
    );
  }

  async healthOf(skuCodes: readonly string[]): Promise<Array<ReviewHealth & { skuCode: string }>> {
    const rows = await selectRows<{ sku_code: string; reviews: number; average: string | null; negative30d: number; top: string | null; incident: boolean }>(
      this.dataSource,
      `SELECT s.code AS sku_code, count(r.review_id)::int AS reviews, round(avg(r.rating), 2) AS average,
              (count(r.review_id) FILTER (WHERE r.sentiment = 'negative' AND r.reviewed_at > now() - interval '30 days'))::int AS negative30d,
              mode() WITHIN GROUP (ORDER BY r.category) FILTER (WHERE r.category IS NOT NULL) AS top,
              EXISTS (SELECT 1 FROM review_incident i WHERE i.status = 'OPEN' AND i.scope = 'product' AND i.scope_key = coalesce((SELECT product_code FROM sku_product sp WHERE sp.sku_code = s.code), s.code)) AS incident
         FROM unnest($1::text[]) AS s(code) LEFT JOIN review r ON r.sku_code = s.code GROUP BY s.code`,
      [skuCodes],
    );
    return rows.map((r) =>
      Object.assign(new ReviewHealth(), {
        skuCode: r.sku_code,
        reviews: r.reviews,
        averageRating: r.average === null ? null : Number(r.average),
        negative30d: r.negative30d,
        topComplaint: r.top,
        inIncident: r.incident,
      }),
    );
  }
}

function toTask(r: ContactTaskRow): ContactTask {
  return Object.assign(new ContactTask(), {
    id: r.id,
    channel: r.channel,
    reviewId: r.review_id,
    dueAt: r.due_at,
    overdueAt: r.overdue_at,
    doneAt: r.done_at,
    outcome: r.outcome,
    recovered: r.recovered,
  });
}
