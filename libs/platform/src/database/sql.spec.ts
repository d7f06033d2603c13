import { TEST_SERVER_URL } from '@shopops/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { execute, selectRow, selectRows } from './sql';

describe('typed SQL helpers on a real TypeORM connection', () => {
  const dataSource = new DataSource({ type: 'postgres', url: TEST_SERVER_URL, extra: { max: 1 } });
  /** Each case in a transaction that rolls back, on a temporary table of its own. */
  const inTable = (work: (em: EntityManager) => Promise<void>) =>
    dataSource
      .transaction(async (em) => {
        await em.query(`CREATE TEMP TABLE parcel (id int PRIMARY KEY, state text NOT NULL) ON COMMIT DROP`);
        await em.query(`INSERT INTO parcel SELECT n, 'NEW' FROM generate_series(1, 5) AS n`);
        await work(em);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  class RolledBack extends Error {}

  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('answers the rows of a SELECT and the first row or undefined', () =>
    inTable(async (em) => {
      expect(await selectRows<{ id: number }>(em, `SELECT id FROM parcel WHERE id <= $1 ORDER BY id`, [2])).toEqual([{ id: 1 }, { id: 2 }]);
      expect(await selectRow<{ id: number }>(em, `SELECT id FROM parcel WHERE id = $1`, [3])).toEqual({ id: 3 });
      expect(await selectRow(em, `SELECT id FROM parcel WHERE id = $1`, [99])).toBeUndefined();
    }));

  it('answers the rows an UPDATE or DELETE … RETURNING touched, not TypeORM’s [rows, count] pair', () =>
    inTable(async (em) => {
      expect(await selectRows(em, `UPDATE parcel SET state = 'SHIPPED' WHERE id IN (1, 2) RETURNING id, state`)).toEqual([
        { id: 1, state: 'SHIPPED' },
        { id: 2, state: 'SHIPPED' },
      ]);
      expect(await selectRows(em, `DELETE FROM parcel WHERE id = 5 RETURNING id`)).toEqual([{ id: 5 }]);
      expect(await selectRows(em, `UPDATE parcel SET state = 'LOST' WHERE id = 99 RETURNING id`)).toEqual([]);
    }));

  it('counts what an UPDATE or DELETE changed, including nothing', () =>
    inTable(async (em) => {
      expect(await execute(em, `UPDATE parcel SET state = 'SHIPPED' WHERE id <= $1`, [3])).toBe(3);
      expect(await execute(em, `UPDATE parcel SET state = 'SHIPPED' WHERE id = 99`)).toBe(0);
      expect(await execute(em, `DELETE FROM parcel WHERE state = $1`, ['SHIPPED'])).toBe(3);
      expect(await selectRows(em, `SELECT id FROM parcel ORDER BY id`)).toEqual([{ id: 4 }, { id: 5 }]);
    }));

  it('works on the DataSource itself, outside a transaction', async () => {
    expect(await selectRow<{ answer: number }>(dataSource, `SELECT $1::int AS answer`, [42])).toEqual({ answer: 42 });
  });
});
