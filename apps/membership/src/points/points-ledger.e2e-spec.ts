import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createDataSource, createRootLogger, loadPlatformConfig, migrate, PlatformModule, RequestContext, UnitOfWork } from '@shopops/platform';
import { createDatabase, databaseUrl, dropDatabase, testPool, uniqueName } from '@shopops/testing';
import type { Pool } from 'pg';
import { loadMembershipConfig, MEMBERSHIP_CONFIG } from '../membership.config';
import { MEMBERSHIP_MIGRATIONS } from '../migrations';
import { PointsLedger } from './points-ledger';
import { EndOfFollowingYear, POINTS_EXPIRY } from './points-expiry.policy';

/** A seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296;
}

async function ledgerApp(database: string, policy: string): Promise<INestApplicationContext> {
  const env = { ...process.env, DATABASE_URL: databaseUrl(database), ROLE: 'api', LOG_LEVEL: 'silent', QUEUE_PREFIX: uniqueName('ledger') };
  @Module({
    imports: [PlatformModule.forService(loadPlatformConfig('membership', env, []), { entities: [], migrations: [], subgraph: false, subscriptions: {} })],
    providers: [
      PointsLedger,
      { provide: MEMBERSHIP_CONFIG, useValue: loadMembershipConfig({ MEMBERSHIP_CLAWBACK_POLICY: policy }) },
      { provide: POINTS_EXPIRY, useValue: new EndOfFollowingYear() },
    ],
  })
  class LedgerTestModule {}
  const app = await NestFactory.createApplicationContext(LedgerTestModule, { logger: false });
  await app.init();
  return app;
}

describe.each(['clamp-and-record-debt', 'allow-negative'])('points ledger under the %s clawback policy', (policy) => {
  let database: string;
  let app: INestApplicationContext;
  let db: Pool;

  beforeAll(async () => {
    createRootLogger('ledger-test', 'silent');
    database = await createDatabase(uniqueName('shopops_ledger'));
    await migrate(
      createDataSource({
        url: databaseUrl(database),
        schema: 'membership',
        poolSize: 1,
        entities: [],
        migrations: MEMBERSHIP_MIGRATIONS,
        applicationName: 'ledger-test',
      }),
      'membership',
    );
    db = testPool({ url: databaseUrl(database), max: 2 });
    app = await ledgerApp(database, policy);
  });

  afterAll(async () => {
    await app.close();
    await db.end();
    await dropDatabase(database);
  });

  /** Every member: balance = Σ entries = Σ active lots; pending and debt likewise. */
  async function checkInvariants(): Promise<void> {
    const { rows } = await db.query(`
      SELECT m.id, m.points_balance, m.points_pending, m.points_debt,
             coalesce((SELECT sum(delta) FROM membership.points_entry e WHERE e.member_id = m.id), 0)::int AS entry_balance,
             coalesce((SELECT sum(pending_delta) FROM membership.points_entry e WHERE e.member_id = m.id), 0)::int AS entry_pending,
             coalesce((SELECT sum(debt_delta) FROM membership.points_entry e WHERE e.member_id = m.id), 0)::int AS entry_debt,
             coalesce((SELECT sum(remaining) FROM membership.points_lot l WHERE l.member_id = m.id AND l.status = 'ACTIVE'), 0)::int AS active_lots,
             coalesce((SELECT sum(remaining) FROM membership.points_lot l WHERE l.member_id = m.id AND l.status = 'PENDING'), 0)::int AS pending_lots
        FROM membership.member m`);
    for (const r of rows) {
      expect({ id: r.id, balance: r.points_balance, pending: r.points_pending, debt: r.points_debt }).toEqual({
        id: r.id,
        balance: r.entry_balance,
        pending: r.entry_pending,
        debt: r.entry_debt,
      });
      expect(r.active_lots).toBe(r.points_balance);
      expect(r.pending_lots).toBe(r.points_pending);
      if (policy === 'clamp-and-record-debt') expect(r.points_balance).toBeGreaterThanOrEqual(0);
    }
    const bad = await db.query(`SELECT id FROM membership.points_lot WHERE kind <> 'DEBT' AND (remaining < 0 OR remaining > points)`);
    expect(bad.rows).toEqual([]);
  }

  it('keeps the balance equal to the ledger over thousands of random operations, replays included', async () => {
    const random = prng(policy.length * 7919);
    const uow = app.get(UnitOfWork);
    const ledger = app.get(PointsLedger);
    const ctx = RequestContext.system();
    const members = (await db.query(`INSERT INTO membership.member (nickname) SELECT 'm' || g FROM generate_series(1, 8) g RETURNING id`)).rows.map(
      (r) => r.id as string,
    );
    const earned: Array<{ memberId: string; key: string }> = [];
    const usedKeys: string[] = [];
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    let op = 0;
    for (; op < 2500; op++) {
      const memberId = pick(members);
      const roll = random();
      await uow.run(ctx, async (tx) => {
        if (roll < 0.3) {
          const key = `order:${op}`;
          await ledger.earnPending(tx, {
            memberId,
            key,
            points: 1 + Math.floor(random() * 500),
            source: 'order',
            channel: 'taobao',
            orderId: String(op),
            earnedAt: new Date(),
            maturesAt: new Date(Date.now() - (random() < 0.7 ? 1000 : -3600_000)),
          });
          earned.push({ memberId, key });
        } else if (roll < 0.45) {
          await ledger.matureDue(tx, 50);
        } else if (roll < 0.65) {
          const key = random() < 0.15 && usedKeys.length ? pick(usedKeys) : `spend:${op}`;
          usedKeys.push(key);
          await ledger.spend(tx, { memberId, key, points: 1 + Math.floor(random() * 300), source: 'spend' });
        } else if (roll < 0.72) {
          await ledger.grant(tx, { memberId, key: `bonus:${op}`, points: 1 + Math.floor(random() * 100), source: 'bonus', kind: 'BONUS' });
        } else if (roll < 0.87 && earned.length) {
          const lot = pick(earned);
          const share = random() < 0.3 ? 1 : Math.round(random() * 100) / 100;
          await ledger.reverseOrder(tx, { memberId: lot.memberId, key: `${lot.key}:reverse:${share}`, lotKey: lot.key, share, source: 'refund' });
        } else if (roll < 0.95) {
          await tx.em.query(
            `UPDATE points_lot SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM points_lot WHERE member_id = $1 AND status = 'ACTIVE' AND kind <> 'DEBT' ORDER BY random() LIMIT 1)`,
            [memberId],
          );
          await ledger.expireDue(tx, 50);
        } else if (members.length > 3) {
          const [from, to] = [members.pop() as string, pick(members.slice(0, -1))];
          await ledger.moveAll(tx, from, to, `merge:${op}`);
          for (const e of earned) if (e.memberId === from) e.memberId = to;
        }
      });
      if (op % 250 === 0) await checkInvariants();
    }
    await checkInvariants();
    const { rows } = await db.query(`SELECT count(*)::int AS entries FROM membership.points_entry`);
    expect(rows[0].entries).toBeGreaterThan(2000);
  });
});
