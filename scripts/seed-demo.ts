/**
 * Loads the demo shop through the gateway when the catalog is empty (used by npm start and by
 * the docker-compose `seed` job). GATEWAY_URL defaults to http://127.0.0.1:4000.
 */
import 'reflect-metadata';
import type { Environment } from '@shopops/platform';
import { createDemoContext } from './demo/demo-context';
import { isEmpty, seedDemoData } from './demo';

/** `env` is the gateway's environment: its webhook secrets and JWT secret sign the demo's requests. */
export async function seedDemoIfEmpty(gatewayUrl: string, log: (line: string) => void, env: Environment = process.env): Promise<boolean> {
  const demo = createDemoContext(gatewayUrl, (line) => log(`demo ${line}`), env);
  if (!(await isEmpty(demo))) return false;
  log('empty database: loading demo data');
  await seedDemoData(demo);
  return true;
}

async function waitForGateway(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the gateway at ${url} did not become ready`);
}

if (require.main === module) {
  const url = process.env.GATEWAY_URL || 'http://127.0.0.1:4000';
  const log = (line: string): void => void process.stdout.write(`[seed] ${line}\n`);
  waitForGateway(url)
    .then(() => seedDemoIfEmpty(url, log))
    .then((seeded) => log(seeded ? 'demo data loaded' : 'database not empty: nothing to do'))
    .catch((error: unknown) => {
      process.stderr.write(`[seed] ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
