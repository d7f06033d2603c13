/**
 * Prints every subgraph's schema from its code (no database needed), composes them with
 * Apollo Federation 2 and writes generated/supergraph.graphql. Any composition error fails
 * the script, so a breaking subgraph change fails the build instead of production.
 */
import { composeServices } from '@apollo/composition';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMAIN_SERVICE_NAMES, SERVICES, type DomainServiceName } from '@shopops/contracts';
import { parse } from 'graphql';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const outDir = join(root, 'generated');

async function printSchema(service: DomainServiceName): Promise<string> {
  const main = join(root, 'dist', 'apps', service, 'src', 'main.js');
  const { stdout } = await run(process.execPath, [main, '--print-schema'], {
    cwd: root,
    maxBuffer: 32 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'error' },
  });
  return stdout;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const subgraphs = await Promise.all(
    DOMAIN_SERVICE_NAMES.map(async (name) => {
      const sdl = await printSchema(name);
      writeFileSync(join(outDir, `${name}.graphql`), sdl);
      return { name, url: `http://127.0.0.1:${SERVICES[name].defaultPort}/graphql`, typeDefs: parse(sdl) };
    }),
  );
  const result = composeServices(subgraphs);
  if (result.errors) {
    process.stderr.write(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}\n`);
    process.exit(1);
  }
  writeFileSync(join(outDir, 'supergraph.graphql'), result.supergraphSdl);
  const hints = result.hints.length ? ` (${result.hints.length} composition hints)` : '';
  process.stdout.write(`Composed ${subgraphs.length} subgraphs into generated/supergraph.graphql${hints}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
