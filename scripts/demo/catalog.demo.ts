import { inParallel, pick, type DemoContext } from './demo-context';

/** A light-luxury apparel range: styles by category, each in colours × sizes. */
const CATEGORIES = [
  { code: 'DRESS', name: '连衣裙', words: ['真丝连衣裙', '法式碎花连衣裙', '针织连衣裙', '缎面吊带裙', '衬衫式连衣裙'], price: [99900, 199900, 259900] },
  { code: 'SHIRT', name: '衬衫', words: ['真丝衬衫', '醋酸衬衫', '亚麻衬衫', '府绸衬衫'], price: [69900, 99900, 129900] },
  { code: 'COAT', name: '大衣', words: ['双面羊绒大衣', '羊毛大衣', '风衣', '短款羊绒外套'], price: [199900, 299900, 399900] },
  { code: 'KNIT', name: '针织衫', words: ['羊绒针织衫', '美利奴羊毛开衫', '镂空针织衫'], price: [59900, 99900, 159900] },
  { code: 'PANTS', name: '裤装', words: ['阔腿西裤', '高腰直筒裤', '醋酸半身裙'], price: [59900, 89900, 129900] },
  { code: 'BAG', name: '包袋', words: ['牛皮托特包', '羊皮腋下包', '帆布通勤包'], price: [129900, 199900, 299900] },
  { code: 'SCARF', name: '丝巾', words: ['桑蚕丝方巾', '羊绒围巾', '真丝长巾'], price: [39900, 69900, 99900] },
] as const;
const COLOURS = [
  ['BLK', '黑色'],
  ['IVY', '象牙白'],
  ['NVY', '藏青'],
  ['CML', '驼色'],
  ['GRN', '墨绿'],
] as const;
const APPAREL_SIZES = ['S', 'M', 'L', 'XL'];
const ONE_SIZE = ['F'];
export const DEMO_PRODUCT_COUNT = 200;

export interface DemoSku {
  readonly code: string;
  readonly listPriceFen: number;
}

const ROLES = ['CORE', 'CORE', 'CORE', 'CORE', 'POTENTIAL', 'POTENTIAL', 'POTENTIAL', 'TEST', 'TEST', 'CLEARANCE'] as const;
const KEYWORDS = ['通勤', '法式', '复古', '极简', '度假', '新中式', '轻奢', '百搭', 'office', 'minimal'];

/** `count` products of the demo range (the first 200 are the demo's own), deterministic for a seed. */
export function demoProducts(random: () => number, count = DEMO_PRODUCT_COUNT) {
  return Array.from({ length: count }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length];
    const code = `LX-${category.code}-${String(Math.floor(i / CATEGORIES.length) + 1).padStart(3, '0')}`;
    const price = pick(random, category.price);
    const colours = COLOURS.slice(0, 2 + Math.floor(random() * 2));
    const sizes = category.code === 'BAG' || category.code === 'SCARF' ? ONE_SIZE : APPAREL_SIZES;
    const skus = colours.flatMap(([colourCode, colour]) =>
      sizes.map((size) => ({
        code: `${code}-${colourCode}-${size}`,
        listPriceFen: price,
        options: [
          { name: 'colour', value: colour },
          { name: 'size', value: size },
        ],
      })),
    );
    return {
      code,
      title: `${pick(random, category.words)} ${category.name} ${code.slice(3)}`,
      categoryCode: category.code,
      keywords: [pick(random, KEYWORDS), pick(random, KEYWORDS)].filter((k, j, all) => all.indexOf(k) === j),
      portfolioRole: ROLES[i % ROLES.length],
      skus,
    };
  });
}

export async function seedCatalog(ctx: DemoContext): Promise<DemoSku[]> {
  const products = demoProducts(ctx.random);
  await inParallel(products, 8, async (input) => {
    await ctx.graphql(`mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename } }`, { input }, 'operator');
  });
  ctx.log(`catalog: ${products.length} products, ${products.reduce((n, p) => n + p.skus.length, 0)} SKUs`);
  return products.flatMap((p) => p.skus.map((s) => ({ code: s.code, listPriceFen: s.listPriceFen })));
}
