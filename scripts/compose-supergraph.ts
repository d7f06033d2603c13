/**
 * Prints every subgraph's schema from its code (no database needed), composes them with
 * Apollo Federation 2 and writes generated/supergraph.graphql. Any composition error fails
 * the script, so a breaking subgraph change fails the build instead of production.
 *
 * Printing a schema boots the service's modules, which is most of the time a compose takes: a
 * subgraph whose built code (and the shared libraries and dependencies) hashes as last time
 * keeps its printed SDL, and the supergraph is composed again only when an SDL changed. The
 * hashes live in .cache/supergraph.json; `--force` prints and composes everything.
 */
import { composeServices } from '@apollo/composition';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DOMAIN_SERVICE_NAMES, SERVICES, type DomainServiceName } from '@shopops/contracts';
import { parse } from 'graphql';

const run = promisify(execFile);

export interface ComposeOptions {
  /** The repository: dist/ is read, generated/ and .cache/ written. */
  readonly root: string;
  readonly services?: readonly DomainServiceName[];
  /** Prints a subgraph's SDL (by default: its built main.js with --print-schema). */
  readonly print?: (service: DomainServiceName) => Promise<string>;
  readonly force?: boolean;
}

export interface ComposeOutcome {
  /** Subgraphs whose SDL was printed again: their code changed since the last compose. */
  readonly printed: DomainServiceName[];
  readonly composed: boolean;
}

interface ComposeCache {
  /** Per subgraph, the hash of what its SDL is printed from. */
  readonly inputs: Partial<Record<DomainServiceName, string>>;
  /** The hash of the SDLs the current supergraph was composed from. */
  readonly sdl?: string;
}

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Every built .js file under `dir` with its content, in a stable order. */
function hashTree(dir: string): string {
  if (!existsSync(dir)) return sha256('missing', dir);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return sha256(...files.flatMap((file) => [file.slice(dir.length), readFileSync(file, 'utf8')]));
}

function printFromBuild(root: string): (service: DomainServiceName) => Promise<string> {
  return async (service) => {
    const main = join(root, 'dist', 'apps', service, 'src', 'main.js');
    const { stdout } = await run(process.execPath, [main, '--print-schema'], {
      cwd: root,
      maxBuffer: 32 * 1024 * 1024,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    return stdout;
  };
}

export async function composeSupergraph(options: ComposeOptions): Promise<ComposeOutcome> {
  const { root, services = DOMAIN_SERVICE_NAMES, print = printFromBuild(root), force = false } = options;
  const outDir = join(root, 'generated');
  const cacheFile = join(root, '.cache', 'supergraph.json');
  mkdirSync(outDir, { recursive: true });
  const cache: ComposeCache = !force && existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as ComposeCache) : { inputs: {} };
  // What every subgraph's SDL also depends on: the shared libraries and the installed dependencies.
  const lockFile = join(root, 'package-lock.json');
  const shared = sha256(hashTree(join(root, 'dist', 'libs')), existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : '');

  const printed: DomainServiceName[] = [];
  const inputs: Partial<Record<DomainServiceName, string>> = {};
  const subgraphs = await Promise.all(
    services.map(async (name) => {
      const sdlFile = join(outDir, `${name}.graphql`);
      inputs[name] = sha256(shared, hashTree(join(root, 'dist', 'apps', name)));
      let sdl: string;
      if (cache.inputs[name] === inputs[name] && existsSync(sdlFile)) {
        sdl = readFileSync(sdlFile, 'utf8');
      } else {
        sdl = await print(name);
        writeFileSync(sdlFile, sdl);
        printed.push(name);
      }
      return { name, url: `http://127.0.0.1:${SERVICES[name].defaultPort}/graphql`, sdl };
    }),
  );
  const sdlHash = sha256(...subgraphs.flatMap((subgraph) => [subgraph.name, subgraph.sdl]));
  const supergraphFile = join(outDir, 'supergraph.graphql');
  const composed = cache.sdl !== sdlHash || !existsSync(supergraphFile);
  if (composed) {
    const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
    if (result.errors) throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
    writeFileSync(supergraphFile, result.supergraphSdl);
  }
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify({ inputs, sdl: sdlHash } satisfies ComposeCache, null, 2)}\n`);
  return { printed: printed.sort(), composed };
}

if (require.main === module) {
  const started = Date.now();
  composeSupergraph({ root: join(__dirname, '..', '..'), force: process.argv.includes('--force') })
    .then(({ printed, composed }) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const what = printed.length ? `printed ${printed.join(', ')}` : 'no subgraph changed';
      process.stdout.write(
        composed
          ? `Composed ${DOMAIN_SERVICE_NAMES.length} subgraphs into generated/supergraph.graphql (${what}; ${seconds} s)\n`
          : `Supergraph up to date (${what}; ${seconds} s)\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
