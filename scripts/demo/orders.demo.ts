import { inParallel, pick, shopTime, type DemoContext } from './demo-context';
import type { DemoOrder, ShopHistory } from './shop-history';

const HOUR = 3_600_000;
/** Concurrent deliveries share the gateway's group commit: more in flight, fewer transactions. */
const WEBHOOKS_IN_FLIGHT = 16;
const DAY = 24 * HOUR;
const GOOD_REVIEWS = ['面料很舒服，版型显瘦', '做工精致，值得这个价', '颜色和图片一致，很满意', '尺码标准，物流很快', '第二次回购了'];
const BAD_REVIEWS = ['洗一次就起球了', '和图片色差很大', '尺码偏小，不合身', '线头很多，做工一般'];
const SPIKE_REVIEWS = ['面料起球严重，质量太差', '穿一次就起球，要求退货', '起球！和描述完全不符'];
const REFUND_REASONS = ['尺码不合适', '不喜欢颜色', '质量问题', '七天无理由'];

export interface OrderOutcome {
  readonly paidOrders: number;
  readonly refunds: number;
  readonly reviews: number;
  /** Orders whose goods left (order.shipped sent): the only ones a return can be opened on. */
  readonly shipped: ReadonlySet<string>;
}

/**
 * Each order of the history as the channel's webhooks tell it, at the times it happened: created,
 * paid minutes later (or cancelled), shipped the next day, completed about a week later; some are
 * refunded, a third of the completed are reviewed, and one week brings a burst of complaints
 * about one product. Webhooks of one order go in order; sixteen orders at a time.
 */
export async function seedOrders(ctx: DemoContext, history: ShopHistory): Promise<OrderOutcome> {
  const { random, now } = ctx;
  const spikeAt = now - 12 * DAY;
  let refunds = 0;
  let reviews = 0;
  const shipped = new Set<string>();
  const plans = history.orders.map((order) => ({ order, fate: random(), review: random(), rating: random(), text: random() }));
  await inParallel(plans, WEBHOOKS_IN_FLIGHT, async ({ order, fate, review, rating, text }) => {
    const send = (type: string, at: number, extra: Record<string, unknown> = {}): Promise<void> =>
      ctx.webhook(order.channel, { type, occurredAt: shopTime(at), data: { ...orderData(order), ...extra } });
    await send('order.created', order.placedAt);
    if (order.paidAt === undefined) {
      if (fate < 0.5) await send('order.cancelled', order.placedAt + 20 * 60_000);
      return;
    }
    await send('order.paid', order.paidAt);
    const refundAt = order.paidAt + (fate < 0.03 ? 2 * HOUR : 4 * DAY);
    if (fate < 0.07 && refundAt < now) {
      const line = order.lines[0];
      const refund = { orderId: order.orderId, refundId: `RF${order.orderId}`, lines: [line], amountFen: line.unitPriceFen * line.quantity };
      const reason = REFUND_REASONS[Math.floor(fate * 100) % REFUND_REASONS.length];
      await ctx.webhook(order.channel, { type: 'refund.requested', occurredAt: shopTime(refundAt - HOUR), data: { ...refund, reason } });
      await ctx.webhook(order.channel, { type: 'refund.completed', occurredAt: shopTime(refundAt), data: { ...refund, reason } });
      refunds += 1;
      if (fate < 0.03) return; // refunded before it shipped
    }
    const shippedAt = order.paidAt + 20 * HOUR;
    if (shippedAt >= now) return;
    await send('order.shipped', shippedAt, { shipment: { carrier: 'SF', trackingNo: `SF${order.orderId}`, locationCode: 'CENTRAL' } });
    shipped.add(order.orderId);
    const completedAt = shippedAt + 6 * DAY;
    if (completedAt >= now) return;
    await send('order.completed', completedAt);
    const reviewedAt = completedAt + 3 * HOUR;
    // A batch of one product pilled: every completed order of it around the spike complains.
    const spike = order.lines[0].skuCode.startsWith('LX-KNIT-') && Math.abs(reviewedAt - spikeAt) < 4 * DAY;
    if (!spike && review > 0.35) return;
    const stars = spike ? 1 : rating < 0.08 ? 1 + Math.floor(rating * 25) : 4 + Math.round(rating);
    const words = spike ? SPIKE_REVIEWS : stars <= 2 ? BAD_REVIEWS : GOOD_REVIEWS;
    await ctx.webhook(order.channel, {
      type: 'review.created',
      occurredAt: shopTime(Math.min(reviewedAt, now - 60_000)),
      data: {
        reviewId: `RV${order.orderId}`,
        orderId: order.orderId,
        skuCode: order.lines[0].skuCode,
        buyer: order.buyer,
        rating: Math.min(5, stars),
        text: words[Math.floor(text * words.length)],
        images: [],
        createdAt: shopTime(Math.min(reviewedAt, now - 60_000)),
      },
    });
    reviews += 1;
  });
  const paidOrders = history.orders.filter((o) => o.paidAt !== undefined).length;
  ctx.log(
    `orders: ${history.orders.length} orders over ${Math.round((now - history.orders[0].placedAt) / DAY)} days, ${paidOrders} paid, ${refunds} refunds, ${reviews} reviews`,
  );
  return { paidOrders, refunds, reviews, shipped };
}

function orderData(order: DemoOrder) {
  return {
    orderId: order.orderId,
    buyer: order.buyer,
    lines: order.lines,
    totalFen: order.totalFen,
    region: order.region,
    placedAt: shopTime(order.placedAt),
  };
}

const QUESTIONS = ['请问这款有现货吗？', '什么时候发货呢', '尺码怎么选，身高165体重50', '快递到哪里了？', '可以开发票吗', '衣服起球了怎么处理', '想换个颜色'];

/** Buyers ask before and after they buy: a conversation per message thread, over the history. */
export async function seedConversations(ctx: DemoContext, history: ShopHistory): Promise<number> {
  const { random, now } = ctx;
  const threads = history.orders.filter(() => random() < 0.12).map((order) => ({ order, text: pick(random, QUESTIONS), delay: random() }));
  await inParallel(threads, WEBHOOKS_IN_FLIGHT, async ({ order, text, delay }) => {
    const at = Math.min(order.placedAt + delay * 3 * DAY, now - 60_000);
    await ctx.webhook(order.channel, {
      type: 'message.received',
      occurredAt: shopTime(at),
      data: { conversationId: `CV${order.orderId}`, buyer: order.buyer, text, at: shopTime(at) },
    });
  });
  ctx.log(`customer service: ${threads.length} conversations`);
  return threads.length;
}
