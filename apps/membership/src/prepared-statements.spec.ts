import { RequestContext, TransactionContext } from '@shopops/platform';
import type { EntityManager } from 'typeorm';
import { preparedRows } from './prepared-statements';

describe('preparedRows', () => {
  it('hands pg a named statement that still reads as its SQL text', async () => {
    const seen: Array<{ statement: unknown; params: unknown[] }> = [];
    const em = { query: async (statement: unknown, params: unknown[]) => (seen.push({ statement, params }), [{ n: 2 }]) } as unknown as EntityManager;
    const tx = new TransactionContext(RequestContext.system('prepared'), em);

    expect(await preparedRows<{ n: number }>(tx, 'probe.add-one', 'SELECT $1::int + 1 AS n', [1])).toEqual([{ n: 2 }]);
    const [{ statement, params }] = seen;
    expect(statement).toMatchObject({ name: 'probe.add-one', text: 'SELECT $1::int + 1 AS n' });
    // TypeORM's slow-query log slices it; query counting and errors print it.
    expect(String(statement)).toBe('SELECT $1::int + 1 AS n');
    expect((statement as string).slice(0, 6)).toBe('SELECT');
    expect(params).toEqual([1]);
  });
});
