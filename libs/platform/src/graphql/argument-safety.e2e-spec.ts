import { randomUUID } from 'node:crypto';
import { GatewayClient } from '@shopops/testing';

/** Client mistakes in arguments are BAD_USER_INPUT naming the argument, in every subgraph. */
describe('GraphQL arguments a client got wrong', () => {
  const gateway = new GatewayClient();

  const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ['a non-UUID member id', 'query($id: ID!) { member(id: $id) { id } }', { id: 'not-a-uuid' }, /^id$/],
    ['a non-UUID id for an export', 'query($id: ID!) { memberDataExport(memberId: $id) { __typename } }', { id: '42' }, /^memberId$/],
    [
      'a non-UUID id in a merge',
      'mutation($a: ID!, $b: ID!) { mergeMembers(survivorId: $a, mergedId: $b, reason: "duplicate account") { id } }',
      { a: 'survivor', b: randomUUID() },
      /^survivorId$/,
    ],
    ['a non-UUID id to erase', 'mutation($id: ID!) { eraseMember(memberId: $id, reason: "asked") { __typename } }', { id: 'x' }, /^memberId$/],
    ['NUL in a string argument', 'query($code: String!) { sku(code: $code) { code } }', { code: 'LX\u0000' }, /^code$/],
    [
      'a lone surrogate in an input field',
      'mutation($i: CreateProductInput!) { createProduct(input: $i) { __typename } }',
      { i: { code: 'SAFE-1', title: 'x\uD800', skus: [{ code: 'SAFE-1-A', listPriceFen: 1 }] } },
      /^input\.title$/,
    ],
    ['a month that does not exist', 'query { cohorts(fromMonth: "2026-13") { month } }', {}, /^fromMonth$/],
    [
      'a start that does not exist',
      'mutation($i: ExclusiveEventInput!) { createExclusiveEvent(input: $i) { __typename } }',
      { i: { code: 'FEB-30', title: '闭店夜', startsAt: '2026-02-30T19:00:00+08:00', seats: 10 } },
      /startsAt$/,
    ],
    [
      'an ad-spend day that does not exist',
      'mutation { importAdSpend(rows: [{ day: "2026-02-30", source: "paid_search", campaign: "x", spendFen: 1 }]) }',
      {},
      /day$/,
    ],
    ['a range day that does not exist', 'query { shopKpis(from: "2026-02-30", to: "2026-03-02") { period } }', {}, /^from$/],
    ['a negative page size', 'query { disputes(first: -1) { __typename } }', {}, /^first$/],
  ];

  async function expectRefused(query: string, variables: Record<string, unknown>, field: RegExp): Promise<void> {
    const response = await gateway.query(query, variables, { role: 'admin' });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].extensions?.fields).toEqual([expect.stringMatching(field)]);
  }

  it.each(cases)('%s', (_what, query, variables, field) => expectRefused(query, variables, field));

  it('a non-UUID id when cancelling a booking of an event that exists', async () => {
    const code = `VIP-${Date.now()}`;
    const input = { code, title: '闭店夜', startsAt: '2026-12-24T19:00:00+08:00', seats: 10 };
    await gateway.data('mutation($i: ExclusiveEventInput!) { createExclusiveEvent(input: $i) { __typename } }', { i: input }, { role: 'admin' });
    await expectRefused('mutation($c: String!) { cancelEventBooking(eventCode: $c, memberId: "x") { __typename } }', { c: code }, /^memberId$/);
  });
});
