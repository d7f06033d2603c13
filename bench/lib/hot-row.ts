/**
 * Reserving units of one hot SKU with PostgreSQL alone, in a scratch schema of the bench's
 * database (a stock row and a reservation table with the same keys as inventory's):
 * - `rowLockReservations`: what a team would otherwise build — each caller's reservation is its
 *   own transaction, one conditional `UPDATE … RETURNING` on the stock row and the reservation
 *   INSERT — run by `callers` connections at once;
 * - `groupCommitFloor`: the same rows with `batch` reservations per transaction from one
 *   connection: what the disk and the row lock allow at best.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { closedLoop, round, type LoadResult } from './load';

const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS hot_row;
  CREATE TABLE IF NOT EXISTS hot_row.stock (sku_code text PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL, CHECK (reserved <= on_hand));
  CREATE TABLE IF NOT EXISTS hot_row.reservation (channel text NOT NULL, order_id text NOT NULL, sku_code text NOT NULL, quantity int NOT NULL,
    status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (channel, order_id));`;

async function prepare(url: string, sku: string): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query(SCHEMA);
  await pool.query(`INSERT INTO hot_row.stock VALUES ($1, 100000000, 0)`, [sku]);
  return pool;
}

export async function rowLockReservations(url: string, callers: number, seconds: number): Promise<LoadResult> {
  const sku = `HOT-${randomUUID()}`;
  const setup = await prepare(url, sku);
  const pool = new Pool({ connectionString: url, max: callers });
  try {
    return await closedLoop({
      concurrency: callers,
      durationMs: seconds * 1000,
      warmupMs: 1000,
      task: async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const taken = await client.query(
            `UPDATE hot_row.stock SET reserved = reserved + 1 WHERE sku_code = $1 AND on_hand - reserved >= 1 RETURNING reserved`,
            [sku],
          );
          if (taken.rowCount === 1) {
            await client.query(`INSERT INTO hot_row.reservation (channel, order_id, sku_code, quantity, status) VALUES ('mall', $1, $2, 1, 'RESERVED')`, [
              `RL-${randomUUID()}`,
              sku,
            ]);
          }
          await client.query('COMMIT');
          return taken.rowCount === 1;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    });
  } finally {
    await pool.end();
    await setup.end();
  }
}

/** Reservations per second with `batch` per transaction, one connection. */
export async function groupCommitFloor(url: string, batch: number, seconds: number): Promise<number> {
  const sku = `HOT-${randomUUID()}`;
  const pool = await prepare(url, sku);
  try {
    let done = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      const orders = Array.from({ length: batch }, () => `GC-${randomUUID()}`);
      await pool.query('BEGIN');
      await pool.query(`UPDATE hot_row.stock SET reserved = reserved + $2 WHERE sku_code = $1 AND on_hand - reserved >= $2`, [sku, batch]);
      await pool.query(
        `INSERT INTO hot_row.reservation (channel, order_id, sku_code, quantity, status) SELECT 'mall', o, $2, 1, 'RESERVED' FROM unnest($1::text[]) AS o`,
        [orders, sku],
      );
      await pool.query('COMMIT');
      done += batch;
    }
    return round(done / ((performance.now() - started) / 1000), 1);
  } finally {
    await pool.query('DROP SCHEMA hot_row CASCADE');
    await pool.end();
  }
}
