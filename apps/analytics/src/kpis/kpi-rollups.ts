import { Injectable } from '@nestjs/common';
import type {
  ChannelOrderPayload,
  ChannelRefundPayload,
  ChannelReviewPayload,
  ChannelStockChangedPayload,
  ConversationOpenedPayload,
  ConversationResolvedPayload,
  TrackedEvent,
} from '@shopops/contracts';
import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { SHOP_TIME_ZONE, visitorOf } from '../store/event-store';

const PAID_SOURCES = ['paid_search', 'feed', 'display', 'affiliate', 'kol', 'live'];

/**
 * Rollups kept up to date as events arrive, so KPIs never re-scan history: counts per day ×
 * channel × device, distinct visitors, orders and SKU sales, refunds, reviews, co-purchases.
 */
@Injectable()
export class KpiRollups {
  /**
   * Behaviour events, one statement per batch: visitors (distinct per day), searches, views, carts,
   * paid visits; hourly traffic and payments (anomaly detection); co-views (each SKU first seen in
   * a session pairs with the session's other SKUs); sales as their visit's source brought them.
   * Callers pass only events stored for the first time, so each event id counts once.
   */
  async addTracked(tx: TransactionContext, events: readonly TrackedEvent[]): Promise<void> {
    if (!events.length) return;
    await execute(
      tx.em,
      `WITH e AS (
         SELECT t, (t AT TIME ZONE '${SHOP_TIME_ZONE}')::date AS day, channel, device, visitor_id, source, type, session_id, sku_code, campaign, referrer, amount
           FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])
             AS e(t, channel, device, visitor_id, source, type, session_id, sku_code, campaign, referrer, amount)),
       new_visitors AS (
         INSERT INTO daily_visitor (day, channel, device, visitor_id, source)
         SELECT DISTINCT ON (day, channel, device, visitor_id) day, channel, device, visitor_id, source FROM e
         ON CONFLICT DO NOTHING RETURNING day, channel, device, source),
       counts AS (
         SELECT day, channel, device, count(*) FILTER (WHERE type = 'search') AS searches, count(*) FILTER (WHERE type = 'product_view') AS views,
                count(*) FILTER (WHERE type = 'add_to_cart') AS carts FROM e GROUP BY day, channel, device),
       visitors AS (SELECT day, channel, device, count(*) AS visitors, count(*) FILTER (WHERE source = ANY ($12)) AS paid FROM new_visitors GROUP BY day, channel, device),
       daily AS (
         INSERT INTO kpi_daily (day, channel, device, visitors, paid_visits, searches, product_views, add_to_carts)
         SELECT c.day, c.channel, c.device, coalesce(v.visitors, 0), coalesce(v.paid, 0), c.searches, c.views, c.carts
           FROM counts c LEFT JOIN visitors v USING (day, channel, device)
         ON CONFLICT (day, channel, device) DO UPDATE SET visitors = kpi_daily.visitors + EXCLUDED.visitors, paid_visits = kpi_daily.paid_visits + EXCLUDED.paid_visits,
           searches = kpi_daily.searches + EXCLUDED.searches, product_views = kpi_daily.product_views + EXCLUDED.product_views, add_to_carts = kpi_daily.add_to_carts + EXCLUDED.add_to_carts),
       hourly AS (
         INSERT INTO kpi_hourly (hour, channel, metric, value)
         SELECT date_trunc('hour', t), channel, CASE WHEN type = 'payment' THEN 'payments' ELSE 'traffic' END, count(*) FROM e WHERE type IN ('product_view', 'payment') GROUP BY 1, 2, 3
         ON CONFLICT (metric, channel, hour) DO UPDATE SET value = kpi_hourly.value + EXCLUDED.value),
       batch_views AS (SELECT DISTINCT session_id AS s, sku_code AS k FROM e WHERE type = 'product_view' AND session_id IS NOT NULL AND sku_code IS NOT NULL),
       fresh_views AS (INSERT INTO session_view (session_id, sku_code) SELECT s, k FROM batch_views ON CONFLICT DO NOTHING RETURNING session_id, sku_code),
       pairs AS (
         SELECT f.sku_code AS a, o.sku_code AS b FROM fresh_views f JOIN session_view o ON o.session_id = f.session_id AND o.sku_code <> f.sku_code
         UNION ALL SELECT o.sku_code, f.sku_code FROM fresh_views f JOIN session_view o ON o.session_id = f.session_id AND o.sku_code <> f.sku_code
         UNION ALL SELECT f1.sku_code, f2.sku_code FROM fresh_views f1 JOIN fresh_views f2 ON f2.session_id = f1.session_id AND f2.sku_code <> f1.sku_code),
       view_pairs AS (
         INSERT INTO view_pair (sku_a, sku_b, sessions) SELECT a, b, count(*) FROM pairs GROUP BY a, b
         ON CONFLICT (sku_a, sku_b) DO UPDATE SET sessions = view_pair.sessions + EXCLUDED.sessions),
       sales AS (
         INSERT INTO attributed_sale (day, source, campaign, referrer, orders, gmv_fen)
         SELECT day, source, coalesce(campaign, ''), coalesce(referrer, ''), count(*), sum(amount) FROM e WHERE type = 'payment' AND amount <> 0 GROUP BY 1, 2, 3, 4
         ON CONFLICT (day, source, campaign, referrer) DO UPDATE SET orders = attributed_sale.orders + EXCLUDED.orders, gmv_fen = attributed_sale.gmv_fen + EXCLUDED.gmv_fen)
       SELECT 1`,
      [
        events.map((e) => e.occurredAt),
        events.map((e) => e.channel),
        events.map((e) => e.device),
        events.map(visitorOf),
        events.map((e) => e.source),
        events.map((e) => e.type),
        events.map((e) => e.sessionId ?? null),
        events.map((e) => e.skuCode ?? null),
        events.map((e) => e.campaign ?? null),
        events.map((e) => e.referrer ?? null),
        events.map((e) => e.amountFen ?? null),
        PAID_SOURCES,
      ],
    );
  }

