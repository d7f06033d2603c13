import { createProduct, GatewayClient, uniqueCode } from '@shopops/testing';

/** Media standard and publishing, lifecycle with exit reviews, portfolio mix, collections — through the gateway. */
describe('merchandising', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const image = (code: string, i: number, px = 1200) => ({ kind: 'IMAGE', url: `https://img.example.com/${code}/${i}.jpg`, width: px, height: px });
  const video = (code: string) => ({ kind: 'VIDEO', url: `https://video.example.com/${code}.mp4`, width: 1080, height: 1920, durationSeconds: 15 });
  const addMedia = (productCode: string, media: unknown[]) =>
    gateway.data(`mutation($i: AddProductMediaInput!) { addProductMedia(input: $i) { __typename } }`, { i: { productCode, media } }, operator);
  const publish = (code: string) =>
    gateway.data<{ publishProduct: { __typename: string; status?: string; missing?: string[]; currentState?: string } }>(
      `mutation($c: String!) { publishProduct(code: $c) { __typename ... on Product { status } ... on MediaIncompleteError { missing } ... on InvalidStateError { currentState } } }`,
      { c: code },
      operator,
    );
  const move = (productCode: string, to: string, review?: Record<string, string>) =>
    gateway.data<{ changeLifecycleStage: { __typename: string; lifecycleStage?: string; allowed?: string[] } }>(
      `mutation($i: ChangeLifecycleInput!) { changeLifecycleStage(input: $i) { __typename ... on Product { lifecycleStage } ... on IllegalTransitionError { allowed } } }`,
      { i: { productCode, to, reason: '季度复盘', ...(review ? { review } : {}) } },
      operator,
    );

  it('refuses to publish until the media standard is met, saying what is missing', async () => {
    const { code } = await createProduct(gateway, {
      code: uniqueCode('MEDIA'),
      title: '醋酸缎面半裙',
      skus: [{ code: uniqueCode('MEDIA-SKU'), listPriceFen: 79900 }],
    });
    await addMedia(code, [image(code, 1), image(code, 2), image(code, 3, 640)]);
    expect((await publish(code)).publishProduct).toEqual({ __typename: 'MediaIncompleteError', missing: ['3 more images of at least 800 px', '1 more video'] });
    const report = await gateway.data<{
      product: { status: string; mediaCompleteness: { complete: boolean; images: number; qualifyingImages: number; videos: number } };
    }>(`query($c: String!) { product(code: $c) { status mediaCompleteness { complete images qualifyingImages videos } } }`, { c: code }, operator);
    expect(report.product).toEqual({ status: 'DRAFT', mediaCompleteness: { complete: false, images: 3, qualifyingImages: 2, videos: 0 } });
    const bad = await gateway.query(
      `mutation($i: AddProductMediaInput!) { addProductMedia(input: $i) { __typename } }`,
      { i: { productCode: code, media: [{ kind: 'IMAGE', url: 'http://insecure', width: 0, height: 900 }] } },
      operator,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['media.0.url', 'media.0.width'] });

    await addMedia(code, [image(code, 4), image(code, 5), image(code, 6), video(code)]);
    expect((await publish(code)).publishProduct).toEqual({ __typename: 'Product', status: 'ON_SALE' });
    const incomplete = await gateway.data<{ mediaCompletenessReport: Array<{ productCode: string }> }>(
      `{ mediaCompletenessReport(onlyIncomplete: true, first: 1000) { productCode } }`,
      {},
      operator,
    );
    expect(incomplete.mediaCompletenessReport.map((r) => r.productCode)).not.toContain(code);
  });

  it('moves along allowed lifecycle transitions only, records each, and keeps a searchable exit review', async () => {
    const { code } = await createProduct(gateway, {
      code: uniqueCode('LIFE'),
      title: '荧光色运动外套',
      skus: [{ code: uniqueCode('LIFE-SKU'), listPriceFen: 49900 }],
    });
    expect((await move(code, 'MATURE')).changeLifecycleStage).toEqual({ __typename: 'IllegalTransitionError', allowed: ['GROWTH', 'EXIT'] });
    expect((await move(code, 'GROWTH')).changeLifecycleStage).toEqual({ __typename: 'Product', lifecycleStage: 'GROWTH' });
    expect((await move(code, 'EXIT')).changeLifecycleStage.__typename).toBe('ExitReviewRequiredError');
    const marker = uniqueCode('FLUO');
    expect(
      (await move(code, 'EXIT', { whyFailed: `荧光色与品牌调性不符，退货率 38% ${marker}`, lessons: '大胆配色先小批量测款' })).changeLifecycleStage,
    ).toEqual({ __typename: 'Product', lifecycleStage: 'EXIT' });
    expect((await move(code, 'GROWTH')).changeLifecycleStage).toEqual({ __typename: 'IllegalTransitionError', allowed: [] });
    expect((await publish(code)).publishProduct).toEqual({ __typename: 'InvalidStateError', currentState: 'EXIT' });

    const history = await gateway.data<{ product: { lifecycleHistory: Array<{ from: string; to: string; actor: string; reason: string }> } }>(
      `query($c: String!) { product(code: $c) { lifecycleHistory { from to actor reason } } }`,
      { c: code },
      operator,
    );
    expect(history.product.lifecycleHistory).toEqual([
      { from: 'INCUBATION', to: 'GROWTH', actor: 'test-operator', reason: '季度复盘' },
      { from: 'GROWTH', to: 'EXIT', actor: 'test-operator', reason: '季度复盘' },
    ]);
    const reviews = await gateway.data<{ exitReviews: Array<{ productCode: string; lessons: string }> }>(
      `query($s: String!) { exitReviews(search: $s) { productCode lessons } }`,
      { s: marker },
      { role: 'analyst' },
    );
    expect(reviews.exitReviews).toEqual([{ productCode: code, lessons: '大胆配色先小批量测款' }]);
  });

  it('reports the portfolio mix against the 40/30/20/10 target', async () => {
    const tag = `mix-${uniqueCode('T').toLowerCase()}`;
    const core = await createProduct(gateway, {
      code: uniqueCode('CORE'),
      title: '经典小黑裙',
      portfolioRole: 'CORE',
      tags: [tag],
      skus: [{ code: uniqueCode('CORE-SKU'), listPriceFen: 99900 }],
    });
    const test = await createProduct(gateway, {
      code: uniqueCode('TEST'),
      title: '测款连衣裙',
      tags: [tag],
      skus: [{ code: uniqueCode('TEST-SKU'), listPriceFen: 59900 }],
    });
    await gateway.data(`mutation($c: String!) { setPortfolioRole(code: $c, role: CLEARANCE) { __typename } }`, { c: test.code }, operator);
    const roleOf = async (role: string) =>
      (
        await gateway.data<{ searchProducts: { nodes: Array<{ code: string }> } }>(
          `query($t: String!, $r: [PortfolioRole!]) { searchProducts(filter: { tags: [$t], roles: $r }) { nodes { code } } }`,
          { t: tag, r: [role] },
          operator,
        )
      ).searchProducts.nodes.map((n) => n.code);
    expect(await roleOf('CORE')).toEqual([core.code]);
    expect(await roleOf('CLEARANCE')).toEqual([test.code]);

    // Other suites add products meanwhile: the figures are checked within one answer.
    const mix = (
      await gateway.data<{
        portfolioMix: {
          products: number;
          bestsellerMaxPercent: number;
          targetRoleResourceDays: number;
          otherResourceDays: number;
          roles: Array<{
            role: string;
            products: number;
            sharePercent: number;
            resourceDays: number;
            resourceSharePercent: number;
            targetPercent: number | null;
            gapPoints: number | null;
          }>;
        };
      }>(
        `{ portfolioMix { products bestsellerMaxPercent targetRoleResourceDays otherResourceDays
             roles { role products sharePercent resourceDays resourceSharePercent targetPercent gapPoints } } }`,
        {},
        { role: 'analyst' },
      )
    ).portfolioMix;
    expect(mix.roles.reduce((n, r) => n + r.products, 0)).toBe(mix.products);
    expect(mix.roles.find((r) => r.role === 'CORE')!.products).toBeGreaterThanOrEqual(1);
    expect(mix.roles.find((r) => r.role === 'CLEARANCE')!.products).toBeGreaterThanOrEqual(1);
    const targets = { CORE: 40, POTENTIAL: 30, TEST: 20, CLEARANCE: 10 } as Record<string, number>;
    for (const r of mix.roles) {
      expect(r.sharePercent).toBeCloseTo((100 * r.products) / mix.products, 1);
      const target = targets[r.role] ?? null;
      expect(r.targetPercent).toBe(target);
      // "4321" compares resources among the four target roles; the others are a share of all resources.
      const base = target === null ? mix.targetRoleResourceDays + mix.otherResourceDays : mix.targetRoleResourceDays;
      if (base > 0) expect(r.resourceSharePercent).toBeCloseTo((100 * r.resourceDays) / base, 0);
      if (target !== null) expect(r.gapPoints).toBeCloseTo(r.resourceSharePercent - target, 1);
      else expect(r.gapPoints).toBeNull();
    }
    expect(mix.bestsellerMaxPercent).toBe(30);
  });

  it('groups products into collections with a limited run, regions and a date window', async () => {
    const collab = uniqueCode('MUSEUM');
    const created = await gateway.data<{ upsertCollection: { code: string; kind: string; limitedRun: number; current: boolean } }>(
      `mutation($i: CollectionInput!) { upsertCollection(input: $i) { code kind limitedRun current } }`,
      {
        i: {
          code: collab,
          name: '故宫文创联名',
          kind: 'CO_BRAND',
          partner: '故宫博物院',
          limitedRun: 2000,
          startsAt: new Date(Date.now() - 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
      operator,
    );
    expect(created.upsertCollection).toEqual({ code: collab, kind: 'CO_BRAND', limitedRun: 2000, current: true });
    const regional = await gateway.query(
      `mutation($i: CollectionInput!) { upsertCollection(input: $i) { code } }`,
      { i: { code: uniqueCode('LINGNAN'), name: '岭南限定', kind: 'REGIONAL' } },
      operator,
    );
    expect(regional.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['regionCodes'] });

    const { code } = await createProduct(gateway, {
      code: uniqueCode('SCARF'),
      title: '千里江山图丝巾',
      skus: [{ code: uniqueCode('SCARF-SKU'), listPriceFen: 69900 }],
    });
    const missing = await gateway.data<{ addProductsToCollection: { __typename: string } }>(
      `mutation($c: String!, $p: [String!]!) { addProductsToCollection(collectionCode: $c, productCodes: $p) { __typename } }`,
      { c: collab, p: [code, 'NOPE'] },
      operator,
    );
    expect(missing.addProductsToCollection.__typename).toBe('NotFoundError');
    await gateway.data(
      `mutation($c: String!, $p: [String!]!) { addProductsToCollection(collectionCode: $c, productCodes: $p) { __typename } }`,
      { c: collab, p: [code] },
      operator,
    );
    const product = await gateway.data<{ product: { collections: Array<{ code: string; partner: string }> } }>(
      `query($c: String!) { product(code: $c) { collections { code partner } } }`,
      { c: code },
      operator,
    );
    expect(product.product.collections).toEqual([{ code: collab, partner: '故宫博物院' }]);
    const found = await gateway.data<{ searchProducts: { nodes: Array<{ code: string }> } }>(
      `query($c: String!) { searchProducts(filter: { collectionCode: $c }) { nodes { code } } }`,
      { c: collab },
      operator,
    );
    expect(found.searchProducts.nodes).toEqual([{ code }]);
  });
});
