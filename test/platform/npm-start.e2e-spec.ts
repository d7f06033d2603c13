import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, databaseUrl, dropDatabase, graphqlRequest, PROJECT_ROOT, shiftedPortOffset, TEST_SERVER_URL, uniqueName } from '@shopops/testing';

/** The processes `pid` started (its direct children), from /proc. */
function childProcesses(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
}

/** Runs the start script on shifted ports with its own database and queue prefix until "ready", then `check`, then SIGTERM. */
async function startSuite(env: Record<string, string>, check: (gateway: string, log: string, pid: number) => Promise<void>): Promise<void> {
  const database = await createDatabase(uniqueName('shopops_start'));
  const offset = shiftedPortOffset();
  const output: string[] = [];
  const suite = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'start-suite.js')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl(database), QUEUE_PREFIX: uniqueName('start'), PORT_OFFSET: String(offset), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  suite.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  suite.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => suite.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "ready" within 5 minutes:\n${output.join('').slice(-3000)}`)), 300_000);
      suite.stdout.on('data', () => output.join('').includes('[shopops] ready') && (clearTimeout(timer), resolve()));
      void exited.then((code) => reject(new Error(`npm start exited ${code}:\n${output.join('').slice(-3000)}`)));
    });
    await check(`http://127.0.0.1:${4000 + offset}`, output.join(''), suite.pid ?? 0);
  } finally {
    suite.kill('SIGTERM');
    const code = await exited;
    await dropDatabase(database);
    // On a failed drain the start script's own words say which service and why.
    expect({ code, output: code === 0 ? '' : output.join('').slice(-4000) }).toEqual({ code: 0, output: '' });
  }
}

/**
 * `npm start` on an empty database: migrations, every service, the gateway and the demo shop.
 * Runs the real start script on shifted ports with its own database and queue prefix.
 */
describe('npm start', () => {
  it('brings up a working gateway with demo data on an empty database, every service in one process, and drains on SIGTERM', async () => {
    await startSuite({}, async (gateway, log, pid) => {
      expect(log).toContain('demo catalog: 200 products');
      expect(log).toContain('[shopops] ready (one-process)');
      expect(childProcesses(pid)).toHaveLength(1);
      // Staff see the whole demo range, drafts included.
      const products = await graphqlRequest<{ products: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
        gateway,
        `{ products(first: 100) { nodes { code } pageInfo { hasNextPage } } }`,
        {},
        { role: 'operator' },
      );
      expect(products.data?.products.nodes).toHaveLength(100);
      expect(products.data?.products.pageInfo.hasNextPage).toBe(true);
      const sku = await graphqlRequest<{ sku: { product: { code: string }; stock: { onHand: number } } }>(
        gateway,
        `{ sku(code: "LX-DRESS-001-BLK-S") { product { code } stock { onHand } } }`,
        {},
        { role: 'operator' },
      );
      expect(sku.data?.sku.product.code).toBe('LX-DRESS-001');
      expect(sku.data?.sku.stock.onHand).toBeGreaterThan(0);
    });
  }, 420_000);

  it('runs one process per service with TOPOLOGY=per-service, answers through the gateway, and drains on SIGTERM', async () => {
    await startSuite({ TOPOLOGY: 'per-service', DEMO_DATA: 'off' }, async (gateway, log, pid) => {
      expect(log).toContain('[shopops] ready (per-service)');
      expect(childProcesses(pid)).toHaveLength(6);
      const products = await graphqlRequest<{ products: { totalCount: number } }>(gateway, `{ products(first: 1) { totalCount } }`, {}, { role: 'operator' });
      expect(products).toMatchObject({ status: 200, data: { products: { totalCount: 0 } } });
    });
  }, 420_000);

  it('refuses to start, naming the port and its service, when one of its ports is taken', async () => {
    const offset = shiftedPortOffset();
    const takenPort = 4002 + offset;
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(takenPort, '0.0.0.0', resolve));
    const database = uniqueName('shopops_taken');
    const output: string[] = [];
    try {
      const suite = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'start-suite.js')], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl(database), QUEUE_PREFIX: uniqueName('taken'), PORT_OFFSET: String(offset), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      suite.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      suite.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const code = await new Promise<number | null>((resolve) => suite.once('exit', (exitCode) => resolve(exitCode)));

      expect(code).toBe(1);
      expect(output.join('')).toContain(`port ${takenPort} (inventory) is already in use`);
      expect(output.join('')).not.toContain('[shopops] ready');
      // Nothing was started: not even the database was created.
      const admin = new Client({ connectionString: TEST_SERVER_URL });
      await admin.connect();
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]).finally(() => admin.end());
      expect(found.rowCount).toBe(0);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
