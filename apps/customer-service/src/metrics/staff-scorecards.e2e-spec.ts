import { randomUUID } from 'node:crypto';
import { GatewayClient, useOwnSuite } from '@shopops/testing';

/** Today's month-day in the shop's time (+08:00): the festival window this suite assesses. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 10);

/**
 * Runs its own suite with a one-day festival today, so this month's scorecards carry a festival
 * assessment whatever the date (in production: 618 in June, 双11 with its run-up in November).
 */
describe('staff scorecards', () => {
  const suite = useOwnSuite('staff-scorecards', { services: ['customer-service', 'gateway'], env: { CS_SCORECARD_FESTIVALS: `大促:${today}/${today}` } });
  let gateway: GatewayClient;
  beforeAll(() => {
    gateway = new GatewayClient(suite().gatewayUrl);
  });
  const agentRole = { role: 'cs_agent' as const };

  const agent = async () => {
    const code = `sc-${randomUUID().slice(0, 8)}`;
    await gateway.data(
      `mutation($i: AgentInput!) { upsertAgent(input: $i) { code } }`,
      { i: { code, name: `客服 ${code}`, skills: ['pre-sales'], capacity: 10 } },
      { role: 'operator' },
    );
    return code;
  };
  /** A conversation the agent answers (and owns), resolved or not, with the buyer's CSAT when given. */
  const handle = async (agentCode: string, resolve: boolean, csat?: number) => {
    const { openConversation } = await gateway.data<{ openConversation: { id: string } }>(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
      { i: { channel: 'phone', contact: `139${String(Date.now()).slice(-8)}`, text: '想了解一下定制礼盒的团购方案和发票问题' } },
      agentRole,
    );
    const id = openConversation.id;
    const replied = await gateway.data<{ replyToConversation: { __typename: string } }>(
      `mutation($i: ReplyInput!) { replyToConversation(input: $i) { __typename } }`,
      { i: { conversationId: id, agentCode, text: '您好，我来为您处理' } },
      agentRole,
    );
    expect(replied.replyToConversation.__typename).toBe('Conversation');
    if (resolve) await gateway.data(`mutation($c: ID!) { setConversationStatus(conversationId: $c, status: RESOLVED) { __typename } }`, { c: id }, agentRole);
    if (csat) await gateway.data(`mutation($c: ID!, $s: Int!) { answerSurvey(conversationId: $c, csat: $s) { __typename } }`, { c: id, s: csat }, agentRole);
  };
  const SCORECARDS = `query($m: String) { staffScorecards(month: $m) {
    agentCode agentName
    month { name conversations targetsMet measures { name value target met } }
    festival { name conversations targetsMet measures { name met } } } }`;
  type Card = {
    agentCode: string;
    agentName: string;
    month: {
      name: string;
      conversations: number;
      targetsMet: number;
      measures: Array<{ name: string; value: number | null; target: number; met: boolean | null }>;
    };
    festival: { name: string; conversations: number; targetsMet: number; measures: Array<{ name: string; met: boolean | null }> } | null;
  };

  it('scores each agent’s month against the targets, with the festival assessment, for operators and analysts only', async () => {
    const [fast, careless] = [await agent(), await agent()];
    await handle(fast, true, 5);
    await handle(fast, false);
    await handle(careless, true, 3);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const { staffScorecards } = await gateway.data<{ staffScorecards: Card[] }>(SCORECARDS, { m: month }, { role: 'analyst' });
    const byCode = new Map(staffScorecards.map((c) => [c.agentCode, c]));
    const first = byCode.get(fast)!;
    expect(first.agentName).toBe(`客服 ${fast}`);
    expect(first.month).toMatchObject({ name: month, conversations: 2, targetsMet: 2 });
    expect(
      first.month.measures.map(({ name, value, target, met }) => ({ name, value: name === 'avgFirstResponseBusinessMinutes' ? null : value, target, met })),
    ).toEqual([
      { name: 'avgFirstResponseBusinessMinutes', value: null, target: 3, met: true },
      { name: 'resolutionRate', value: 0.5, target: 0.9, met: false },
      { name: 'csat', value: 5, target: 4.5, met: true },
    ]);
    expect(byCode.get(careless)!.month.measures.map((m) => [m.name, m.met])).toEqual([
      ['avgFirstResponseBusinessMinutes', true],
      ['resolutionRate', true],
      ['csat', false],
    ]);
    // Today is the festival: the same conversations, assessed apart.
    expect(first.festival).toMatchObject({ name: '大促', conversations: 2, targetsMet: 2 });
    expect(byCode.get(careless)!.festival).toMatchObject({ name: '大促', conversations: 1, targetsMet: 2 });

    // The current month by default; a month without work has no scorecards.
    expect((await gateway.data<{ staffScorecards: Card[] }>(SCORECARDS, {}, { role: 'operator' })).staffScorecards.map((c) => c.agentCode)).toEqual(
      expect.arrayContaining([fast, careless]),
    );
    expect((await gateway.data<{ staffScorecards: Card[] }>(SCORECARDS, { m: '2020-01' }, { role: 'operator' })).staffScorecards).toEqual([]);

    const bad = await gateway.query(SCORECARDS, { m: '2026-13' }, { role: 'operator' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['month'] });
    // The staff being reviewed do not read the reviews.
    const forbidden = await gateway.query(SCORECARDS, { m: month }, agentRole);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 120_000);
});
