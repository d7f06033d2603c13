import { randomUUID } from 'node:crypto';
import { eventually, GatewayClient, sendWebhook, testPool, uniqueCode } from '@shopops/testing';

/** Conversations, the bot, ownership and routing, SLAs — through the gateway and signed webhooks. */
describe('service desk', () => {
  const gateway = new GatewayClient();
  const agentRole = { role: 'cs_agent' as const };
  const db = testPool();
  afterAll(() => db.end());

  const CONVERSATION = `id status priority topic needsHuman botContext assignedAgentCode ownerAgentCode botAnswers firstRespondedAt firstResponseWallMinutes
    messages { author text agentCode articleIntent } ownershipHistory { fromAgentCode toAgentCode kind reason } slaAlerts { target kind level }`;
  type ConversationView = {
    id: string;
    status: string;
    priority: string;
    topic: string;
    needsHuman: boolean;
    botContext: string | null;
    assignedAgentCode: string | null;
    ownerAgentCode: string | null;
    botAnswers: number;
    firstRespondedAt: string | null;
    messages: Array<{ author: string; text: string; agentCode: string | null; articleIntent: string | null }>;
    ownershipHistory: Array<{ fromAgentCode: string | null; toAgentCode: string; kind: string; reason: string }>;
    slaAlerts: Array<{ target: string; kind: string; level: number }>;
  };
  const chat = async (externalId: string, text: string, user = `tb_${externalId}`) =>
    expect(
      (
        await sendWebhook(gateway.baseUrl, 'taobao', {
          type: 'message.received',
          data: { conversationId: externalId, buyer: { platformUserId: user }, text, at: new Date().toISOString() },
        })
      ).status,
    ).toBe(202);
  const conversationOf = async (externalId: string, accept: (c: ConversationView) => boolean = () => true) => {
    const id = await eventually(
      async () =>
        (await db.query(`SELECT id FROM customer_service.conversation WHERE channel = 'taobao' AND external_id = $1`, [externalId])).rows[0]?.id as
          string | undefined,
      Boolean,
      { what: `conversation ${externalId}` },
    );
    return eventually(
      async () =>
        (await gateway.data<{ conversationById: ConversationView }>(`query($id: ID!) { conversationById(id: $id) { ${CONVERSATION} } }`, { id }, agentRole))
          .conversationById,
      accept,
      { what: `conversation ${externalId} to settle` },
    );
  };
  const agent = async (skills: string[], capacity = 5) => {
    const code = uniqueCode('agent').toLowerCase();
    await gateway.data(
      `mutation($i: AgentInput!) { upsertAgent(input: $i) { code } }`,
      { i: { code, name: `客服 ${code}`, skills, capacity } },
      { role: 'operator' },
    );
    return code;
  };
  const reply = (conversationId: string, agentCode: string, text = '您好，我来为您处理') =>
    gateway.data<{ replyToConversation: { __typename: string; ownerAgentCode?: string; status?: string; ownerAgentCodeError?: string; capacity?: number } }>(
      `mutation($i: ReplyInput!) { replyToConversation(input: $i) { __typename ... on Conversation { ownerAgentCode status } ... on NotOwnerError { ownerAgentCodeError: ownerAgentCode } } }`,
      { i: { conversationId, agentCode, text } },
      agentRole,
    );

  it('answers a common question with the bot, and hands an angry buyer to a person with the bot’s context', async () => {
    const faq = `faq-${randomUUID()}`;
    await chat(faq, '请问真丝衬衫可以用洗衣机洗吗？');
    const answered = await conversationOf(faq, (c) => c.botAnswers === 1);
    expect(answered).toMatchObject({ status: 'PENDING', needsHuman: false, ownerAgentCode: null });
    expect(answered.messages.map((m) => [m.author, m.articleIntent])).toEqual([
      ['BUYER', null],
      ['BOT', 'care-silk'],
    ]);

    await agent(['complaint'], 50);
    const angry = `angry-${randomUUID()}`;
    await chat(angry, '衣服第一次穿就开线了，质量太差，我要投诉！');
    const handed = await conversationOf(angry, (c) => c.needsHuman && c.assignedAgentCode !== null);
    expect(handed).toMatchObject({ topic: 'COMPLAINT', priority: 'HIGH', botAnswers: 0, status: 'OPEN' });
    expect(JSON.parse(handed.botContext!)).toMatchObject({ handoverReason: 'handover-keyword', sentiment: 'negative' });
    expect(handed.ownershipHistory[0]).toMatchObject({ kind: 'ASSIGNED', toAgentCode: handed.assignedAgentCode });
    expect(handed.assignedAgentCode).toBeTruthy();

    const bot = await gateway.data<{ askBot: { answered: boolean; intent: string | null; handoverReason: string | null } }>(
      `{ askBot(question: "包裹显示签收但我没收到，快递在哪") { answered intent handoverReason } }`,
      {},
      agentRole,
    );
    expect(bot.askBot).toMatchObject({ answered: true, intent: 'logistics-tracking' });
  });

  it('gives the case to the first agent who answers; others are refused until it is handed over, never to an agent at capacity', async () => {
    const [first, second, full] = [await agent(['pre-sales']), await agent(['pre-sales']), await agent(['pre-sales'], 0)];
    const external = `own-${randomUUID()}`;
    await chat(external, '这款和上一季的版型有什么区别？能详细对比一下吗');
    const c = await conversationOf(external, (x) => x.needsHuman);
    expect((await reply(c.id, first)).replyToConversation).toEqual({ __typename: 'Conversation', ownerAgentCode: first, status: 'PENDING' });
    expect((await reply(c.id, second)).replyToConversation).toEqual({ __typename: 'NotOwnerError', ownerAgentCodeError: first });

    const handover = (to: string) =>
      gateway.data<{ handOverConversation: { __typename: string; ownerAgentCode?: string; agentCode?: string } }>(
        `mutation($c: ID!, $to: String!) { handOverConversation(conversationId: $c, toAgentCode: $to, reason: "需要版型专家") { __typename ... on Conversation { ownerAgentCode } ... on AgentAtCapacityError { agentCode } } }`,
        { c: c.id, to },
        agentRole,
      );
    expect((await handover(full)).handOverConversation).toEqual({ __typename: 'AgentAtCapacityError', agentCode: full });
    expect((await handover(second)).handOverConversation).toEqual({ __typename: 'Conversation', ownerAgentCode: second });
    expect((await reply(c.id, second, '版型上肩线改窄了 1cm')).replyToConversation.ownerAgentCode).toBe(second);
    const after = await conversationOf(external);
    expect(after.ownershipHistory.filter((o) => o.kind !== 'ASSIGNED').map((o) => [o.kind, o.fromAgentCode, o.toAgentCode])).toEqual([
      ['FIRST_RESPONSE', null, first],
      ['HANDOVER', first, second],
    ]);
    const agents = await gateway.data<{ agents: Array<{ code: string; openConversations: number }> }>(`{ agents { code openConversations } }`, {}, agentRole);
    expect(agents.agents.find((a) => a.code === first)?.openConversations).toBe(0);
    expect(agents.agents.find((a) => a.code === second)?.openConversations).toBe(1);
  });

  it('lets exactly one of two agents claiming the same conversation at once win', async () => {
    const [a, b] = [await agent(['vip'], 3), await agent(['vip'], 3)];
    const { openConversation } = await gateway.data<{ openConversation: { id: string } }>(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
      { i: { channel: 'phone', contact: '13900001234', text: '我想咨询一下定制礼盒的事情，有专人对接吗', priority: 'HIGH' } },
      agentRole,
    );
    const claim = (code: string) =>
      gateway.data<{ claimConversation: { __typename: string; ownerAgentCode?: string } }>(
        `mutation($c: ID!, $a: String!) { claimConversation(conversationId: $c, agentCode: $a) { __typename ... on Conversation { ownerAgentCode } } }`,
        { c: openConversation.id, a: code },
        agentRole,
      );
    const results = await Promise.all([claim(a), claim(b)]);
    const winners = results.filter((r) => r.claimConversation.__typename === 'Conversation');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.claimConversation.__typename === 'NotOwnerError')).toHaveLength(1);
    const owner = winners[0].claimConversation.ownerAgentCode;
    const claims = await db.query(`SELECT count(*)::int AS n FROM customer_service.ownership_change WHERE conversation_id = $1 AND kind = 'CLAIMED'`, [
      openConversation.id,
    ]);
    expect(claims.rows[0].n).toBe(1);
    expect([a, b]).toContain(owner);
  });

  it('moves conversations only along allowed statuses, sends a survey on resolution, and reports service metrics', async () => {
    const handler = await agent(['after-sales']);
    const external = `status-${randomUUID()}`;
    await chat(external, '我想退货，昨天收到的外套颜色不喜欢，能帮我看一下订单吗');
    const c = await conversationOf(external, (x) => x.needsHuman || x.botAnswers > 0);
    await gateway.data(
      `mutation($c: ID!, $a: String!) { claimConversation(conversationId: $c, agentCode: $a) { __typename } }`,
      { c: c.id, a: handler },
      agentRole,
    );
    const setStatus = (status: string) =>
      gateway.data<{ setConversationStatus: { __typename: string; status?: string; from?: string } }>(
        `mutation($c: ID!, $s: ConversationStatus!) { setConversationStatus(conversationId: $c, status: $s) { __typename ... on Conversation { status } ... on IllegalStatusChangeError { from } } }`,
        { c: c.id, s: status },
        agentRole,
      );
    expect((await setStatus('RESOLVED')).setConversationStatus).toEqual({ __typename: 'Conversation', status: 'RESOLVED' });
    expect((await setStatus('PENDING')).setConversationStatus).toEqual({ __typename: 'IllegalStatusChangeError', from: 'RESOLVED' });
    expect((await setStatus('CLOSED')).setConversationStatus.status).toBe('CLOSED');
    expect((await setStatus('OPEN')).setConversationStatus).toEqual({ __typename: 'IllegalStatusChangeError', from: 'CLOSED' });

    const survey = (csat: number) =>
      gateway.query<{ answerSurvey: { __typename: string; csat?: number } }>(
        `mutation($c: ID!, $s: Int!) { answerSurvey(conversationId: $c, csat: $s, nps: 9) { __typename ... on Survey { csat } } }`,
        { c: c.id, s: csat },
        agentRole,
      );
    expect((await survey(7)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['csat'] });
    expect((await survey(5)).data?.answerSurvey).toEqual({ __typename: 'Survey', csat: 5 });
    expect((await survey(4)).data?.answerSurvey.__typename).toBe('InvalidStateError');

    const metrics = await gateway.data<{
      serviceMetrics: {
        overall: { conversations: number; resolutionRate: number; autoAnswerRate: number };
        byAgent: Array<{ key: string; conversations: number; csat: number; nps: number }>;
      };
    }>(
      `{ serviceMetrics(days: 1) { overall { conversations resolutionRate autoAnswerRate } byAgent { key conversations csat nps } } }`,
      {},
      { role: 'analyst' },
    );
    expect(metrics.serviceMetrics.overall.conversations).toBeGreaterThan(0);
    expect(metrics.serviceMetrics.byAgent.find((a) => a.key === handler)).toEqual({ key: handler, conversations: 1, csat: 5, nps: 100 });
  });

  it('lets a member answer the survey of their own conversation only; another member’s is not found to them and stays unanswered', async () => {
    const handler = await agent(['after-sales']);
    const buyer = randomUUID();
    const stranger = randomUUID();
    const { openConversation } = await gateway.data<{ openConversation: { id: string } }>(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
      { i: { channel: 'email', contact: 'buyer@example.com', text: '我想退货，外套尺码不合适', memberId: buyer } },
      agentRole,
    );
    await gateway.data(
      `mutation($c: ID!, $a: String!) { claimConversation(conversationId: $c, agentCode: $a) { __typename } }`,
      { c: openConversation.id, a: handler },
      agentRole,
    );
    const resolved = await gateway.data<{ setConversationStatus: { __typename: string } }>(
      `mutation($c: ID!) { setConversationStatus(conversationId: $c, status: RESOLVED) { __typename } }`,
      { c: openConversation.id },
      agentRole,
    );
    expect(resolved.setConversationStatus.__typename).toBe('Conversation');
    const answerAs = (memberId: string, csat: number) =>
      gateway.data<{ answerSurvey: { __typename: string; csat?: number } }>(
        `mutation($c: ID!, $s: Int!) { answerSurvey(conversationId: $c, csat: $s) { __typename ... on Survey { csat } } }`,
        { c: openConversation.id, s: csat },
        { role: 'member', memberId },
      );
    expect((await answerAs(stranger, 1)).answerSurvey).toEqual({ __typename: 'NotFoundError' });
    const untouched = await db.query(`SELECT csat, answered_at FROM customer_service.survey WHERE conversation_id = $1`, [openConversation.id]);
    expect(untouched.rows).toEqual([{ csat: null, answered_at: null }]);
    expect((await answerAs(buyer, 5)).answerSurvey).toEqual({ __typename: 'Survey', csat: 5 });
  });

  it('warns before and flags the breach of a first-response target, escalating the conversation', async () => {
    const { openConversation } = await gateway.data<{ openConversation: { id: string; priority: string } }>(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id priority } }`,
      { i: { channel: 'email', contact: 'vip@example.com', text: '紧急：明天的活动礼服还没收到，能加急处理吗', priority: 'URGENT' } },
      agentRole,
    );
    // URGENT: one business minute to answer (the suite's calendar is open around the clock).
    const alerts = await eventually(
      async () =>
        (
          await gateway.data<{ conversationById: { escalationLevel: number; slaAlerts: Array<{ target: string; kind: string; level: number }> } }>(
            `query($id: ID!) { conversationById(id: $id) { escalationLevel slaAlerts { target kind level } } }`,
            { id: openConversation.id },
            agentRole,
          )
        ).conversationById,
      (c) => c.slaAlerts.some((a) => a.kind === 'BREACH'),
      { what: 'the first-response breach', timeoutMs: 90_000, intervalMs: 1000 },
    );
    expect(alerts.slaAlerts.filter((a) => a.target === 'FIRST_RESPONSE').map((a) => [a.kind, a.level])).toEqual([
      ['WARNING', 0],
      ['BREACH', 1],
    ]);
    expect(alerts.escalationLevel).toBe(1);
    const events = await db.query(
      `SELECT type FROM customer_service.outbox WHERE payload->>'conversationId' = $1 AND type LIKE 'customer-service.sla.%' ORDER BY id`,
      [openConversation.id],
    );
    expect(events.rows.map((r) => r.type)).toEqual(['customer-service.sla.warning.v1', 'customer-service.sla.breached.v1']);
  }, 120_000);

  it('refuses bad input with the field named', async () => {
    const bad = await gateway.query(
      `mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }`,
      { i: { channel: 'fax', contact: '', text: 'x' } },
      agentRole,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['channel', 'contact'] });
    const unknown = await gateway.data<{ claimConversation: { __typename: string } }>(
      `mutation { claimConversation(conversationId: "${randomUUID()}", agentCode: "nobody") { __typename } }`,
      {},
      agentRole,
    );
    expect(unknown.claimConversation.__typename).toBe('NotFoundError');
    const forbidden = await gateway.query(`{ agents { code } }`, {}, { role: 'analyst' });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
