import type { TransactionContext } from '@shopops/platform';
import { loadCustomerServiceConfig } from '../customer-service.config';
import { SlaService, type SlaTarget } from './sla.service';

/** The SLA watch over one conversation, its statements answered in memory. */
function watchOne(env: Record<string, string>, conversation: { topic: string; opened_at: Date; first_response_due_at: Date }) {
  const config = loadCustomerServiceConfig({ CS_BUSINESS_HOURS: 'mon-fri 09:00-18:00', ...env });
  const sla = new SlaService(undefined as never, undefined as never, config.calendar, config);
  const emitted: Array<{ type: string; payload: { target: SlaTarget; escalationLevel: number } }> = [];
  const em = {
    query: async (sql: string, parameters: unknown[]) => {
      if (sql.includes('FROM conversation c'))
        return [
          {
            id: 'c1',
            priority: 'NORMAL',
            tier_code: null,
            awaiting_reply_since: null,
            next_response_due_at: null,
            resolution_due_at: null,
            escalation_level: 0,
            owner_code: null,
            ...conversation,
          },
        ];
      if (sql.startsWith('INSERT INTO sla_event')) return [{ level: parameters[3] }];
      return [];
    },
  };
  const tx = { em, emit: (definition: { type: string }, payload: never) => emitted.push({ type: definition.type, payload }) } as unknown as TransactionContext;
  return async (now: Date) => {
    emitted.length = 0;
    await sla.check(tx, now);
    return emitted.map((e) => `${e.type.split('.')[2]}:${e.payload.escalationLevel}`);
  };
}

describe('SLA watch', () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  // Friday 17:58 with a 3-minute first response: 2 minutes on Friday, 1 on Monday → due Monday 09:01 (63 wall-clock hours later).
  const pre = { topic: 'PRE_SALES', opened_at: at('2026-11-27T17:58:00'), first_response_due_at: at('2026-11-30T09:01:00') };

  it('warns after the share of the target in business time, not of its wall-clock length', async () => {
    const watch = watchOne({}, pre);
    // Monday 09:00: 2 of 3 business minutes gone (under 80%), though 99% of the wall-clock span has passed.
    expect(await watch(at('2026-11-30T09:00:00'))).toEqual([]);
    expect(await watch(at('2026-11-30T09:00:30'))).toEqual(['warning:0']);
  });

  it('escalates a level per further target length overdue in business minutes', async () => {
    const watch = watchOne({}, pre);
    expect(await watch(at('2026-11-30T09:01:00'))).toEqual(['breached:1']);
    expect(await watch(at('2026-11-30T09:03:59'))).toEqual(['breached:1']);
    // 4 business minutes overdue: more than one 3-minute target length.
    expect(await watch(at('2026-11-30T09:05:00'))).toEqual(['breached:2']);
    expect(await watch(at('2026-11-30T09:07:00'))).toEqual(['breached:3']);
    expect(await watch(at('2026-11-30T12:00:00'))).toEqual(['breached:3']);
  });

  it('caps escalation at CS_SLA_MAX_ESCALATION_LEVEL', async () => {
    const watch = watchOne({ CS_SLA_MAX_ESCALATION_LEVEL: '5' }, pre);
    expect(await watch(at('2026-11-30T09:11:00'))).toEqual(['breached:4']);
    expect(await watch(at('2026-11-30T12:00:00'))).toEqual(['breached:5']);
  });

  it('counts after-sales targets in natural time', async () => {
    const opened = at('2026-11-27T17:58:00');
    const watch = watchOne({}, { topic: 'AFTER_SALES', opened_at: opened, first_response_due_at: new Date(opened.getTime() + 48 * 3_600_000) });
    expect(await watch(new Date(opened.getTime() + 95 * 3_600_000))).toEqual(['breached:1']);
    expect(await watch(new Date(opened.getTime() + 96 * 3_600_000))).toEqual(['breached:2']);
  });
});
