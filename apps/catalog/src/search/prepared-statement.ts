import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a named statement on the service's connection pool: each connection parses and keeps it
 * the first time, and PostgreSQL may settle on one plan for it, so a hot statement skips the
 * parse (and often the planning) after that. It is still counted like every other statement.
 */
export async function preparedRows<Row>(dataSource: DataSource, statement: { name: string; text: string; values: unknown[] }): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  if (dataSource.logger && dataSource.options.logging) dataSource.logger.logQuery(statement.text, statement.values);
  const result = await pool.query({ name: statement.name, text: statement.text, values: statement.values });
  return result.rows as Row[];
}