  /** A paid order counts once: GMV, SKU sales, and the co-purchase counts behind recommendations. Answers whether it was new. */
  async addPaidOrder(tx: TransactionContext, p: ChannelOrderPayload): Promise<boolean> {
    const inserted = await selectRows<{ order_id: string }>(
      tx.em,
      `INSERT INTO order_fact (channel, order_id, buyer_id, day, total_fen, lines, paid_at) VALUES ($1, $2, $3, ($4::timestamptz AT TIME ZONE '${SHOP_TIME_ZONE}')::date, $5, $6, $4)
       ON CONFLICT DO NOTHING RETURNING order_id`,
      [p.channel, p.orderId, `${p.channel}:${p.buyer.platformUserId}`, p.occurredAt, p.totalFen, JSON.stringify(p.lines)],
    );
    if (!inserted.length) return false;
    // A refund may have arrived before its order's payment.
    await this.settleRefunds(tx, p.channel, p.orderId);
    const day = `(($1::timestamptz) AT TIME ZONE '${SHOP_TIME_ZONE}')::date`;
    await execute(
      tx.em,
      `INSERT INTO kpi_daily (day, channel, device, orders, gmv_fen) VALUES (${day}, $2, 'all', 1, $3)
       ON CONFLICT (day, channel, device) DO UPDATE SET orders = kpi_daily.orders + 1, gmv_fen = kpi_daily.gmv_fen + EXCLUDED.gmv_fen`,
      [p.occurredAt, p.channel, p.totalFen],
    );
    await execute(
      tx.em,
      `INSERT INTO sku_daily (day, sku_code, channel, units, orders, gmv_fen)
       SELECT ${day}, sku, $2, sum(quantity), 1, sum(quantity * price) FROM unnest($3::text[], $4::int[], $5::int[]) AS l(sku, quantity, price) GROUP BY sku
       ON CONFLICT (sku_code, day, channel) DO UPDATE SET units = sku_daily.units + EXCLUDED.units, orders = sku_daily.orders + 1, gmv_fen = sku_daily.gmv_fen + EXCLUDED.gmv_fen`,
      [p.occurredAt, p.channel, p.lines.map((l) => l.skuCode), p.lines.map((l) => l.quantity), p.lines.map((l) => l.unitPriceFen)],
    );
    const skus = [...new Set(p.lines.map((l) => l.skuCode))].sort();
    const pairs = skus.flatMap((a, i) =>
      skus.slice(i + 1).flatMap((b) => [
        [a, b],
        [b, a],
      ]),
    );
    await execute(tx.em, `UPDATE basket_total SET orders = orders + 1`);
    await execute(
      tx.em,
      `INSERT INTO item_orders (sku_code, orders) SELECT unnest($1::text[]), 1 ON CONFLICT (sku_code) DO UPDATE SET orders = item_orders.orders + 1`,
      [skus],
    );
    if (pairs.length) {
      await execute(
        tx.em,
        `INSERT INTO item_pair (sku_a, sku_b, orders) SELECT a, b, 1 FROM unnest($1::text[], $2::text[]) AS t(a, b) ON CONFLICT (sku_a, sku_b) DO UPDATE SET orders = item_pair.orders + 1`,
        [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
      );
    }
    return true;
  }

  /** A refund counts once, on the day it completed. */
  async addRefund(tx: TransactionContext, p: Pick<ChannelRefundPayload, 'channel' | 'orderId' | 'refundId' | 'amountFen' | 'occurredAt'>): Promise<void> {
    if (!(await this.firstTime(tx, 'refund', p.channel, p.refundId, p.orderId, p.amountFen))) return;
    await this.settleRefunds(tx, p.channel, p.orderId);
    await execute(
      tx.em,
      `INSERT INTO kpi_hourly (hour, channel, metric, value) VALUES (date_trunc('hour', $1::timestamptz), $2, 'refunds', 1)
       ON CONFLICT (metric, channel, hour) DO UPDATE SET value = kpi_hourly.value + 1`,
      [p.occurredAt, p.channel],
    );
    await execute(
      tx.em,
      `INSERT INTO kpi_daily (day, channel, device, refunds, refund_fen) VALUES (($1::timestamptz AT TIME ZONE '${SHOP_TIME_ZONE}')::date, $2, 'all', 1, $3)
       ON CONFLICT (day, channel, device) DO UPDATE SET refunds = kpi_daily.refunds + 1, refund_fen = kpi_daily.refund_fen + EXCLUDED.refund_fen`,
      [p.occurredAt, p.channel, p.amountFen],
    );
  }

  async addReview(tx: TransactionContext, p: ChannelReviewPayload): Promise<void> {
    if (!(await this.firstTime(tx, 'review', p.channel, p.reviewId))) return;
    await execute(
      tx.em,
      `INSERT INTO kpi_daily (day, channel, device, reviews, negative_reviews, dsr_description_sum, dsr_description_n, dsr_service_sum, dsr_service_n, dsr_logistics_sum, dsr_logistics_n)
       VALUES (($1::timestamptz AT TIME ZONE '${SHOP_TIME_ZONE}')::date, $2, 'all', 1, $3, coalesce($4, 0), ($4 IS NOT NULL)::int, coalesce($5, 0), ($5 IS NOT NULL)::int, coalesce($6, 0), ($6 IS NOT NULL)::int)
       ON CONFLICT (day, channel, device) DO UPDATE SET reviews = kpi_daily.reviews + 1, negative_reviews = kpi_daily.negative_reviews + EXCLUDED.negative_reviews,
         dsr_description_sum = kpi_daily.dsr_description_sum + EXCLUDED.dsr_description_sum, dsr_description_n = kpi_daily.dsr_description_n + EXCLUDED.dsr_description_n,
         dsr_service_sum = kpi_daily.dsr_service_sum + EXCLUDED.dsr_service_sum, dsr_service_n = kpi_daily.dsr_service_n + EXCLUDED.dsr_service_n,
         dsr_logistics_sum = kpi_daily.dsr_logistics_sum + EXCLUDED.dsr_logistics_sum, dsr_logistics_n = kpi_daily.dsr_logistics_n + EXCLUDED.dsr_logistics_n`,
      // "Item as described" is what the review's own rating scores when the marketplace sent no separate DSR.
      [p.createdAt, p.channel, p.rating <= 2 ? 1 : 0, p.dsr?.description ?? p.rating, p.dsr?.service ?? null, p.dsr?.logistics ?? null],
    );
  }

  private async firstTime(tx: TransactionContext, kind: string, channel: string, ref: string, orderId?: string, amountFen?: number): Promise<boolean> {
    const first = await selectRows<{ ref: string }>(
      tx.em,
      `INSERT INTO counted_fact (kind, channel, ref, order_id, amount_fen) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ref`,
      [kind, channel, ref, orderId ?? null, amountFen ?? null],
    );
    return first.length > 0;
  }

  /** An order's refunded amount is the sum of its counted refunds, whichever arrived first. */
  private async settleRefunds(tx: TransactionContext, channel: string, orderId: string): Promise<void> {
    await execute(
      tx.em,
      `UPDATE order_fact o SET refunded_fen = least(o.total_fen, coalesce((SELECT sum(amount_fen) FROM counted_fact f WHERE f.kind = 'refund' AND f.channel = $1 AND f.order_id = $2), 0))
        WHERE o.channel = $1 AND o.order_id = $2`,
      [channel, orderId],
    );
  }

  async addConversationOpened(tx: TransactionContext, p: ConversationOpenedPayload, at: string): Promise<void> {
    if (!(await this.firstConversationFact(tx, p.conversationId, 'opened'))) return;
    await execute(
      tx.em,
      `INSERT INTO cs_daily (day, channel, opened) VALUES (($1::timestamptz AT TIME ZONE '${SHOP_TIME_ZONE}')::date, $2, 1)
       ON CONFLICT (day, channel) DO UPDATE SET opened = cs_daily.opened + 1`,
      [at, p.channel],
    );
  }

  async addConversationResolved(tx: TransactionContext, p: ConversationResolvedPayload): Promise<void> {
    if (!(await this.firstConversationFact(tx, p.conversationId, 'resolved'))) return;
    const answered = p.firstResponseWallMinutes !== undefined;
    await execute(
      tx.em,
      `INSERT INTO cs_daily (day, channel, resolved, first_response_business_minutes, first_response_wall_minutes, first_responses, resolution_wall_minutes, bot_only)
       VALUES (($1::timestamptz AT TIME ZONE '${SHOP_TIME_ZONE}')::date, $2, 1, $3, $4, $5, $6, $7)
       ON CONFLICT (day, channel) DO UPDATE SET resolved = cs_daily.resolved + 1,
         first_response_business_minutes = cs_daily.first_response_business_minutes + EXCLUDED.first_response_business_minutes,
         first_response_wall_minutes = cs_daily.first_response_wall_minutes + EXCLUDED.first_response_wall_minutes,
         first_responses = cs_daily.first_responses + EXCLUDED.first_responses,
         resolution_wall_minutes = cs_daily.resolution_wall_minutes + EXCLUDED.resolution_wall_minutes, bot_only = cs_daily.bot_only + EXCLUDED.bot_only`,
      [
        p.resolvedAt,
        p.channel,
        p.firstResponseBusinessMinutes ?? 0,
        p.firstResponseWallMinutes ?? 0,
        answered ? 1 : 0,
        p.resolutionWallMinutes,
        p.botAnswers > 0 && !p.agentAnswered ? 1 : 0,
      ],
    );
  }

  /** The latest channel quantity per SKU (events may arrive out of order: the newest wins). */
  async setStock(tx: TransactionContext, p: ChannelStockChangedPayload, at: string): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO sku_stock (sku_code, channel, quantity, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sku_code, channel) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = EXCLUDED.updated_at WHERE sku_stock.updated_at <= EXCLUDED.updated_at`,
      [p.skuCode, p.channel, p.quantity, at],
    );
  }

  private async firstConversationFact(tx: TransactionContext, conversationId: string, kind: string): Promise<boolean> {
    const first = await selectRows<{ kind: string }>(
      tx.em,
      `INSERT INTO counted_conversation (conversation_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING kind`,
      [conversationId, kind],
    );
    return first.length > 0;
  }
}
