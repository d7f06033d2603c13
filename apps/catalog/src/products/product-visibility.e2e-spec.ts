import { randomUUID } from 'node:crypto';
import { type CallAs, createProduct, GatewayClient, testPool, uniqueCode } from '@shopops/testing';

/** Anonymous callers and members see only products on sale, without designer notes or portfolio roles; staff see the whole range. */
describe('product visibility', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const anonymous: CallAs = {};
  const member: CallAs = { role: 'member', memberId: randomUUID() };
  const image = (code: string, i: number) => ({ kind: 'IMAGE', url: `https://img.example.com/${code}/${i}.jpg`, width: 1200, height: 1200 });
  const video = (code: string) => ({ kind: 'VIDEO', url: `https://video.example.com/${code}.mp4`, width: 1080, height: 1920, durationSeconds: 15 });

  const tag = `vis-${uniqueCode('T').toLowerCase()}`;
  const codes = { onSale: uniqueCode('VIS-SALE'), draft: uniqueCode('VIS-DRAFT'), archived: uniqueCode('VIS-ARCH'), exited: uniqueCode('VIS-EXIT') };
  const skuOf = (code: string) => `${code}-1`;
  const archivedSkuOf = (code: string) => `${code}-OLD`;
  const db = testPool();
  const collection = uniqueCode('VIS-COLL');
  const draftOnlyCollection = uniqueCode('VIS-HIDDEN');

  const operate = (query: string, variables: Record<string, unknown>) => gateway.data<Record<string, { __typename: string }>>(query, variables, operator);
  const publish = async (code: string) => {
    await operate(`mutation($i: AddProductMediaInput!) { addProductMedia(input: $i) { __typename } }`, {
      i: { productCode: code, media: [1, 2, 3, 4, 5, 6].map((i) => image(code, i)).concat(video(code)) },
    });
    expect((await operate(`mutation($c: String!) { publishProduct(code: $c) { __typename } }`, { c: code })).publishProduct.__typename).toBe('Product');
  };
  const move = async (code: string, to: string, review?: Record<string, string>) =>
    expect(
      (
        await operate(`mutation($i: ChangeLifecycleInput!) { changeLifecycleStage(input: $i) { __typename } }`, {
          i: { productCode: code, to, reason: '季度复盘', ...(review ? { review } : {}) },
        })
      ).changeLifecycleStage.__typename,
    ).toBe('Product');
  const upsertCollection = (code: string) =>
    operate(`mutation($i: CollectionInput!) { upsertCollection(input: $i) { __typename } }`, {
      i: { code, name: '联名系列', kind: 'CO_BRAND', partner: '未公布的合作方' },
    });
  const addToCollection = (collectionCode: string, productCode: string) =>
    operate(`mutation($c: String!, $p: [String!]!) { addProductsToCollection(collectionCode: $c, productCodes: $p) { __typename } }`, {
      c: collectionCode,
      p: [productCode],
    });

  beforeAll(async () => {
    for (const code of Object.values(codes)) {
      await createProduct(gateway, {
        code,
        title: '可见性测试商品',
        tags: [tag],
        designerNotes: '内部：面料成本偏高',
        portfolioRole: 'CLEARANCE',
        skus: [{ code: skuOf(code), listPriceFen: 59900 }],
      });
    }
    // No mutation archives a single SKU yet; a retired variant is marked in the catalog's own table.
    await operate(`mutation($i: UpdateProductInput!) { updateProduct(input: $i) { __typename } }`, {
      i: { code: codes.onSale, addSkus: [{ code: archivedSkuOf(codes.onSale), listPriceFen: 49900 }] },
    });
    expect((await db.query(`UPDATE catalog.sku SET archived = true WHERE code = $1`, [archivedSkuOf(codes.onSale)])).rowCount).toBe(1);
    await publish(codes.onSale);
    await publish(codes.archived);
    await operate(`mutation($c: String!) { archiveProduct(code: $c, reason: "停产") { __typename } }`, { c: codes.archived });
    await publish(codes.exited);
    await move(codes.exited, 'GROWTH');
    await move(codes.exited, 'EXIT', { whyFailed: '尺码整体偏小一码，退货率高达百分之三十', lessons: '先做试穿' });
    await upsertCollection(collection);
    await addToCollection(collection, codes.onSale);
    await upsertCollection(draftOnlyCollection);
    await addToCollection(draftOnlyCollection, codes.draft);
  });

  afterAll(() => db.end());

  const productAs = async (as: CallAs, code: string) =>
    (await gateway.data<{ product: { code: string } | null }>(`query($c: String!) { product(code: $c) { code } }`, { c: code }, as)).product;
  const listed = async (as: CallAs, field: 'searchProducts' | 'products') =>
    (
      await gateway.data<Record<string, { nodes: Array<{ code: string }> }>>(
        `query($t: String!) { ${field}(filter: { tags: [$t], statuses: [ON_SALE] }) { nodes { code } } }`,
        { t: tag },
        as,
      )
    )[field].nodes
      .map((n) => n.code)
      .sort();
  const skuAs = async (as: CallAs, code: string) =>
    (
      await gateway.data<{ sku: { code: string; product: { code: string } } | null }>(
        `query($c: String!) { sku(code: $c) { code product { code } } }`,
        { c: code },
        as,
      )
    ).sku;
  const quoteAs = async (as: CallAs, skuCode: string) =>
    (
      await gateway.data<{ priceQuote: { __typename: string } }>(
        `query($s: String!) { priceQuote(input: { lines: [{ skuCode: $s, quantity: 1 }] }) { __typename } }`,
        { s: skuCode },
        as,
      )
    ).priceQuote.__typename;
  const collectionsAs = async (as: CallAs) =>
    (await gateway.data<{ collections: Array<{ code: string }> }>(`{ collections { code } }`, {}, as)).collections.map((c) => c.code);

  it.each([
    ['anonymous', anonymous],
    ['a member', member],
  ])('shows %s only the product on sale: product, searchProducts, products, sku, priceQuote and collections', async (_who, as) => {
    expect(await productAs(as, codes.onSale)).toEqual({ code: codes.onSale });
    for (const hidden of [codes.draft, codes.archived, codes.exited]) {
      expect(await productAs(as, hidden)).toBeNull();
      expect(await skuAs(as, skuOf(hidden))).toBeNull();
      expect(await quoteAs(as, skuOf(hidden))).toBe('NotFoundError');
    }
    expect(await listed(as, 'searchProducts')).toEqual([codes.onSale]);
    expect(await listed(as, 'products')).toEqual([codes.onSale]);
    expect(await skuAs(as, skuOf(codes.onSale))).toEqual({ code: skuOf(codes.onSale), product: { code: codes.onSale } });
    expect(await quoteAs(as, skuOf(codes.onSale))).toBe('PriceQuote');
    const visibleCollections = await collectionsAs(as);
    expect(visibleCollections).toContain(collection);
    expect(visibleCollections).not.toContain(draftOnlyCollection);
  });

  const skusOfProductAs = async (as: CallAs, code: string) =>
    (
      await gateway.data<{ product: { skus: Array<{ code: string }> } | null }>(`query($c: String!) { product(code: $c) { skus { code } } }`, { c: code }, as)
    ).product?.skus
      .map((s) => s.code)
      .sort();

  it.each([
    ['anonymous', anonymous],
    ['a member', member],
  ])('hides the archived SKU of a product on sale from %s: Product.skus and sku', async (_who, as) => {
    expect(await skusOfProductAs(as, codes.onSale)).toEqual([skuOf(codes.onSale)]);
    expect(await skuAs(as, archivedSkuOf(codes.onSale))).toBeNull();
    expect(await skuAs(as, skuOf(codes.onSale))).toEqual({ code: skuOf(codes.onSale), product: { code: codes.onSale } });
  });

  it.each(['operator', 'cs_agent'] as const)('shows %s the archived SKU of a product on sale', async (role) => {
    expect(await skusOfProductAs({ role }, codes.onSale)).toEqual([archivedSkuOf(codes.onSale), skuOf(codes.onSale)].sort());
    expect(await skuAs({ role }, archivedSkuOf(codes.onSale))).toEqual({ code: archivedSkuOf(codes.onSale), product: { code: codes.onSale } });
  });

  it('keeps designer notes and portfolio roles, and filters that reveal them, to staff', async () => {
    const notes = (as: CallAs) =>
      gateway.query<{ product: { designerNotes: string | null } | null }>(
        `query($c: String!) { product(code: $c) { designerNotes } }`,
        { c: codes.onSale },
        as,
      );
    const role = (as: CallAs) =>
      gateway.query<{ product: { portfolioRole: string } | null }>(`query($c: String!) { product(code: $c) { portfolioRole } }`, { c: codes.onSale }, as);
    expect((await notes(anonymous)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await notes(member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await role(anonymous)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await role(member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await notes({ role: 'cs_agent' })).data?.product).toEqual({ designerNotes: '内部：面料成本偏高' });
    expect((await role({ role: 'warehouse' })).data?.product).toEqual({ portfolioRole: 'CLEARANCE' });

    const byRole = await gateway.query(
      `query($t: String!) { searchProducts(filter: { tags: [$t], roles: [CLEARANCE] }) { nodes { code } } }`,
      { t: tag },
      member,
    );
    expect(byRole.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const drafts = await gateway.query(`query($t: String!) { products(filter: { tags: [$t], statuses: [DRAFT] }) { nodes { code } } }`, { t: tag }, anonymous);
    expect(drafts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each(['operator', 'warehouse', 'cs_agent', 'analyst', 'admin'] as const)('shows %s the whole range', async (role) => {
    const as = { role };
    for (const code of Object.values(codes)) expect(await productAs(as, code)).toEqual({ code });
    const all = await gateway.data<{ searchProducts: { nodes: Array<{ code: string }> } }>(
      `query($t: String!) { searchProducts(filter: { tags: [$t], statuses: [DRAFT, ON_SALE, ARCHIVED] }) { nodes { code } } }`,
      { t: tag },
      as,
    );
    expect(all.searchProducts.nodes.map((n) => n.code).sort()).toEqual(Object.values(codes).sort());
    expect(await skuAs(as, skuOf(codes.draft))).toEqual({ code: skuOf(codes.draft), product: { code: codes.draft } });
    expect(await collectionsAs(as)).toEqual(expect.arrayContaining([collection, draftOnlyCollection]));
  });
});
