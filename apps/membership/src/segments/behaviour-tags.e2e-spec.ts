import { randomUUID } from 'node:crypto';
import { chattingMember, eventually, GatewayClient, postTrackedEvents, runScheduleNow, testPool, trackedEvent } from '@shopops/testing';

const MINUTE = 60_000;

/**
 * Style and impulse-buyer tags from what signed-in members view, add and order on the site:
 * product tags come from the catalog's events, and the default thresholds apply
 * (MEMBERSHIP_IMPULSE_MINUTES 15, _IMPULSE_MIN_PURCHASES 3, _IMPULSE_SHARE_PERCENT 50,
 * _STYLE_MIN_WEIGHT 10, _STYLE_SHARE_PERCENT 30; a view weighs 1, a cart addition 3, an order 5).
 */
describe('behaviour tags', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  /** A product with one SKU and these tags, once membership knows both. */
  const taggedProduct = async (tags: string[]) => {
    const code = `BT-${randomUUID().slice(0, 8).toUpperCase()}`;
    const data = await gateway.data<{ createProduct: { __typename: string } }>(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename } }`,
      { input: { code, title: `风格 ${code}`, categoryCode: 'DRESS', tags, skus: [{ code: `${code}-M`, listPriceFen: 59900 }] } },
      { role: 'operator' },
    );
    expect(data.createProduct.__typename).toBe('Product');
    await eventually(
      async () =>
        (await db.query(`SELECT 1 FROM membership.catalog_sku s JOIN membership.catalog_product p USING (product_code) WHERE s.sku_code = $1`, [`${code}-M`]))
          .rowCount,
      (n) => n === 1,
      { what: `membership to learn ${code}` },
    );
    return { productCode: code, skuCode: `${code}-M` };
  };
  const track = (events: Array<ReturnType<typeof trackedEvent>>) => postTrackedEvents(gateway.baseUrl, events);
  /** Each member's tracked purchases and the sum of their style weights, once membership has counted them. */
  const countedSignals = (ids: string[], expected: Array<[number, number]>) =>
    eventually(
      async () =>
        (
          await db.query<{ purchases: number; weight: number }>(
            `SELECT m.tracked_purchases AS purchases, (SELECT coalesce(sum(weight), 0)::int FROM membership.member_style s WHERE s.member_id = m.id) AS weight
               FROM unnest($1::uuid[]) WITH ORDINALITY AS i(id, n) JOIN membership.member m ON m.id = i.id ORDER BY i.n`,
            [ids],
          )
        ).rows.map((r) => [r.purchases, r.weight]),
      (counted) => JSON.stringify(counted) === JSON.stringify(expected),
      { what: 'the signals counted in membership' },
    );
  const tagsOf = async (id: string) =>
    (await gateway.data<{ member: { rfm: { tags: string[] } } }>(`query($id: ID!) { member(id: $id) { rfm { tags } } }`, { id }, { role: 'operator' })).member
      .rfm.tags;

  it('tags a member who orders soon after first seeing a product an impulse buyer, and gives style tags from the products’ tags', async () => {
    const [workwear, plain, retro] = [await taggedProduct(['office', 'minimalist']), await taggedProduct(['office']), await taggedProduct(['vintage'])];
    const [quick, careful] = [
      await chattingMember(gateway, `tb_quick_${randomUUID().slice(0, 6)}`),
      await chattingMember(gateway, `tb_careful_${randomUUID().slice(0, 6)}`),
    ];
    const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);
    await track([
      // Each product seen and bought within 5 minutes: three impulse purchases of three.
      ...[workwear, plain, retro].flatMap((p, i) => [
        trackedEvent('product_view', quick.id, ago(60 - i), { productCode: p.productCode }),
        trackedEvent('order', quick.id, ago(55 - i), { skuCode: p.skuCode }),
      ]),
      // Each product bought two days after the first look: none is an impulse purchase.
      ...[workwear, plain, retro].flatMap((p, i) => [
        trackedEvent('product_view', careful.id, ago(3 * 1440 + i), { skuCode: p.skuCode }),
        trackedEvent('order', careful.id, ago(1440 - i), { skuCode: p.skuCode }),
      ]),
      ...Array.from({ length: 4 }, (_, i) => trackedEvent('product_view', careful.id, ago(2000 + i), { skuCode: retro.skuCode })),
      trackedEvent('add_to_cart', careful.id, ago(1500), { skuCode: retro.skuCode }),
    ]);
    // quick: three products, each tag weighed 6 (view 1 + order 5); careful: the same plus 4 views and a cart addition of retro.
    await countedSignals(
      [quick.id, careful.id],
      [
        [3, 24],
        [3, 31],
      ],
    );
    await runScheduleNow('membership', 'membership.rescore-changed');

    // quick: office 1+5 twice = 12, minimalist 6, vintage 6 of 24 → office (50%) only.
    expect(await tagsOf(quick.id)).toEqual(['impulse-buyer', 'style:office']);
    // careful: vintage 5 views + cart 3 + order 5 = 13, office 12, minimalist 6 of 31 → vintage 42%, office 39%.
    expect(await tagsOf(careful.id)).toEqual(['style:vintage', 'style:office']);
    const { rows } = await db.query(`SELECT tracked_purchases, impulse_purchases FROM membership.member WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC`, [
      [quick.id, careful.id],
      quick.id,
    ]);
    expect(rows).toEqual([
      { tracked_purchases: 3, impulse_purchases: 3 },
      { tracked_purchases: 3, impulse_purchases: 0 },
    ]);
  });
});
