import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { harnessEnv, suiteEnv } from './harness-env';

/** Server to create test databases on (its `postgres` database is used for admin statements). */
export const TEST_SERVER_URL = harnessEnv.databaseServerUrl();

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/**
 * A small pool for a test's own reads of the suite's database. A teardown drops databases
 * WITH (FORCE), which can cut a connection the pool is still closing: that is not the test's error.
 */
export function testPool({ url = suiteEnv.databaseUrl(), max = 1 }: { url?: string; max?: number } = {}): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database; its name is generated, so interpolating it is safe. */
export async function createDatabase(name: string = uniqueName('shopops_test')): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
