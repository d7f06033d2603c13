import { selectRows, type TransactionContext } from '@shopops/platform';

/**
 * SQL text that pg sends as a named statement: PostgreSQL parses and plans it once per connection
 * instead of on every call. It is a String too, so TypeORM passes it on to pg unchanged and its
 * query counting and slow-query log read it as the SQL text.
 */
class NamedStatement extends String {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {
    super(text);
  }
}

/**
 * Rows of a hot per-batch statement, prepared once per connection. A name must always carry the
 * same text (pg refuses a second text under a name it prepared).
 */
export function preparedRows<Row>(tx: TransactionContext, name: string, text: string, parameters: readonly unknown[]): Promise<Row[]> {
  return selectRows<Row>(tx.em, new NamedStatement(name, text) as unknown as string, parameters);
}
