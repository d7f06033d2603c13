import { selectRows, type TransactionContext } from '@shopops/platform';

/**
 * Rows of a statement PostgreSQL parses and plans once per connection (pg's named statements):
 * the hot per-batch statements of event handlers skip the parse and plan on every call. A name
 * must always carry the same text. It still goes through the transaction's query runner, so it
 * is counted and logged like any other statement.
 */
export function preparedRows<Row>(tx: TransactionContext, name: string, text: string, parameters: readonly unknown[]): Promise<Row[]> {
  // pg takes a query config ({ name, text }) where TypeORM passes the SQL string on unchanged.
  const statement = { name, text } as unknown as string;
  return selectRows<Row>(tx.em, statement, parameters);
}
