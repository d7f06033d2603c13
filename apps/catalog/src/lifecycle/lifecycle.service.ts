import { Injectable } from '@nestjs/common';
import { LifecycleChanged } from '@shopops/contracts';
import { execute, NotFoundError, refuse, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { likePattern } from '../search/search-text';
import { ExitReviewRequiredError, IllegalTransitionError } from './lifecycle-errors';
import { LifecycleStageValue, type Product } from '../products/product.entity';
import { ProductWriter } from '../products/product-writer';
import { LIFECYCLE_TRANSITIONS, mayMove } from './lifecycle';
import { ExitReview, LifecycleChange, type ChangeLifecycleInput } from './lifecycle.model';

interface LifecycleChangeRow {
  product_id: string;
  from_stage: LifecycleStageValue;
  to_stage: LifecycleStageValue;
  actor: string;
  reason: string;
  at: Date;
}

interface ExitReviewRow {
  code: string;
  title: string;
  why_failed: string;
  lessons: string;
  actor: string;
  at: Date;
}

export type LifecycleOutcome = Product | NotFoundError | IllegalTransitionError | ExitReviewRequiredError;

/** Lifecycle moves along the allowed transitions, each recorded with actor, reason and time. */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
  ) {}

  change(ctx: RequestContext, input: ChangeLifecycleInput): Promise<LifecycleOutcome> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const product = await this.writer.lock(tx, input.productCode);
      const from = product.lifecycleStage;
      if (from === input.to) return product;
      if (!mayMove(from, input.to)) refuse(IllegalTransitionError.of(from, input.to, [...LIFECYCLE_TRANSITIONS[from]]));
      if (input.to === LifecycleStageValue.EXIT) {
        if (!input.review) refuse(ExitReviewRequiredError.of());
        await execute(tx.em, `INSERT INTO exit_review (product_id, why_failed, lessons, actor) VALUES ($1, $2, $3, $4)`, [
          product.id,
          input.review.whyFailed,
          input.review.lessons ?? '',
          ctx.identity.subject,
        ]);
        // An exited product is no longer sold.
        await execute(tx.em, `UPDATE product SET status = CASE WHEN status = 'ON_SALE' THEN 'DRAFT' ELSE status END WHERE id = $1`, [product.id]);
      }
      await execute(tx.em, `UPDATE product SET lifecycle_stage = $2 WHERE id = $1`, [product.id, input.to]);
      await execute(tx.em, `INSERT INTO lifecycle_change (product_id, from_stage, to_stage, actor, reason) VALUES ($1, $2, $3, $4, $5)`, [
        product.id,
        from,
        input.to,
        ctx.identity.subject,
        input.reason,
      ]);
      const changed = await this.writer.recordVersion(tx, product.id, `lifecycle ${from} → ${input.to}: ${input.reason}`);
      tx.emit(LifecycleChanged, { productId: product.id, code: product.code, from, to: input.to, reason: input.reason, actor: ctx.identity.subject });
      return changed;
    });
  }

  async historyOf(productIds: readonly string[]): Promise<Array<LifecycleChange & { productId: string }>> {
    const rows = await selectRows<LifecycleChangeRow>(
      this.dataSource,
      `SELECT product_id, from_stage, to_stage, actor, reason, at FROM lifecycle_change WHERE product_id = ANY($1::uuid[]) ORDER BY id`,
      [productIds],
    );
    return rows.map((r) =>
      Object.assign(new LifecycleChange(), { productId: r.product_id, from: r.from_stage, to: r.to_stage, actor: r.actor, reason: r.reason, at: r.at }),
    );
  }

  /** Exit reviews, optionally those mentioning a text (e.g. "面料", "sizing"). */
  async exitReviews(search: string | undefined, first: number): Promise<ExitReview[]> {
    const rows = await selectRows<ExitReviewRow>(
      this.dataSource,
      `SELECT p.code, p.title, r.why_failed, r.lessons, r.actor, r.at FROM exit_review r JOIN product p ON p.id = r.product_id
        WHERE $1::text IS NULL OR (r.why_failed || ' ' || r.lessons) ILIKE $1 OR p.title ILIKE $1
        ORDER BY r.at DESC LIMIT $2`,
      [search ? likePattern(search) : null, first],
    );
    return rows.map((r) =>
      Object.assign(new ExitReview(), { productCode: r.code, productTitle: r.title, whyFailed: r.why_failed, lessons: r.lessons, actor: r.actor, at: r.at }),
    );
  }
}
