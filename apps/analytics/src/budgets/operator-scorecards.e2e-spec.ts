import { randomUUID } from 'node:crypto';
import { eventually, GatewayClient, postTrackedEvents, staffToken, testPool } from '@shopops/testing';

/**
 * Operators' scorecards in November 2023 (双11 month, a month no other suite uses): each operator's
 * campaigns are the plans they set; figures worked out by hand at the default 40% margin.
 */
describe('operator scorecards', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  const payment = (source: string, campaign: string, amountFen: number, day: string) => ({
    eventId: `ev-${randomUUID()}`,
    type: 'payment',
    occurredAt: `${day}T12:00:00+08:00`,
    anonymousId: `opsc-${randomUUID().slice(0, 8)}`,
    channel: 'mall',
    device: 'mobile',
    source,
    campaign,
    amountFen,
  });
  const CARD = `operator month campaigns orders gmvFen gmvTargetFen budgetFen spendFen roi overBudgetCampaigns
    measures { name value target met } festival { name from to orders gmvFen spendFen roi }`;
  const cards = (month: string, role: 'analyst' | 'operator' | 'cs_agent' = 'analyst') =>
    gateway.query<{ operatorScorecards: Array<Record<string, unknown>> }>(
      `query($m: String!) { operatorScorecards(month: $m) { ${CARD} } }`,
      { m: month },
      { role },
    );

  it('scores each operator’s campaigns against their targets, with the 双11 window in November', async () => {
    const events = [
      payment('paid_search', 'd11-hero', 10000, '2023-10-25'), // festival run-up: the window, not the month
      payment('paid_search', 'd11-hero', 30000, '2023-11-05'),
      payment('paid_search', 'd11-hero', 20000, '2023-11-20'),
      payment('kol', 'live-1', 15000, '2023-11-25'),
    ];
    await postTrackedEvents(gateway.baseUrl, events);
    await eventually(
      async () =>
        Number((await db.query(`SELECT count(*) FROM analytics.tracked_event WHERE event_id = ANY ($1)`, [events.map((e) => e.eventId)])).rows[0].count),
      (n) => n === events.length,
      { what: 'the payments to be stored' },
    );
    await gateway.data(
      `mutation($r: [AdSpendInput!]!) { importAdSpend(rows: $r) }`,
      {
        r: [
          { day: '2023-10-25', source: 'paid_search', campaign: 'd11-hero', spendFen: 5000 },
          { day: '2023-11-05', source: 'paid_search', campaign: 'd11-hero', spendFen: 8000 },
          { day: '2023-11-20', source: 'paid_search', campaign: 'd11-hero', spendFen: 4000 },
          { day: '2023-11-25', source: 'kol', campaign: 'live-1', spendFen: 12000 },
        ],
      },
      { role: 'operator' },
    );
    const plan = async (operator: string, input: Record<string, unknown>) =>
      expect(
        (
          await gateway.query(
            `mutation($i: BudgetPlanInput!) { setBudgetPlan(input: $i) { source } }`,
            { i: input },
            { token: staffToken('operator', operator) },
          )
        ).errors,
      ).toBeUndefined();
    await plan('op-lin', { month: '2023-11', source: 'paid_search', campaign: 'd11-hero', budgetFen: 20000, gmvTargetFen: 50000 });
    await plan('op-zhou', { month: '2023-11', source: 'kol', campaign: 'live-1', budgetFen: 10000, gmvTargetFen: 10000 });
    // A whole-source plan is no one's campaign.
    await plan('op-zhou', { month: '2023-11', source: 'feed', budgetFen: 1000 });

    const november = await cards('2023-11');
    expect(november.errors).toBeUndefined();
    const measures = (gmvAttainment: unknown, roi: unknown, budgetUsed: unknown) => [
      { name: 'gmvAttainment', target: 1, ...(gmvAttainment as object) },
      { name: 'roi', target: 0, ...(roi as object) },
      { name: 'budgetUsed', target: 1, ...(budgetUsed as object) },
    ];
    expect(november.data?.operatorScorecards).toEqual([
      {
        operator: 'op-lin',
        month: '2023-11',
        campaigns: ['paid_search/d11-hero'],
        // 30,000 + 20,000 in November; 8,000 + 4,000 spent → ROI (50,000 × 40% − 12,000) / 12,000.
        orders: 2,
        gmvFen: 50000,
        gmvTargetFen: 50000,
        budgetFen: 20000,
        spendFen: 12000,
        roi: 0.6667,
        overBudgetCampaigns: 0,
        measures: measures({ value: 1, met: true }, { value: 0.6667, met: true }, { value: 0.6, met: true }),
        // 10-20 to 11-11: 10,000 + 30,000 on 5,000 + 8,000 → (16,000 − 13,000) / 13,000.
        festival: { name: '双11', from: '2023-10-20', to: '2023-11-11', orders: 2, gmvFen: 40000, spendFen: 13000, roi: 0.2308 },
      },
      {
        operator: 'op-zhou',
        month: '2023-11',
        campaigns: ['kol/live-1'],
        orders: 1,
        gmvFen: 15000,
        gmvTargetFen: 10000,
        budgetFen: 10000,
        spendFen: 12000,
        roi: -0.5,
        overBudgetCampaigns: 1,
        measures: measures({ value: 1.5, met: true }, { value: -0.5, met: false }, { value: 1.2, met: false }),
        festival: { name: '双11', from: '2023-10-20', to: '2023-11-11', orders: 0, gmvFen: 0, spendFen: 0, roi: null },
      },
    ]);
    // No festival in October, no plans: no cards.
    expect((await cards('2023-10')).data?.operatorScorecards).toEqual([]);
  });

  it('refuses a malformed month naming it, and reads only for operators and analysts', async () => {
    expect((await cards('2023-13')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['month'] });
    expect((await cards('2023-11', 'cs_agent')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await cards('2023-11', 'operator')).errors).toBeUndefined();
  });
});
