import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase, graphqlRequest, PROJECT_ROOT, uniqueName } from '@shopops/testing';

/**
 * `npm start` on an empty database: migrations, every service, the gateway and the demo shop.
 * Runs the real start script on shifted ports with its own database and queue prefix.
 */
describe('npm start', () => {
  it('brings up a working gateway with demo data on an empty database, and drains on SIGTERM', async () => {
    const database = await createDatabase(uniqueName('shopops_start'));
    const offset = 20_000 + Math.floor(Math.random() * 20_000);
    const output: string[] = [];
    const suite = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'start-suite.js')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(database), QUEUE_PREFIX: uniqueName('start'), PORT_OFFSET: String(offset), LOG_LEVEL: 'warn' },
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
      const log = output.join('');
      expect(log).toContain('demo catalog: 200 products');
      const gateway = `http://127.0.0.1:${4000 + offset}`;
      // Demo products are drafts (not on sale): the whole range is for staff.
      const products = await graphqlRequest<{ products: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }>(gateway, `{ products(first: 100) { nodes { code } pageInfo { hasNextPage } } }`, {}, { role: 'operator' });
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
    } finally {
      suite.kill('SIGTERM');
      const code = await exited;
      await dropDatabase(database);
      expect(code).toBe(0);
    }
  });
});
