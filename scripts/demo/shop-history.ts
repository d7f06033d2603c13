import { pick, shopDay, shopMidnight, shopTime, weighted, type DemoEvent } from './demo-context';
import type { DemoSku } from './catalog.demo';

/** Days of history the demo shop has. */
export const DEMO_DAYS = 90;
/** The demo's best seller and what goes with it: bought together, viewed together, and in the docs' examples. */
export const HERO_SKU = 'LX-DRESS-001-BLK-M';
export const HERO_COMPANION = 'LX-SCARF-001-BLK-F';
/** The docs' example buyer (`picksForBuyer(channel: "taobao", platformUserId: "tb_8812731")`): the shop's most loyal. */
const BUYER_ID_BASE = 8812731;
export const DEMO_EXPERIMENT = 'main-image-aw26';

const CHANNELS = [
  ['taobao', 45],
  ['douyin', 30],
  ['mall', 25],
] as const;
const DEVICES: Record<string, ReadonlyArray<readonly [DemoEvent['device'], number]>> = {
  taobao: [
    ['mobile', 55],
    ['app', 30],
    ['pc', 15],
  ],
  douyin: [
    ['app', 70],
    ['mobile', 30],
  ],
  mall: [
    ['mobile', 45],
    ['mini_program', 35],
    ['pc', 15],
    ['tablet', 5],
  ],
};
/** Every traffic source; paid ones are about a third of visits, around the paid-share limit. */
const SOURCES: ReadonlyArray<readonly [DemoEvent['source'], number]> = [
  ['organic_search', 24],
  ['paid_search', 9],
  ['feed', 7],
  ['display', 3],
  ['affiliate', 3],
  ['kol', 7],
  ['private_domain', 14],
  ['live', 5],
  ['direct', 28],
];
const KOLS: ReadonlyArray<readonly [string, number]> = [
  ['kol-xiaoyu', 40],
  ['kol-linlin', 20],
  ['kol-momo', 12],
  ['kol-anan', 8],
  ['kol-qingqing', 6],
  ['kol-vivian', 5],
  ['kol-ruoxi', 4],
  ['kol-coco', 3],
  ['kol-wanwan', 2],
  ['kol-yiyi', 1],
];
const SEARCHES = ['真丝连衣裙', '羊绒大衣', '通勤衬衫', '法式碎花', '羊绒围巾', '托特包', '阔腿裤', '针织开衫', 'minimal dress', '新中式'];
const REGIONS = ['310000', '320500', '440100', '440300', '330100', '110000', '510100'];
const NICKNAMES = ['小雨', '阿青', 'Momo', '林林', 'Coco', '晚晚', '一一', 'Vivian', '安安', '若溪'];
const BUYER_PREFIX: Record<string, string> = { taobao: 'tb_', douyin: 'dy_', mall: 'm_' };
const ORDER_PREFIX: Record<string, string> = { taobao: 'TB', douyin: 'DY', mall: 'MA' };

/** Campaigns by paid source; Double 11 runs in the ten days before the 11th. */
function campaignOf(source: string, nearDouble11: boolean): string | undefined {
  if (source === 'paid_search') return nearDouble11 ? 'double11' : 'brand';
  if (source === 'feed' || source === 'display' || source === 'live' || source === 'kol' || source === 'affiliate')
    return nearDouble11 ? 'double11' : 'aw26-newin';
  return undefined;
}
export const AD_CAMPAIGNS = ['brand', 'aw26-newin', 'double11'] as const;

export interface DemoOrder {
  readonly channel: string;
  readonly orderId: string;
  readonly buyer: { platformUserId: string; nickname: string; phone: string };
  readonly lines: Array<{ skuCode: string; quantity: number; unitPriceFen: number }>;
  readonly totalFen: number;
  readonly region: string;
  readonly placedAt: number;
  /** When it was paid; unpaid orders have none. */
  readonly paidAt?: number;
}

export interface ShopHistory {
  readonly events: DemoEvent[];
  readonly orders: DemoOrder[];
  /** The Double 11 of the history: a traffic surge in the evening, and the day of most sales. */
  readonly peakDay: number;
  readonly firstDay: string;
}

/**
 * Ninety days of a shop, visit by visit: traffic that grows, peaks on weekends and on Double 11;
 * each visit goes down the funnel (search → click → product view → cart → order → payment) as
 * far as it goes, and every order it places is the order the channel's webhooks will tell of.
 */
