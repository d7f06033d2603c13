import { graphql } from '@shopops/client';
import { expectResult, inParallel, pick, type DemoContext } from './demo-context';

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

const CreateProduct = graphql(`
  mutation DemoCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
    }
  }
`);

export async function seedCatalog(ctx: DemoContext): Promise<DemoSku[]> {
  const products = demoProducts(ctx.random);
  await inParallel(products, 8, async (input) => {
    await ctx.request(CreateProduct, { input }, 'operator');
  });
  ctx.log(`catalog: ${products.length} products, ${products.reduce((n, p) => n + p.skus.length, 0)} SKUs`);
  return products.flatMap((p) => p.skus.map((s) => ({ code: s.code, listPriceFen: s.listPriceFen })));
}

const MUTATIONS_PER_REQUEST = 20;

/** Runs one mutation per item, many per request through aliases; each result must be `expected`. */
async function eachAliased<T>(ctx: DemoContext, what: string, items: readonly T[], build: (item: T, i: number) => string, expected: string): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(items.length / MUTATIONS_PER_REQUEST) }, (_, i) =>
    items.slice(i * MUTATIONS_PER_REQUEST, (i + 1) * MUTATIONS_PER_REQUEST),
  );
  await inParallel(chunks, 4, async (chunk) => {
    const data = await ctx.graphql<Record<string, { __typename: string }>>(
      `mutation { ${chunk.map((item, i) => `m${i}: ${build(item, i)}`).join('\n')} }`,
      {},
      'operator',
    );
    for (const result of Object.values(data)) expectResult(what, result, expected);
  });
}

const IMAGES = [1, 2, 3, 4, 5];

/**
 * The range at every stage: most products were launched (media complete, published, on sale) and
 * moved on through growth and maturity, a few decline, one failed test has exited with its review,
 * and the newest stay drafts in incubation.
 */
export async function seedRange(ctx: DemoContext): Promise<void> {
  const codes = demoProducts(() => 0).map((p) => p.code);
  const launched = codes.filter((_, i) => i % 5 !== 4); // four in five are on sale
  await eachAliased(
    ctx,
    'product media',
    launched,
    (code) =>
      `addProductMedia(input: { productCode: "${code}", media: [${IMAGES.map((n) => `{ kind: IMAGE, url: "https://img.example.com/demo/${code}/${n}.jpg", width: 1200, height: 1600 }`).join(', ')},
        { kind: VIDEO, url: "https://video.example.com/demo/${code}.mp4", width: 1080, height: 1920, durationSeconds: 15 }] }) { __typename }`,
    'Product',
  );
  await eachAliased(ctx, 'publishing', launched, (code) => `publishProduct(code: "${code}") { __typename }`, 'Product');
  const stage = (to: string, reason: string) => (code: string) =>
    `changeLifecycleStage(input: { productCode: "${code}", to: ${to}, reason: "${reason}" }) { __typename }`;
  const growing = launched.filter((_, i) => i % 4 !== 3);
  await eachAliased(ctx, 'lifecycle GROWTH', growing, stage('GROWTH', '首发售罄，追加'), 'Product');
  const mature = growing.filter((_, i) => i % 3 !== 2);
  await eachAliased(ctx, 'lifecycle MATURE', mature, stage('MATURE', '销量稳定'), 'Product');
  const declining = mature.filter((_, i) => i % 6 === 5);
  await eachAliased(ctx, 'lifecycle DECLINE', declining, stage('DECLINE', '季末动销放缓'), 'Product');
  const failedTest = codes.filter((_, i) => i % 5 === 4).slice(-1);
  await eachAliased(
    ctx,
    'lifecycle EXIT',
    failedTest,
    (code) =>
      `changeLifecycleStage(input: { productCode: "${code}", to: EXIT, reason: "测款失败", review: { whyFailed: "荧光色与品牌调性不符，退货率 38%", lessons: "大胆配色先小批量测款" } }) { __typename }`,
    'Product',
  );
  ctx.log(`range: ${launched.length} on sale (${growing.length} growing, ${mature.length} mature, ${declining.length} declining), 1 exited`);
}
