import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, GatewayClient, testPool, tokenFor } from '@shopops/testing';

/** Budgets against plan, in a month no other suite uses: figures worked out by hand. */
describe('budgets against plan', () => {
  const gateway = new GatewayClient();
  const analyst = { role: 'analyst' as const };
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());

  const MONTH = '2023-05';
  const at = (day: string) => `${MONTH}-${day}T12:00:00+08:00`;
  const payment = (source: string, campaign: string, amountFen: number, day: string) => ({
    eventId: `ev-${randomUUID()}`,
    type: 'payment',
    occurredAt: at(day),
    anonymousId: `bud-${randomUUID().slice(0, 8)}`,
    channel: 'mall',
    device: 'mobile',
    source,
    ...(campaign ? { campaign } : {}),
    amountFen,
  });
  const fields = `month source campaign budgetFen spendFen remainingFen budgetUsed overBudget orders gmvFen roas roi roiBelowThreshold gmvTargetFen gmvAttainment ordersTarget ordersAttainment`;
  const setPlan = (input: Record<string, unknown>) =>
    gateway.query(`mutation($i: BudgetPlanInput!) { setBudgetPlan(input: $i) { ${fields} } }`, { i: input }, operator);

  it('reads each plan against its spend and outcomes, flags overspend and a poor ROI, and lists spend no plan covers', async () => {
    const events = [
      payment('paid_search', 'brand', 30000, '03'),
      payment('paid_search', 'brand', 20000, '20'),
      payment('kol', '', 10000, '10'),
      // The month after: not this month's outcome.
      { ...payment('paid_search', 'brand', 99900, '01'), occurredAt: '2023-06-01T12:00:00+08:00' },
    ];
    const posted = await request(gateway.baseUrl)
      .post('/events')
      .set('authorization', `Bearer ${tokenFor('analyst')}`)
      .send({ events });
    expect(posted.body.accepted).toBe(events.length);
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
          { day: `${MONTH}-02`, source: 'paid_search', campaign: 'brand', spendFen: 15000 },
          { day: `${MONTH}-15`, source: 'paid_search', campaign: 'brand', spendFen: 10000 },
          { day: `${MONTH}-10`, source: 'kol', campaign: '', spendFen: 8000 },
          { day: `${MONTH}-12`, source: 'feed', campaign: '', spendFen: 3000 },
        ],
      },
      operator,
    );

    const set = await setPlan({ month: MONTH, source: 'paid_search', campaign: 'brand', budgetFen: 20000, gmvTargetFen: 100000, ordersTarget: 4 });
    // Brand search: 25,000 spent of 20,000; 50,000 GMV from 2 orders → ROAS 2, ROI (50,000 × 40% − 25,000) / 25,000 = −0.2.
    expect(set.data?.setBudgetPlan).toEqual({
      month: MONTH,
      source: 'paid_search',
      campaign: 'brand',
      budgetFen: 20000,
      spendFen: 25000,
      remainingFen: -5000,
      budgetUsed: 1.25,
      overBudget: true,
      orders: 2,
      gmvFen: 50000,
      roas: 2,
      roi: -0.2,
      roiBelowThreshold: true,
      gmvTargetFen: 100000,
      gmvAttainment: 0.5,
      ordersTarget: 4,
      ordersAttainment: 0.5,
    });
    await setPlan({ month: MONTH, source: 'kol', budgetFen: 10000 });

    const lines = (await gateway.data<{ budgetVsActual: Array<Record<string, unknown>> }>(`{ budgetVsActual(month: "${MONTH}") { ${fields} } }`, {}, analyst))
      .budgetVsActual;
    expect(lines.map((l) => [l.source, l.campaign, l.budgetFen, l.spendFen, l.overBudget, l.roi, l.roiBelowThreshold])).toEqual([
      // KOL: 8,000 of 10,000; 10,000 GMV → ROI (4,000 − 8,000) / 8,000 = −0.5.
      ['kol', '', 10000, 8000, false, -0.5, true],
      ['paid_search', 'brand', 20000, 25000, true, -0.2, true],
      // Feed spent with no plan at all.
      ['feed', '', null, 3000, true, -1, true],
    ]);

    // A new plan for the same line replaces the old one.
    await setPlan({ month: MONTH, source: 'kol', budgetFen: 6000 });
    const kol = (
      await gateway.data<{ budgetVsActual: Array<{ source: string; overBudget: boolean; remainingFen: number }> }>(
        `{ budgetVsActual(month: "${MONTH}") { source overBudget remainingFen } }`,
        {},
        analyst,
      )
    ).budgetVsActual.find((l) => l.source === 'kol');
    expect(kol).toEqual({ source: 'kol', overBudget: true, remainingFen: -2000 });
  });

  it('refuses a malformed plan naming the field, and plans only for operators', async () => {
    const badMonth = await setPlan({ month: '2023-13', source: 'kol', budgetFen: 1 });
    expect(badMonth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['month'] });
    const badSource = await setPlan({ month: MONTH, source: 'tv', budgetFen: 1 });
    expect(badSource.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['source'] });
    const badRead = await gateway.query(`{ budgetVsActual(month: "May") { source } }`, {}, analyst);
    expect(badRead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['month'] });
    const byAnalyst = await gateway.query(`mutation { setBudgetPlan(input: { month: "${MONTH}", source: "kol", budgetFen: 1 }) { source } }`, {}, analyst);
    expect(byAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
