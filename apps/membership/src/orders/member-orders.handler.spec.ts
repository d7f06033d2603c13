import { ChannelOrderPaid, type ChannelOrderPayload, type EventEnvelope } from '@shopops/contracts';
import { RequestContext, TransactionContext } from '@shopops/platform';
import type { EntityManager } from 'typeorm';
import type { CouponsService } from '../coupons/coupons.service';
import type { MembersService } from '../members/members.service';
import type { MembershipConfig } from '../membership.config';
import type { PointsLedger } from '../points/points-ledger';
import type { TiersService } from '../tiers/tiers.service';
import { MemberOrdersHandler } from './member-orders.handler';

/** Records what a batch locks, in order, against a database that answers just enough. */
function recordingTransaction(statements: Array<{ sql: string; params: unknown[] }>): TransactionContext {
  const query = async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
    statements.push({ sql, params });
    if (sql.includes('INSERT INTO member_order')) {
      const [channel, orderId, memberId, totalFen] = params;
      return [{ channel, order_id: orderId, member_id: memberId, total_fen: totalFen, paid_at: null, completed_at: null, cancelled: false, refunded_fen: 0 }];
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
    const resolved: string[] = [];
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const members = {
      memberForBuyer: async (_tx: TransactionContext, _platform: string, buyer: { platformUserId: string }) => {
        resolved.push(buyer.platformUserId);
        return memberOfUser[buyer.platformUserId];
      },
      // The member's row is written where the real service writes it: traced like the handler's own statements.
      recordInteraction: async (_tx: TransactionContext, memberId: string, at: Date) => {
        statements.push({ sql: 'UPDATE member SET last_interaction_at', params: [memberId, at] });
      },
    } as unknown as MembersService;
    const handler = new MemberOrdersHandler(members, {} as PointsLedger, {} as TiersService, {} as CouponsService, {} as MembershipConfig);
    await handler.applyOrderEvents(recordingTransaction(statements), events);
    const locks = statements.flatMap(({ sql, params }) =>
      sql.includes('FOR UPDATE')
        ? [`lock ${(params[0] as string[]).join(',')}`]
        : sql.startsWith('UPDATE member ')
          ? [`update ${params[0] as string}`]
          : sql.includes('INSERT INTO member_order')
            ? [`order ${params[1] as string}${params[4] ? ' paid' : ''}`]
            : [],
    );
    return { resolved, locks };
  }

  it('takes buyers, members and orders in one sorted order whatever order the events arrived in', async () => {
    const arrivals = [
      [paid('tb_bo', 'TB-2'), paid('tb_ann', 'TB-9'), paid('tb_bo', 'TB-1')],
      [paid('tb_ann', 'TB-9'), paid('tb_bo', 'TB-1'), paid('tb_bo', 'TB-2')],
    ];
    const [first, second] = await Promise.all(arrivals.map(lockTrace));
    expect(first).toEqual(second);
    expect(first.resolved).toEqual(['tb_ann', 'tb_bo']);
    expect(first.locks).toEqual([
      `lock ${memberOfUser.tb_ann},${memberOfUser.tb_bo}`,
      `update ${memberOfUser.tb_ann}`,
      'order TB-9 paid',
      `update ${memberOfUser.tb_bo}`,
      'order TB-1 paid',
      `update ${memberOfUser.tb_bo}`,
      'order TB-2 paid',
    ]);
  });

  it('keeps the arrival order of events of the same order', async () => {
    const created = { ...paid('tb_ann', 'TB-5'), id: 'event-created', type: 'channel.order.created.v1' };
    const paidFirst = await lockTrace([paid('tb_ann', 'TB-5'), paid('tb_bo', 'TB-0'), created]);
    const createdFirst = await lockTrace([created, paid('tb_bo', 'TB-0'), paid('tb_ann', 'TB-5')]);
    expect(paidFirst.locks.filter((l) => l.startsWith('order TB-5'))).toEqual(['order TB-5 paid', 'order TB-5']);
    expect(createdFirst.locks.filter((l) => l.startsWith('order TB-5'))).toEqual(['order TB-5', 'order TB-5 paid']);
  });
});
