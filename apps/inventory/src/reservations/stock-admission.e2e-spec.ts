import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, receiveStock, stockOf, SuiteStack } from '@shopops/testing';
import type { PoolClient } from 'pg';

const RESERVE = `mutation($input: ReserveStockInput!) {
  reserveStock(input: $input) {
    __typename
    ... on Reservation { status }
    ... on InsufficientStockError { quantityAvailable }
  }
}`;

type Answer = { __typename: string; status?: string; quantityAvailable?: number } | 'failed';

/**
 * The admission counter lives in inventory's memory: a kill -9 between a caller's take and the
 * batch's commit must confirm nothing that was not stored, and the restarted process must count
 * from PostgreSQL (the units the dead callers took are not lost).
 */
describe('own-mall admission counter across a kill -9', () => {
  let stack: SuiteStack;
  let gateway: GatewayClient;

  // Counts trusted for a minute (default 1 s), so a slow shared machine cannot make them stale mid-test.
  const env = { LOG_LEVEL: 'warn', INVENTORY_ADMISSION_FRESH_MS: '60000' };

  beforeAll(async () => {
    stack = await SuiteStack.start({ name: 'stock-admission', services: ['catalog', 'inventory', 'gateway'], env });
    gateway = new GatewayClient(stack.gatewayUrl);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const reserve = async (orderId: string, skuCode: string): Promise<Answer> => {
    const response = await gateway.query<{ reserveStock: Exclude<Answer, 'failed'> }>(
      RESERVE,
      { input: { orderId, lines: [{ skuCode, quantity: 1 }] } },
      { role: 'operator' },
    );
    return response.data?.reserveStock ?? 'failed';
  };
  const storedStatus = async (orderId: string): Promise<string | null | undefined> =>
    (await stack.db().query(`SELECT status FROM inventory.reservation WHERE channel = 'mall' AND order_id = $1`, [orderId])).rows[0]?.status;

  it('confirms nothing unstored when killed mid-batch, and sells exactly the stock after the restart', async () => {
    const [sku] = await createSkus(gateway, 1, 9900, 'ADM');
    await receiveStock(gateway, sku, 'CENTRAL', 20);
    const early = Array.from({ length: 5 }, () => `ADM-${randomUUID()}`);
    for (const orderId of early) expect(await reserve(orderId, sku)).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });

    // Hold the stock rows, so the next batch takes its callers' units from the counter and then waits for the lock.
    const blocker: PoolClient = await stack.db().connect();
    let inFlight: string[] = [];
    let answers: Answer[] = [];
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM inventory.stock_level WHERE sku_code = $1 FOR UPDATE`, [sku]);
      inFlight = Array.from({ length: 10 }, () => `ADM-${randomUUID()}`);
      const pending = Promise.all(inFlight.map((orderId) => reserve(orderId, sku).catch((): Answer => 'failed')));
      await eventually(
        async () =>
          (
            await stack
              .db()
              .query(
                `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM stock_level%'`,
              )
          ).rows[0].waiting,
        (waiting) => waiting > 0,
        { what: 'a reservation batch waiting for the stock rows' },
      );
      await stack.stopProcess('inventory', 'SIGKILL');
      answers = await pending;
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // Whatever a caller was told, PostgreSQL has: here nobody was told yes, and nothing was stored.
    expect(answers.filter((a) => a !== 'failed' && a.__typename === 'Reservation')).toEqual([]);
    expect(await Promise.all(inFlight.map(storedStatus))).toEqual(inFlight.map(() => undefined));

    await stack.startProcess('inventory', { env });
    const race = Array.from({ length: 30 }, () => `ADM-${randomUUID()}`);
    const raced = await Promise.all(race.map((orderId) => reserve(orderId, sku)));
    const won = race.filter((_, i) => (raced[i] as Exclude<Answer, 'failed'>).__typename === 'Reservation');
    expect({ won: won.length, refused: raced.filter((a) => a !== 'failed' && a.__typename === 'InsufficientStockError').length }).toEqual({
      won: 15,
      refused: 15,
    });
    expect(await stockOf(gateway, sku)).toEqual({ onHand: 20, reserved: 20, available: 0 });
    expect(await Promise.all(won.map(storedStatus))).toEqual(won.map(() => 'RESERVED'));

    // Sold out: once the counter knows who holds the SKU, a new buyer is refused with no row written,
    // and a buyer who already holds it (a retry) still gets the reservation.
    await eventually(
      async () => {
        const orderId = `ADM-${randomUUID()}`;
        const answer = await reserve(orderId, sku);
        return { answer, stored: await storedStatus(orderId) };
      },
      (r) => r.answer !== 'failed' && r.answer.__typename === 'InsufficientStockError' && r.stored === undefined,
      { what: 'a refusal answered from the counter' },
    );
    const late = Array.from({ length: 10 }, () => `ADM-${randomUUID()}`);
    const lateAnswers = await Promise.all(late.map((orderId) => reserve(orderId, sku)));
    expect(lateAnswers).toEqual(late.map(() => ({ __typename: 'InsufficientStockError', quantityAvailable: 0 })));
    expect(await Promise.all(late.map(storedStatus))).toEqual(late.map(() => undefined));
    expect(await reserve(early[0], sku)).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });
    expect(await reserve(won[0], sku)).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });

    // Stock received in the same process is seen at once, not after the count's freshness window.
    await receiveStock(gateway, sku, 'CENTRAL', 1);
    expect(await reserve(`ADM-${randomUUID()}`, sku)).toMatchObject({ __typename: 'Reservation', status: 'RESERVED' });
  }, 240_000);
});
