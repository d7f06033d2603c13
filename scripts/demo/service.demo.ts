import { graphql } from '@shopops/client';
import { expectResult, inParallel, type DemoContext } from './demo-context';
import type { ShopHistory } from './shop-history';

const HOW_LONG_MS = 120_000;

const Conversations = graphql(`
  query DemoConversations {
    conversations(first: 200) {
      id
      status
    }
  }
`);
const ResolveConversation = graphql(`
  mutation DemoResolveConversation($id: ID!) {
    setConversationStatus(conversationId: $id, status: RESOLVED) {
      __typename
      ... on ErrorResult {
        message
      }
    }
  }
`);
const OpenReturn = graphql(`
  mutation DemoOpenReturn($input: OpenCaseInput!) {
    openAfterSalesCase(input: $input) {
      __typename
      ... on ErrorResult {
        message
      }
    }
  }
`);
const TaobaoMember = graphql(`
  query DemoTaobaoMember($id: String!) {
    memberByIdentity(platform: "taobao", platformUserId: $id) {
      id
    }
  }
`);
const GrantPoints = graphql(`
  mutation DemoGrantPoints($input: PointsChangeInput!) {
    grantPoints(input: $input) {
      __typename
    }
  }
`);
const LockGold = graphql(`
  mutation DemoLockGold($id: ID!) {
    lockLifetimeTier(memberId: $id, tierCode: "gold")
  }
`);
const GoldPicks = graphql(`
  query DemoGoldPicks {
    picksForTier(tier: "gold", first: 1) {
      skuCode
    }
  }
`);

/** Retries `attempt` until it answers something (the service has not heard of the order or member yet), within two minutes. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + HOW_LONG_MS;
  for (;;) {
    const answer = await attempt();
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`demo ${what}: still unknown after two minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * After-sales as the team works it: two thirds of the open conversations resolved, returns opened
 * for the complaints of the pilling knitwear, and member-day points for the most loyal buyers.
 */
export async function seedAfterSales(ctx: DemoContext, history: ShopHistory, conversations: number, shipped: ReadonlySet<string>): Promise<void> {
  const all = await eventually('conversations', async () => {
    const data = await ctx.request(Conversations, {}, 'cs_agent');
    return data.conversations.length >= conversations ? data.conversations : undefined;
  });
  const toResolve = all.filter((c, i) => (c.status === 'OPEN' || c.status === 'PENDING') && i % 3 !== 2);
  await inParallel(toResolve, 4, async ({ id }) => {
    const data = await ctx.request(ResolveConversation, { id }, 'cs_agent');
    expectResult('resolving a conversation', data.setConversationStatus, 'Conversation');
  });
  // Returns come back only on goods that left.
  const complaints = history.orders.filter((o) => shipped.has(o.orderId) && o.lines[0].skuCode.startsWith('LX-KNIT-')).slice(-6);
  await inParallel(complaints, 3, async (order) => {
    const line = order.lines[0];
    await eventually('after-sales case', async () => {
      const data = await ctx.request(
        OpenReturn,
        {
          input: {
            kind: 'RETURN',
            channel: order.channel,
            orderId: order.orderId,
            skuCode: line.skuCode,
            quantity: 1,
            amountFen: line.unitPriceFen,
            reasonCategory: 'QUALITY',
            reason: '面料起球',
          },
        },
        'cs_agent',
      );
      // Customer service has not heard of the order, or of its shipping, yet.
      if (data.openAfterSalesCase.__typename === 'NotFoundError' || data.openAfterSalesCase.__typename === 'OrderNotShippedError') return undefined;
      expectResult('after-sales case', data.openAfterSalesCase, 'AfterSalesCase');
      return true;
    });
  });
  // The most loyal Taobao buyers get member-day points on top of what their orders earned.
  const orders = new Map<string, number>();
  for (const o of history.orders)
    if (o.paidAt !== undefined && o.channel === 'taobao') orders.set(o.buyer.platformUserId, (orders.get(o.buyer.platformUserId) ?? 0) + 1);
  const loyal = [...orders].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const memberIds: string[] = [];
  await inParallel(loyal, 4, async ([platformUserId], index) => {
    const member = await eventually('member', async () => {
      const data = await ctx.request(TaobaoMember, { id: platformUserId }, 'operator');
      return data.memberByIdentity ?? undefined;
    });
    const data = await ctx.request(
      GrantPoints,
      { input: { memberId: member.id, points: 500, reason: '会员日礼遇', idempotencyKey: `demo-member-day-${platformUserId}` } },
      'operator',
    );
    expectResult('member-day points', data.grantPoints, 'PointsBalance');
    memberIds[index] = member.id;
  });
  // The three most loyal are gold for life (the shop's VIPs), so the tier's picks have buyers.
  const gold = memberIds.slice(0, 3);
  for (const memberId of gold) {
    const locked = await ctx.request(LockGold, { id: memberId }, 'admin');
    if (!locked.lockLifetimeTier) throw new Error(`demo gold tier refused for ${memberId}`);
  }
  await eventually('gold tier picks', async () => {
    const data = await ctx.request(GoldPicks, {}, 'analyst');
    return data.picksForTier.length > 0 ? true : undefined;
  });
  ctx.log(
    `after-sales: ${toResolve.length} conversations resolved, ${complaints.length} return cases, member-day points for ${loyal.length} loyal buyers, ${gold.length} of them gold for life`,
  );
}
