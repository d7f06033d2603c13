import { createProduct, GatewayClient, gatewayIdentityHeader, serviceUrl, subgraphRequest, testPool, uniqueCode } from '@shopops/testing';

/** Products and SKUs through the gateway: details, versions, events, refusals that change nothing. */
describe('products', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());
  const eventsOf = async (type: string, code: string) =>
    (await db.query(`SELECT payload FROM catalog.outbox WHERE type = $1 AND payload->>'code' = $2 ORDER BY id`, [type, code])).rows.map((r) => r.payload);

  it('creates a product with its story, materials and SKUs, emitting ProductCreated and one SkuCreated per SKU', async () => {
    const code = uniqueCode('LX-SILK');
    const product = await createProduct(gateway, {
      code,
      title: '真丝衬衫 法式复古',
      subtitle: '22 姆米重磅真丝',
      categoryCode: 'SHIRT',
      keywords: ['真丝', '通勤', '法式衬衫'],
      brand: 'LUXE',
      brandStory: '源自杭州丝绸世家',
      designerNotes: '落肩设计，贝母扣',
      tags: ['new-in', 'silk'],
      materials: [
        { name: '桑蚕丝', sharePercent: 93, certification: 'OEKO-TEX' },
        { name: '氨纶', sharePercent: 7 },
      ],
      care: '冷水手洗',
      carbonFootprintGrams: 4200,
      portfolioRole: 'CORE',
      skus: [
        {
          code: `${code}-WHT-S`,
          listPriceFen: 129900,
          options: [
            { name: 'colour', value: '白' },
            { name: 'size', value: 'S' },
          ],
          barcode: '6901234567892',
          weightGrams: 180,
        },
        {
          code: `${code}-WHT-M`,
          listPriceFen: 129900,
          options: [
            { name: 'colour', value: '白' },
            { name: 'size', value: 'M' },
          ],
        },
      ],
    });
    expect(product.version).toBe(1);
    const read = await gateway.data<{ product: Record<string, unknown> }>(
      `query($c: String!) { product(code: $c) { title status lifecycleStage portfolioRole minPriceFen maxPriceFen materials { name sharePercent certification } carbonFootprintGrams
         skus { code barcode weightGrams options { name value } } } }`,
      { c: code },
      operator,
    );
    expect(read.product).toMatchObject({
      title: '真丝衬衫 法式复古',
      status: 'DRAFT',
      lifecycleStage: 'INCUBATION',
      portfolioRole: 'CORE',
      minPriceFen: 129900,
      maxPriceFen: 129900,
      materials: [
        { name: '桑蚕丝', sharePercent: 93, certification: 'OEKO-TEX' },
        { name: '氨纶', sharePercent: 7, certification: null },
      ],
      carbonFootprintGrams: 4200,
    });
    expect(read.product.skus).toEqual([
      {
        code: `${code}-WHT-M`,
        barcode: null,
        weightGrams: null,
        options: [
          { name: 'colour', value: '白' },
          { name: 'size', value: 'M' },
        ],
      },
      {
        code: `${code}-WHT-S`,
        barcode: '6901234567892',
        weightGrams: 180,
        options: [
          { name: 'colour', value: '白' },
          { name: 'size', value: 'S' },
        ],
      },
    ]);
    expect(await eventsOf('catalog.product.created.v1', code)).toHaveLength(1);
    const skuEvents = await db.query(`SELECT count(*)::int AS n FROM catalog.outbox WHERE type = 'catalog.sku.created.v1' AND payload->>'productCode' = $1`, [
      code,
    ]);
    expect(skuEvents.rows[0].n).toBe(2);
  });

  it('refuses duplicate codes and barcodes, and negative prices, creating nothing', async () => {
    const code = uniqueCode('DUP');
    await createProduct(gateway, { code, title: '基础款 T 恤', skus: [{ code: `${code}-1`, listPriceFen: 9900, barcode: '6900000000017' }] });
    const attempt = (input: Record<string, unknown>) =>
      gateway.query<{ createProduct: { __typename: string; codes?: string[] } }>(
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on DuplicateCodeError { codes } } }`,
        { input },
        operator,
      );
    const other = uniqueCode('DUP');
    expect((await attempt({ code, title: 'x', skus: [{ code: `${other}-1`, listPriceFen: 1 }] })).data?.createProduct).toEqual({
      __typename: 'DuplicateCodeError',
      codes: [code],
    });
    expect((await attempt({ code: other, title: 'x', skus: [{ code: `${code}-1`, listPriceFen: 1 }] })).data?.createProduct).toEqual({
      __typename: 'DuplicateCodeError',
      codes: [`${code}-1`],
    });
    expect((await attempt({ code: other, title: 'x', skus: [{ code: `${other}-1`, listPriceFen: 1, barcode: '6900000000017' }] })).data?.createProduct).toEqual(
      { __typename: 'DuplicateCodeError', codes: ['6900000000017'] },
    );
    expect(
      (
        await attempt({
          code: other,
          title: 'x',
          skus: [
            { code: `${other}-1`, listPriceFen: 1 },
            { code: `${other}-1`, listPriceFen: 2 },
          ],
        })
      ).data?.createProduct,
    ).toEqual({ __typename: 'DuplicateCodeError', codes: [`${other}-1`] });
    const negative = await attempt({ code: other, title: 'x', skus: [{ code: `${other}-1`, listPriceFen: -100 }] });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['skus.0.listPriceFen'] });
    expect((await db.query(`SELECT count(*)::int AS n FROM catalog.product WHERE code = $1`, [other])).rows[0].n).toBe(0);
  });

  it('versions every change, refuses a stale expectedVersion, adds SKUs, archives, and emits each change', async () => {
    const code = uniqueCode('VER');
    await createProduct(gateway, { code, title: '羊绒大衣', skus: [{ code: `${code}-1`, listPriceFen: 399900 }] });
    const update = (input: Record<string, unknown>) =>
      gateway.data<{ updateProduct: { __typename: string; version?: number; currentVersion?: number; skus?: Array<{ code: string }> } }>(
        `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { __typename ... on Product { version skus { code } } ... on VersionConflictError { currentVersion } } }`,
        { input },
        operator,
      );
    expect(
      (await update({ code, expectedVersion: 1, title: '双面羊绒大衣', tags: ['winter'], addSkus: [{ code: `${code}-2`, listPriceFen: 419900 }] }))
        .updateProduct,
    ).toEqual({
      __typename: 'Product',
      version: 2,
      skus: [{ code: `${code}-1` }, { code: `${code}-2` }],
    });
    expect((await update({ code, expectedVersion: 1, title: '过期的修改' })).updateProduct).toEqual({ __typename: 'VersionConflictError', currentVersion: 2 });
    const archived = await gateway.data<{ archiveProduct: { status: string; version: number } }>(
      `mutation($c: String!) { archiveProduct(code: $c, reason: "停产") { ... on Product { status version } } }`,
      { c: code },
      operator,
    );
    expect(archived.archiveProduct).toEqual({ status: 'ARCHIVED', version: 3 });
    expect((await update({ code, title: '改不了' })).updateProduct.__typename).toBe('InvalidStateError');

    const history = await gateway.data<{ product: { title: string; versions: Array<{ version: number; change: string; actor: string }> } }>(
      `query($c: String!) { product(code: $c) { title versions { version change actor } } }`,
      { c: code },
      operator,
    );
    expect(history.product.title).toBe('双面羊绒大衣');
    expect(history.product.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(history.product.versions[0].change).toBe('archived: 停产');
    expect(history.product.versions[0].actor).toBe('test-operator');
    expect((await eventsOf('catalog.product.updated.v1', code)).map((p) => [p.version, p.changedFields])).toEqual([[2, ['skus', 'tags', 'title']]]);
    expect((await eventsOf('catalog.product.archived.v1', code)).map((p) => p.version)).toEqual([3]);
  });

  it('keeps price history and emits PriceChanged when a list price changes', async () => {
    const code = uniqueCode('PRC');
    await createProduct(gateway, { code, title: '针织开衫', skus: [{ code: `${code}-1`, listPriceFen: 59900 }] });
    const set = await gateway.data<{ setListPrice: { listPriceFen: number; priceHistory: Array<{ listPriceFen: number }> } }>(
      `mutation($s: String!) { setListPrice(skuCode: $s, listPriceFen: 69900) { ... on Sku { listPriceFen priceHistory { listPriceFen } } } }`,
      { s: `${code}-1` },
      operator,
    );
    expect(set.setListPrice).toEqual({ listPriceFen: 69900, priceHistory: [{ listPriceFen: 69900 }, { listPriceFen: 59900 }] });
    const changed = await db.query(`SELECT payload FROM catalog.outbox WHERE type = 'catalog.price.changed.v1' AND payload->>'skuCode' = $1`, [`${code}-1`]);
    expect(changed.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ kind: 'LIST', previousPriceFen: 59900, priceFen: 69900 })]);
    const product = await gateway.data<{ product: { minPriceFen: number } }>(`query($c: String!) { product(code: $c) { minPriceFen } }`, { c: code }, operator);
    expect(product.product.minPriceFen).toBe(69900);
  });

  it('lists 50 products with their SKUs in the same number of SQL statements as 5', async () => {
    const tag = `n1-${uniqueCode('T').toLowerCase()}`;
    for (let i = 0; i < 50; i++) {
      const code = uniqueCode('N1');
      await createProduct(gateway, {
        code,
        title: `列表商品 ${i}`,
        tags: [tag],
        skus: [
          { code: `${code}-S`, listPriceFen: 1000 + i },
          { code: `${code}-M`, listPriceFen: 1000 + i },
        ],
      });
    }
    const statementsFor = async (first: number) => {
      const response = await subgraphRequestWithHeaders(first, tag);
      expect(response.nodes).toHaveLength(first);
      expect(response.nodes.every((p) => p.skus.length === 2)).toBe(true);
      return response.statements;
    };
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(6);
  });

  async function subgraphRequestWithHeaders(first: number, tag: string): Promise<{ statements: number; nodes: Array<{ skus: unknown[] }> }> {
    const query = `query($f: Int!, $t: String!) { products(first: $f, filter: { tags: [$t] }) { nodes { code title skus { code listPriceFen options { name value } } media { url } collections { code } } } }`;
    const response = await fetch(`${serviceUrl('catalog')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gatewayIdentityHeader('operator') },
      body: JSON.stringify({ query, variables: { f: first, t: tag } }),
    });
    const body = (await response.json()) as { data: { products: { nodes: Array<{ skus: unknown[] }> } } };
    return { statements: Number(response.headers.get('x-sql-statements')), nodes: body.data.products.nodes };
  }

  it('answers sku(code) with its product for the ops console, and null for an unknown code', async () => {
    const code = uniqueCode('SKU');
    await createProduct(gateway, { code, title: '小香风外套', skus: [{ code: `${code}-1`, listPriceFen: 159900 }] });
    const found = await subgraphRequest<{ sku: { code: string; product: { code: string } } | null }>(
      serviceUrl('catalog'),
      `{ sku(code: "${code}-1") { code product { code } } }`,
    );
    expect(found.data?.sku).toEqual({ code: `${code}-1`, product: { code } });
    expect((await gateway.data<{ sku: null }>(`{ sku(code: "NO-SUCH-SKU") { code } }`)).sku).toBeNull();
  });
});
