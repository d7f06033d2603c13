import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const GATEWAY_SRC = join(__dirname, '..');
/** The engine's own files: the only gateway code that may know where subgraphs listen. */
const ENGINE_FILES = new Set([
  'graphql/create-engine.ts',
  'graphql/gateway-engine.ts',
  'graphql/apollo-engine.ts',
  'graphql/hive-engine.ts',
  'graphql/subgraph-refusals.ts',
  'graphql/subgraph-connections.ts',
]);

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return entry.name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('gateway engine boundary', () => {
  it('only the federated engine reaches subgraphs: no other gateway code reads their URLs or signs their identity header', () => {
    const bypasses = productionFiles(GATEWAY_SRC)
      .map((file) => relative(GATEWAY_SRC, file))
      .filter((file) => !ENGINE_FILES.has(file) && file !== 'gateway.config.ts')
      .filter((file) => /subgraphUrls|signForwardedIdentity|IDENTITY_HEADER/.test(readFileSync(join(GATEWAY_SRC, file), 'utf8')));
    expect(bypasses).toEqual([]);
  });
});
