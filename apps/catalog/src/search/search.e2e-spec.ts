import { createProduct, eventually, GatewayClient, receiveStock, uniqueCode } from '@shopops/testing';

/** Search (Chinese and English), filters and cursors; bulk import as a job, and export — through the gateway. */
describe('search and bulk import', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  type Page = {
    totalCount: number;
    nodes: Array<{ code: string; title: string; stockStatus: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const search = async (args: { query?: string; filter?: Record<string, unknown>; first?: number; after?: string }) =>
    (
      await gateway.data<{ searchProducts: Page }>(
        `query($q: String, $f: ProductFilter, $n: Int!, $a: String) {
           searchProducts(query: $q, filter: $f, first: $n, after: $a) { totalCount nodes { code title stockStatus } pageInfo { hasNextPage endCursor } }
         }`,
        { q: args.query ?? null, f: args.filter ?? null, n: args.first ?? 20, a: args.after ?? null },
        operator,
      )
    ).searchProducts;

  it('finds Chinese and English keywords over titles, keywords and SKU codes, with filters and cursor pages', async () => {
    const tag = `s-${uniqueCode('T').toLowerCase()}`;
    const make = (suffix: string, input: Record<string, unknown>) =>
      createProduct(gateway, { code: uniqueCode(suffix), tags: [tag], skus: [{ code: uniqueCode(`${suffix}-SKU`), listPriceFen: 59900 }], ...input });
    const dress = await make('DRESS', { title: '法式碎花连衣裙', categoryCode: 'DRESS', keywords: ['茶歇裙', 'floral dress'] });
    const silk = await make('SHIRT', {
      title: '真丝衬衫 通勤百搭',
      categoryCode: 'SHIRT',
      portfolioRole: 'CORE',
      skus: [{ code: uniqueCode('SHIRT-SKU'), listPriceFen: 129900 }],
    });
    const knit = await make('KNIT', { title: '羊毛针织开衫', categoryCode: 'KNIT', keywords: ['silk blend'] });
    const codes = (page: Page) => page.nodes.map((n) => n.code).sort();

    expect(codes(await search({ query: '连衣裙', filter: { tags: [tag] } }))).toEqual([dress.code]);
    expect(codes(await search({ query: '真丝 衬衫', filter: { tags: [tag] } }))).toEqual([silk.code]);
    expect(codes(await search({ query: '衬衫真丝', filter: { tags: [tag] } }))).toEqual([]);
    expect(codes(await search({ query: '茶歇', filter: { tags: [tag] } }))).toEqual([dress.code]);
    expect(codes(await search({ query: 'Floral', filter: { tags: [tag] } }))).toEqual([dress.code]);
    expect(codes(await search({ query: 'silk', filter: { tags: [tag] } }))).toEqual([knit.code]);
    expect(codes(await search({ query: silk.code.toLowerCase(), filter: { tags: [tag] } }))).toEqual([silk.code]);
    // A category filter takes in what is under it.
    expect(codes(await search({ filter: { tags: [tag], categoryCode: 'WOMEN' } }))).toEqual([dress.code, silk.code, knit.code].sort());
    expect(codes(await search({ filter: { tags: [tag], categoryCode: 'SHIRT' } }))).toEqual([silk.code]);
    expect(codes(await search({ filter: { tags: [tag], minPriceFen: 100000 } }))).toEqual([silk.code]);
    expect(codes(await search({ filter: { tags: [tag], maxPriceFen: 60000 } }))).toEqual([dress.code, knit.code].sort());
    expect(codes(await search({ filter: { tags: [tag], roles: ['CORE'] } }))).toEqual([silk.code]);
    expect(codes(await search({ filter: { tags: [tag], stages: ['GROWTH'] } }))).toEqual([]);

    const first = await search({ filter: { tags: [tag] }, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(3);
    const second = await search({ filter: { tags: [tag] }, first: 2, after: first.pageInfo.endCursor! });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
    expect((await search({ query: '连衣裙', filter: { tags: [tag] } })).totalCount).toBe(1);
    expect((await search({ query: '衬衫真丝', filter: { tags: [tag] } })).totalCount).toBe(0);
    expect([...first.nodes, ...second.nodes].map((n) => n.code)).toEqual([dress.code, silk.code, knit.code].sort());

    const bad = await gateway.query(`{ searchProducts(first: 500, after: "garbage") { nodes { code } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A well-formed cursor this list never issued (the rank is not a number).
    const forged = Buffer.from(JSON.stringify(['1 OR 1=1', silk.code])).toString('base64url');
    const refused = await gateway.query(`query($a: String) { searchProducts(first: 2, after: $a) { nodes { code } } }`, { a: forged });
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('after'), extensions: { code: 'BAD_USER_INPUT' } });
    // The filter's own limits hold too.
    for (const f of [{ minPriceFen: -1 }, { categoryCode: '' }, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }]) {
      const refusedFilter = await gateway.query(`query($f: ProductFilter) { searchProducts(filter: $f) { totalCount } }`, { f });
      expect(refusedFilter.errors?.[0]).toMatchObject({ message: expect.stringContaining(Object.keys(f)[0]), extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('finds codes by substring, and treats hostile text as text', async () => {
    const tag = `s-${uniqueCode('H').toLowerCase()}`;
    const code = uniqueCode('LX-BAG');
    const bag = await createProduct(gateway, {
      code,
      title: '托特包 50%_off',
      tags: [tag],
      skus: [{ code: `${code}-01`, listPriceFen: 99900 }],
    });
    await createProduct(gateway, {
      code: uniqueCode('LX-BAG'),
      title: '托特包 50 off',
      tags: [tag],
      skus: [{ code: uniqueCode('BAG-SKU'), listPriceFen: 99900 }],
    });
    const codes = (page: Page) => page.nodes.map((n) => n.code);
    expect(codes(await search({ query: `${code}-01`, filter: { tags: [tag] } }))).toEqual([bag.code]);
    expect(codes(await search({ query: `${code.slice(0, -2)}`, filter: { tags: [tag] } }))).toEqual([bag.code]);
    // The title holding the whole query ranks first; % and _ are no wildcards.
    expect(codes(await search({ query: '50%_off', filter: { tags: [tag] } }))[0]).toBe(bag.code);
    expect((await search({ query: `托特包' OR '1'='1`, filter: { tags: [tag] } })).totalCount).toBe(0);
    const nothing = await gateway.query(`query($q: String) { searchProducts(query: $q) { totalCount } }`, { q: '%_' });
    expect(nothing.errors?.[0]).toMatchObject({ message: expect.stringContaining('query'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers a search right after a product changes with the product as it now is', async () => {
    const tag = `s-${uniqueCode('C').toLowerCase()}`;
    const product = await createProduct(gateway, {
      code: uniqueCode('CACHE'),
      title: '亚麻衬衫',
      tags: [tag],
      skus: [{ code: uniqueCode('CACHE-SKU'), listPriceFen: 39900 }],
    });
    expect((await search({ query: '亚麻', filter: { tags: [tag] } })).nodes).toEqual([expect.objectContaining({ code: product.code, title: '亚麻衬衫' })]);
    await gateway.data(
      `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { __typename } }`,
      { i: { code: product.code, title: '醋酸衬衫' } },
      operator,
    );
    // The same searches at once: no page cached before the change is answered after it.
    expect((await search({ query: '亚麻', filter: { tags: [tag] } })).nodes).toEqual([]);
    expect((await search({ query: '衬衫', filter: { tags: [tag] } })).nodes).toEqual([expect.objectContaining({ code: product.code, title: '醋酸衬衫' })]);
  });

  it('filters by stock status as inventory publishes it: IN_STOCK, then LOW, then OUT as stock is reserved', async () => {
    const tag = `s-${uniqueCode('K').toLowerCase()}`;
    const sku = uniqueCode('STOCK-SKU');
    const product = await createProduct(gateway, { code: uniqueCode('STOCK'), title: '羊绒围巾', tags: [tag], skus: [{ code: sku, listPriceFen: 89900 }] });
    const inState = async (stockStatus: string) => (await search({ filter: { tags: [tag], stockStatus } })).nodes;
    // Nothing received yet: out of stock.
    expect(await inState('OUT')).toEqual([expect.objectContaining({ code: product.code, stockStatus: 'OUT' })]);
    const moves = async (to: string) =>
      eventually(
        () => inState(to),
        (nodes) => nodes.length === 1,
        { what: `the product to be ${to} in search` },
      );

    await receiveStock(gateway, sku, 'CENTRAL', 12);
    expect(await moves('IN_STOCK')).toEqual([expect.objectContaining({ code: product.code, stockStatus: 'IN_STOCK' })]);
    expect(await inState('OUT')).toEqual([]);

    const reserve = (quantity: number) =>
      gateway.data<{ reserveStock: { __typename: string } }>(
        `mutation($i: ReserveStockInput!) { reserveStock(input: $i) { __typename } }`,
        { i: { orderId: uniqueCode('STOCK-ORDER'), lines: [{ skuCode: sku, quantity }] } },
        operator,
      );
    expect((await reserve(5)).reserveStock.__typename).toBe('Reservation');
    expect(await moves('LOW')).toEqual([expect.objectContaining({ code: product.code, stockStatus: 'LOW' })]);
    expect(await inState('IN_STOCK')).toEqual([]);

    expect((await reserve(7)).reserveStock.__typename).toBe('Reservation');
    expect(await moves('OUT')).toEqual([expect.objectContaining({ code: product.code, stockStatus: 'OUT' })]);
    expect(await inState('LOW')).toEqual([]);

    const bad = await gateway.query(`query($f: ProductFilter) { searchProducts(filter: $f) { nodes { code } } }`, { f: { stockStatus: 'PLENTY' } });
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringContaining('stockStatus'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('imports a CSV as a job: good products are created, bad rows are reported with their line, then exports the range', async () => {
    const [a, b, c] = [uniqueCode('IMP'), uniqueCode('IMP'), uniqueCode('IMP')];
    const csv = [
      'productCode,title,categoryCode,keywords,tags,portfolioRole,skuCode,listPriceFen,color,size,barcode,weightGrams',
      `${a},天丝阔腿裤,WOMEN,阔腿裤|垂感,import,CORE,${a}-BLK-S,39900,黑,S,,300`,
      `${a},天丝阔腿裤,WOMEN,阔腿裤|垂感,import,CORE,${a}-BLK-M,39900,黑,M,,310`,
      `${b},坏价格,WOMEN,,import,TEST,${b}-1,-5,,,,`,
      `${c},羊绒围巾,SCARF,,import,LONG_TAIL,${c}-1,89900,驼色,,,`,
      `,没有编码,WOMEN,,,,X-1,100,,,,`,
    ].join('\n');
    const job = await gateway.data<{ startProductImport: { id: string; status: string } }>(
      `mutation($c: String!) { startProductImport(format: CSV, content: $c) { id status } }`,
      { c: csv },
      operator,
    );
    const done = await eventually(
      async () =>
        (
          await gateway.data<{
            importJob: {
              status: string;
              total: number;
              processed: number;
              created: number;
              failed: number;
              progressPercent: number;
              errors: Array<{ row: number; productCode: string | null; message: string }>;
            };
          }>(
            `query($id: ID!) { importJob(id: $id) { status total processed created failed progressPercent errors { row productCode message } } }`,
            { id: job.startProductImport.id },
            operator,
          )
        ).importJob,
      (j) => j.status === 'DONE',
      { what: 'the import to finish' },
    );
    expect(done).toMatchObject({ total: 4, processed: 4, created: 2, failed: 2, progressPercent: 100 });
    expect(done.errors).toEqual([
      { row: 4, productCode: b, message: expect.stringContaining('listPriceFen') },
      { row: 6, productCode: null, message: 'productCode is required' },
    ]);
    const imported = await gateway.data<{
      product: { title: string; keywords: string[]; skus: Array<{ code: string; weightGrams: number; options: Array<{ value: string }> }> };
    }>(`query($c: String!) { product(code: $c) { title keywords skus { code weightGrams options { value } } } }`, { c: a }, operator);
    expect(imported.product).toEqual({
      title: '天丝阔腿裤',
      keywords: ['阔腿裤', '垂感'],
      skus: [
        { code: `${a}-BLK-M`, weightGrams: 310, options: [{ value: '黑' }, { value: 'M' }] },
        { code: `${a}-BLK-S`, weightGrams: 300, options: [{ value: '黑' }, { value: 'S' }] },
      ],
    });

    // Importing the same file again creates nothing new: every product is a duplicate now.
    const again = await gateway.data<{ startProductImport: { id: string } }>(
      `mutation($c: String!) { startProductImport(format: JSON, content: $c) { id } }`,
      { c: JSON.stringify([{ code: a, title: 'x', skus: [{ code: `${a}-X`, listPriceFen: 1 }] }]) },
      operator,
    );
    const repeated = await eventually(
      async () =>
        (
          await gateway.data<{ importJob: { status: string; created: number; errors: Array<{ message: string }> } }>(
            `query($id: ID!) { importJob(id: $id) { status created errors { message } } }`,
            { id: again.startProductImport.id },
            operator,
          )
        ).importJob,
      (j) => j.status === 'DONE',
      { what: 'the second import' },
    );
    expect(repeated).toMatchObject({ created: 0, errors: [{ message: expect.stringContaining(a) }] });

    const exported = (await gateway.data<{ exportProducts: string }>(`{ exportProducts(format: CSV) }`, {}, operator)).exportProducts;
    expect(exported.split('\n')[0]).toBe(
      'productCode,title,subtitle,categoryCode,brand,keywords,tags,portfolioRole,skuCode,listPriceFen,color,size,barcode,weightGrams',
    );
    expect(exported).toContain(`${a},天丝阔腿裤,,WOMEN,,阔腿裤|垂感,import,CORE,${a}-BLK-M,39900,黑,M,,310`);
    const json = JSON.parse((await gateway.data<{ exportProducts: string }>(`{ exportProducts(format: JSON) }`, {}, operator)).exportProducts) as Array<{
      code: string;
    }>;
    expect(json.find((p) => p.code === c)).toMatchObject({ code: c, categoryCode: 'SCARF', portfolioRole: 'LONG_TAIL' });
  });
});
