import { ChannelOrderPaid, type ChannelOrderPayload, type EventEnvelope } from '@shopops/contracts';
import { RequestContext, TransactionContext } from '@shopops/platform';
import type { EntityManager } from 'typeorm';
import type { CouponsService } from '../coupons/coupons.service';
import type { MembersService } from '../members/members.service';
import type { MembershipConfig } from '../membership.config';
import type { PointsLedger } from '../points/points-ledger';
import type { TiersService } from '../tiers/tiers.service';
import { MemberOrdersHandler } from './member-orders.handler';

/** Records what a batch locks and writes, in order, against a database that answers just enough. */
function recordingTransaction(statements: Array<{ sql: string; params: unknown[] }>): TransactionContext {
  const query = async (statement: string | { text: string }, params: unknown[] = []): Promise<unknown[]> => {
    const sql = typeof statement === 'string' ? statement : statement.text;
    statements.push({ sql, params });
    if (sql.includes('INSERT INTO member_order')) {
      const [channels, orderIds, memberIds, totals, paidAts] = params as [string[], string[], string[], number[], Array<Date | null>];
      return channels.map((channel, i) => ({
        channel,
        order_id: orderIds[i],
        member_id: memberIds[i],
        total_fen: totals[i],
        paid_at: paidAts[i],
        completed_at: null,
        cancelled: false,
        refunded_fen: 0,
        old_spend_fen: 0,
        counts_since: new Date(0),
      }));
    }
    if (sql.includes('FOR UPDATE')) {
      const ids = params[0] as string[];
      return ids.map((id) => ({
        id,
        status: 'ACTIVE',
        tier_code: 'BASIC',
        lifetime_tier: false,
        tier_review_at: new Date(),
        birthday_month: null,
        interaction_score: 0,
      }));
    }
    return [];
  };
  return new TransactionContext(RequestContext.system('lock-order'), { query } as unknown as EntityManager);
}

const paid = (platformUserId: string, orderId: string): EventEnvelope<ChannelOrderPayload> => ({
  id: `event-${orderId}`,
  type: ChannelOrderPaid.type,
  producer: 'gateway',
  occurredAt: '2026-11-11T00:00:03+08:00',
  payload: {
    orderId,
    buyer: { platformUserId },
    lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 0 }],
    totalFen: 0,
    region: '310000',
    placedAt: '2026-11-11T00:00:01+08:00',
    channel: 'taobao',
    occurredAt: '2026-11-11T00:00:03+08:00',
    deliveryId: `msg_${orderId}`,
  },
});

describe('MemberOrdersHandler lock order', () => {
  const memberOfUser: Record<string, string> = { tb_ann: '11111111-0000-0000-0000-000000000000', tb_bo: '22222222-0000-0000-0000-000000000000' };

  async function lockTrace(events: Array<EventEnvelope<ChannelOrderPayload>>) {
    const resolved: string[][] = [];
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const members = {
      membersForBuyers: async (_tx: TransactionContext, buyers: Array<{ platform: string; buyer: { platformUserId: string } }>) => {
        resolved.push([...new Set(buyers.map((b) => b.buyer.platformUserId))].sort());
        return new Map(buyers.map((b) => [`${b.platform}\u0000${b.buyer.platformUserId}`, memberOfUser[b.buyer.platformUserId]]));
      },
    } as unknown as MembersService;
    const config = {
      dormantAfterDays: 90,
      earnRates: {},
      baseEarnRate: 1,
      birthdayMultiplier: 2,
      pendingFallbackDays: 30,
      downgradeGraceDays: 30,
    } as unknown as MembershipConfig;
    // Orders of 0 fen earn nothing: the trace is the handler's own statements.
    const ledger = { doneOperations: async () => new Set<string>(), earnPendingMany: async () => new Set<string>() } as unknown as PointsLedger;
    const tiers = {
      activeScheme: async () => ({ code: 'S', name: 'S', reviewMonths: 12, tiers: [] }),
      applyDecisions: async () => undefined,
    } as unknown as TiersService;
    const handler = new MemberOrdersHandler(members, ledger, tiers, {} as CouponsService, config);
    await handler.applyOrderEvents(recordingTransaction(statements), events);
    const locks = statements.flatMap(({ sql, params }) =>
      sql.includes('FOR UPDATE')
        ? [`lock ${(params[0] as string[]).join(',')}`]
        : sql.startsWith('UPDATE member ')
          ? [`update ${(params[0] as string[]).join(',')}`]
          : sql.includes('INSERT INTO member_order')
            ? (params[1] as string[]).map((orderId, i) => `order ${orderId}${(params[4] as unknown[])[i] ? ' paid' : ''}`)
            : [],
    );
    return { resolved, locks, statements: statements.length };
  }

  it('takes buyers, members and orders in one sorted order whatever order the events arrived in, one statement per table', async () => {
    const arrivals = [
      [paid('tb_bo', 'TB-2'), paid('tb_ann', 'TB-9'), paid('tb_bo', 'TB-1')],
      [paid('tb_ann', 'TB-9'), paid('tb_bo', 'TB-1'), paid('tb_bo', 'TB-2')],
    ];
    const [first, second] = await Promise.all(arrivals.map(lockTrace));
    expect(first).toEqual(second);
    expect(first.resolved).toEqual([['tb_ann', 'tb_bo']]);
    expect(first.locks).toEqual([
      `lock ${memberOfUser.tb_ann},${memberOfUser.tb_bo}`,
      `update ${memberOfUser.tb_ann},${memberOfUser.tb_bo}`,
      'order TB-9 paid',
      'order TB-1 paid',
      'order TB-2 paid',
    ]);
    // Member lock, interactions, orders, rfm marks, members' spend: the same five statements for three events as for three hundred.
    expect(first.statements).toBe(5);
  });

  it('merges the facts of several events of the same order in their arrival order', async () => {
    const created = { ...paid('tb_ann', 'TB-5'), id: 'event-created', type: 'channel.order.created.v1' };
    const paidFirst = await lockTrace([paid('tb_ann', 'TB-5'), paid('tb_bo', 'TB-0'), created]);
    const createdFirst = await lockTrace([created, paid('tb_bo', 'TB-0'), paid('tb_ann', 'TB-5')]);
    expect(paidFirst.locks.filter((l) => l.startsWith('order TB-5'))).toEqual(['order TB-5 paid']);
    expect(createdFirst.locks.filter((l) => l.startsWith('order TB-5'))).toEqual(['order TB-5 paid']);
  });
});
