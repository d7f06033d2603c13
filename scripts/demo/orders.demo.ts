import { inParallel, pick, type DemoContext } from './demo-context';
import type { DemoSku } from './catalog.demo';

const CHANNELS = ['taobao', 'douyin', 'mall'] as const;
const REGIONS = ['310000', '320500', '440100', '440300', '330100', '110000', '510100'];
const NICKNAMES = ['小雨', '阿青', 'Momo', '林林', 'Coco', '晚晚', '一一', 'Vivian', '安安', '若溪'];
export const DEMO_BUYERS = 60;
export const DEMO_ORDERS = 150;

/**
 * Marketplace and own-mall orders as integrators would post them: created, most paid, many
 * shipped and completed, a few cancelled — every one a signed webhook.
 */
export async function seedOrders(ctx: DemoContext, skus: readonly DemoSku[]): Promise<void> {
  const orders = Array.from({ length: DEMO_ORDERS }, (_, i) => {
    const channel = pick(ctx.random, CHANNELS);
    const buyer = Math.floor(ctx.random() * DEMO_BUYERS);
    const lines = Array.from({ length: 1 + Math.floor(ctx.random() * 2) }, () => {
      const sku = pick(ctx.random, skus);
      return { skuCode: sku.code, quantity: 1, unitPriceFen: sku.listPriceFen };
    });
    const placedAt = new Date(Date.now() - Math.floor(ctx.random() * 30 * 24 * 3600 * 1000));
    return {
      channel,
      fate: ctx.random(),
      data: {
        orderId: `${channel.toUpperCase().slice(0, 2)}DEMO${String(i + 1).padStart(5, '0')}`,
        buyer: {
          platformUserId: `${channel}_buyer_${buyer}`,
          nickname: NICKNAMES[buyer % NICKNAMES.length],
          phone: `1380013${String(buyer).padStart(4, '0')}`,
        },
        lines,
        totalFen: lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0),
        region: pick(ctx.random, REGIONS),
        placedAt: placedAt.toISOString(),
      },
    };
  });
  let accepted = 0;
  await inParallel(orders, 8, async (order) => {
    const send = async (type: string, extra: Record<string, unknown> = {}): Promise<void> => {
      if ((await ctx.webhook(order.channel, { type, data: { ...order.data, ...extra } })) === 202) accepted += 1;
    };
    await send('order.created');
    if (order.fate < 0.08) return send('order.cancelled');
    if (order.fate < 0.15) return; // still unpaid
    await send('order.paid');
    if (order.fate < 0.35) return;
    await send('order.shipped', { shipment: { carrier: 'SF', trackingNo: `SF${order.data.orderId}`, locationCode: 'CENTRAL' } });
    if (order.fate < 0.6) return;
    await send('order.completed');
  });
  ctx.log(`orders: ${orders.length} orders from ${DEMO_BUYERS} buyers (${accepted} webhooks accepted)`);
}
