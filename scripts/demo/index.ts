import { graphql } from '@shopops/client';
import { seedCatalog, seedRange } from './catalog.demo';
import { seededRandom, shopDay, shopMidnight, shopTime, type DemoContext } from './demo-context';
import { seedInventory } from './inventory.demo';
import { seedMarketing } from './marketing.demo';
import { seedConversations, seedOrders } from './orders.demo';
import { seedAfterSales } from './service.demo';
import { DEMO_DAYS, simulateHistory } from './shop-history';

const WeeklyKpis = graphql(`
  query DemoWeeklyKpis($from: String!, $to: String!) {
    shopKpis(from: $from, to: $to, grain: WEEK) {
      orders
      productViews
    }
  }
`);
const GenerateReport = graphql(`
  mutation DemoGenerateReport($kind: String!, $from: String!, $to: String!) {
    generateReport(kind: $kind, from: $from, to: $to) {
      id
    }
  }
`);
const DetectAnomalies = graphql(`
  mutation DemoDetectAnomalies($hour: String!) {
    detectAnomalies(hour: $hour) {
      metric
      dimension
    }
  }
`);
const FirstProduct = graphql(`
  query DemoFirstProduct {
    products(first: 1) {
      nodes {
        id
      }
    }
  }
`);

/**
 * Demo data for an empty database: a light-luxury apparel shop with ~200 styles in colour ×
 * size at every lifecycle stage, stock in three warehouses, and ninety days of its life —
 * visits from every traffic source down the funnel, orders, refunds, reviews, conversations,
 * ad spend, an experiment and a flash sale — then its daily and weekly reports. Everything goes
 * through the public API and signed webhooks, so the demo exercises the same paths as production.
 */
export async function seedDemoData(ctx: DemoContext): Promise<void> {
  const started = Date.now();
  const log = ctx.log;
  // Each line says when its step ended, so a slow step shows.
  ctx = { ...ctx, log: (line) => log(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`) };
  const skus = await seedCatalog(ctx);
  // Steps run side by side: each draws from its own seeded sequence, so the shop is the same every time.
  const own = (seed: number): DemoContext => ({ ...ctx, random: seededRandom(seed) });
  const history = simulateHistory(seededRandom(11), ctx.now, skus);
  // Visits, marketing and conversations need no stock: they go in while the range is launched and stocked.
  let conversations = 0;
  await Promise.all([
    seedRange(ctx),
    seedInventory(own(12), skus),
    (async () => {
      await ctx.track(history.events);
      ctx.log(`behaviour: ${history.events.length} events over ${DEMO_DAYS} days`);
      await seedMarketing(own(13), history);
      conversations = await seedConversations(own(14), history);
    })(),
  ]);
  const outcome = await seedOrders(own(15), history);
  await waitForAnalytics(ctx, history.firstDay, outcome.paidOrders, history.events.filter((e) => e.type === 'product_view').length);
  await seedAfterSales(ctx, history, conversations, outcome.shipped);
  await seedReports(ctx, history.peakDay);
  ctx.log('all seeded');
}

/** Reports and alerts read what analytics has counted: wait until every paid order and product view is in. */
async function waitForAnalytics(ctx: DemoContext, from: string, paidOrders: number, productViews: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  let seen = { orders: 0, productViews: 0 };
  while (Date.now() < deadline) {
    const data = await ctx.request(WeeklyKpis, { from, to: shopDay(ctx.now) }, 'analyst');
    seen = data.shopKpis.reduce((n, r) => ({ orders: n.orders + r.orders, productViews: n.productViews + r.productViews }), { orders: 0, productViews: 0 });
    if (seen.orders >= paidOrders && seen.productViews >= productViews) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`analytics counted ${seen.orders} of ${paidOrders} paid orders and ${seen.productViews} of ${productViews} product views within 3 minutes`);
}

/** Yesterday's and last week's reports, as the morning jobs would build them, and the alerts of the peak evening. */
async function seedReports(ctx: DemoContext, peakDay: number): Promise<void> {
  const yesterday = shopDay(shopMidnight(ctx.now, 1));
  const weekday = new Date(`${shopDay(ctx.now)}T00:00:00Z`).getUTCDay();
  const lastMonday = shopMidnight(ctx.now, ((weekday + 6) % 7) + 7);
  await ctx.request(GenerateReport, { kind: 'DAILY', from: yesterday, to: yesterday }, 'analyst');
  await ctx.request(GenerateReport, { kind: 'WEEKLY', from: shopDay(lastMonday), to: shopDay(lastMonday + 6 * 86_400_000) }, 'analyst');
  const alerts = await ctx.request(DetectAnomalies, { hour: shopTime(shopMidnight(ctx.now, peakDay) + 20 * 3_600_000) }, 'operator');
  ctx.log(`reports: daily ${yesterday}, weekly from ${shopDay(lastMonday)}; ${alerts.detectAnomalies.length} anomaly alerts on the peak evening`);
}

/** True when the catalog holds no product yet. */
export async function isEmpty(ctx: DemoContext): Promise<boolean> {
  const data = await ctx.request(FirstProduct, {}, 'operator');
  return data.products.nodes.length === 0;
}