export function simulateHistory(random: () => number, now: number, skus: readonly DemoSku[]): ShopHistory {
  const priceOf = new Map(skus.map((s) => [s.code, s.listPriceFen]));
  const products = [...new Set(skus.map((s) => s.code.split('-').slice(0, 3).join('-')))];
  const skusOf = new Map<string, string[]>();
  for (const s of skus) {
    const product = s.code.split('-').slice(0, 3).join('-');
    skusOf.set(product, [...(skusOf.get(product) ?? []), s.code]);
  }
  // A few products sell most: the nth is picked about 1/√n as often as the first.
  const pickSku = (): string => {
    if (random() < 0.06) return HERO_SKU;
    return pick(random, skusOf.get(products[Math.floor(products.length * random() ** 2)])!);
  };
  const peakDay = double11Within(now);
  const events: DemoEvent[] = [];
  const orders: DemoOrder[] = [];
  let orderNo = 0;
  for (let daysAgo = DEMO_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const midnight = shopMidnight(now, daysAgo);
    const weekday = new Date(midnight + 8 * 3_600_000).getUTCDay();
    const isPeak = daysAgo === peakDay;
    const nearDouble11 = peakDay >= 0 && daysAgo >= peakDay && daysAgo <= peakDay + 10;
    const growth = 1 + (0.6 * (DEMO_DAYS - daysAgo)) / DEMO_DAYS;
    const visits = Math.round(60 * growth * (weekday === 0 || weekday === 6 ? 1.3 : 1) * (isPeak ? 5 : nearDouble11 ? 1.4 : 1));
    for (let v = 0; v < visits; v++) {
      // Evenings are busiest; on Double 11 the rush is at midnight and 20:00.
      const hour = isPeak && random() < 0.7 ? pick(random, [0, 0, 1, 20, 20, 20, 21]) : weighted(random, HOURS);
      let at = midnight + hour * 3_600_000 + Math.floor(random() * 3_300_000);
      if (at >= now - 3_600_000) continue;
      const person = Math.floor(2500 * random() ** 1.6);
      // The docs' example buyer shops on Taobao, always for the best seller alone: its picks are what others bought with it.
      const regular = person === 0;
      const channel = regular ? 'taobao' : weighted(random, CHANNELS);
      const source = weighted(random, SOURCES);
      const campaign = campaignOf(source, nearDouble11);
      const referrer = source === 'kol' ? weighted(random, KOLS) : source === 'live' ? 'live-room-main' : source === 'affiliate' ? 'aff-smzdm' : undefined;
      const base = {
        anonymousId: `v-${person}`,
        sessionId: `s-${daysAgo}-${v}`,
        channel,
        device: weighted(random, DEVICES[channel]),
        source,
        ...(campaign ? { campaign } : {}),
        ...(referrer ? { referrer } : {}),
      };
      const step = (type: DemoEvent['type'], extra: Partial<DemoEvent> = {}): void => {
        at += 20_000 + Math.floor(random() * 160_000);
        events.push({ ...base, type, occurredAt: shopTime(Math.min(at, now - 60_000)), ...extra });
      };
      if (source === 'organic_search' || source === 'paid_search' || random() < 0.3) {
        step('search', { query: pick(random, SEARCHES) });
        if (random() > 0.8) continue;
        step('click');
      }
      // In the last 30 days, product pages run the main-image test: street shots convert better.
      const inExperiment = daysAgo < 30;
      const variant = person % 2 === 0 ? 'studio' : 'street';
      if (inExperiment) step('experiment_exposure', { experiment: { key: DEMO_EXPERIMENT, variant } });
      const viewed = [regular ? HERO_SKU : pickSku()];
      if (random() < 0.45) viewed.push(viewed[0] === HERO_SKU && random() < 0.6 ? HERO_COMPANION : pickSku());
      for (const sku of viewed) step('product_view', { skuCode: sku, productCode: sku.split('-').slice(0, 3).join('-') });
      if (random() > (inExperiment && variant === 'street' ? 0.26 : 0.2)) continue;
      const lines = [viewed[0], ...(!regular && viewed.length > 1 && random() < 0.5 ? [viewed[1]] : [])].map((skuCode) => ({
        skuCode,
        quantity: 1,
        unitPriceFen: priceOf.get(skuCode)!,
      }));
      for (const line of lines) step('add_to_cart', { skuCode: line.skuCode, quantity: 1 });
      if (random() > 0.5) continue;
      const totalFen = lines.reduce((n, l) => n + l.unitPriceFen * l.quantity, 0);
      const orderId = `${ORDER_PREFIX[channel]}${shopDay(at).replace(/-/g, '')}${String(++orderNo).padStart(5, '0')}`;
      step('order', { orderId, amountFen: totalFen });
      const placedAt = at;
      const paid = random() < 0.88;
      if (paid) step('payment', { orderId, amountFen: totalFen });
      orders.push({
        channel,
        orderId,
        buyer: {
          platformUserId: `${BUYER_PREFIX[channel]}${BUYER_ID_BASE + person}`,
          nickname: NICKNAMES[person % NICKNAMES.length],
          phone: `1380013${String(person).padStart(4, '0')}`,
        },
        lines,
        totalFen,
        region: REGIONS[person % REGIONS.length],
        placedAt,
        ...(paid ? { paidAt: at } : {}),
      });
    }
  }
  return { events, orders, peakDay, firstDay: shopDay(shopMidnight(now, DEMO_DAYS - 1)) };
}

const HOURS: ReadonlyArray<readonly [number, number]> = Array.from(
  { length: 24 },
  (_, h) => [h, h < 7 ? 1 : h < 12 ? 4 : h < 19 ? 6 : h < 23 ? 12 : 4] as const,
);

/** Days ago of the latest 11 November inside the history (not today), or three weeks ago when none is. */
function double11Within(now: number): number {
  for (let daysAgo = 1; daysAgo < DEMO_DAYS; daysAgo++) if (shopDay(shopMidnight(now, daysAgo)).endsWith('-11-11')) return daysAgo;
  return 21;
}
