/**
 * The one place raw SQL results get their types. Statements stay hand-written and
 * parameterised (`$1`, `$2`…); callers name the row shape once, at the call, instead of
 * casting what `query()` returns. Works on a DataSource, an EntityManager or a transaction's.
 */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** TypeORM answers UPDATE and DELETE with `[rows, affectedCount]` and everything else with the rows. */
function isRowsAndCount(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

/** Rows of a SELECT, or of an INSERT/UPDATE/DELETE … RETURNING. */
export async function selectRows<Row>(db: Queryable, sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const result = await db.query(sql, [...parameters]);
  if (isRowsAndCount(result)) return result[0] as Row[];
  return (Array.isArray(result) ? result : []) as Row[];
}

/** The first row, or undefined when there is none. */
export async function selectRow<Row>(db: Queryable, sql: string, parameters: readonly unknown[] = []): Promise<Row | undefined> {
  return (await selectRows<Row>(db, sql, parameters))[0];
}

/** Runs a statement for its effect; answers how many rows an UPDATE or DELETE touched (else the rows returned). */
export async function execute(db: Queryable, sql: string, parameters: readonly unknown[] = []): Promise<number> {
  const result = await db.query(sql, [...parameters]);
  if (isRowsAndCount(result)) return result[1];
  return Array.isArray(result) ? result.length : 0;
}
