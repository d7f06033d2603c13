/**
 * `npm run client`: prints the API schema from the composed supergraph (composing first when
 * generated/supergraph.graphql is missing) and writes libs/client/schema.graphql and the typed
 * operations in libs/client/src/gql/. With `--check` it writes nothing: it lists what is stale
 * and exits 1 (client.spec.ts runs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import {
  API_SCHEMA_FILE,
  OUTPUT_DIR,
  REFRESH_COMMAND,
  REPOSITORY_ROOT,
  SUPERGRAPH_FILE,
  apiSchemaOf,
  generateClient,
  staleFiles,
  type GeneratedFile,
} from './codegen';

/** What is committed now: the API schema and every file of the output folder. */
function committedClient(): Map<string, string> {
  const committed = new Map<string, string>();
  const entries = existsSync(OUTPUT_DIR) ? readdirSync(OUTPUT_DIR, { recursive: true, withFileTypes: true }) : [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    committed.set(relative(REPOSITORY_ROOT, path), readFileSync(path, 'utf8'));
  }
  if (existsSync(API_SCHEMA_FILE)) committed.set(relative(REPOSITORY_ROOT, API_SCHEMA_FILE), readFileSync(API_SCHEMA_FILE, 'utf8'));
  return committed;
}

async function main(check: boolean): Promise<void> {
  if (!existsSync(SUPERGRAPH_FILE)) {
    if (check) throw new Error(`generated/supergraph.graphql is missing: run \`npm run compose\` (npm test does) or \`${REFRESH_COMMAND}\``);
    process.stdout.write('generated/supergraph.graphql is missing: building and composing first\n');
    const inRoot = { cwd: REPOSITORY_ROOT, stdio: 'inherit' as const };
    execFileSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts', 'build-if-changed.js')], inRoot);
    execFileSync(process.execPath, [join(REPOSITORY_ROOT, 'dist', 'scripts', 'compose-supergraph.js')], inRoot);
  }
  const apiSchema = apiSchemaOf(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const files: GeneratedFile[] = [{ path: relative(REPOSITORY_ROOT, API_SCHEMA_FILE), content: apiSchema }, ...(await generateClient(apiSchema))];
  if (check) {
    const stale = staleFiles(files, committedClient());
    if (stale.length > 0) throw new Error(`The typed client is stale (${stale.join(', ')}): run \`${REFRESH_COMMAND}\` and commit the result.`);
    process.stdout.write(`The typed client is up to date (${files.length} files).\n`);
    return;
  }
  // Operations deleted from the sources must not survive as files of an earlier run.
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  for (const file of files) {
    const path = join(REPOSITORY_ROOT, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  process.stdout.write(`Wrote ${relative(REPOSITORY_ROOT, API_SCHEMA_FILE)} and ${files.length - 1} files in ${relative(REPOSITORY_ROOT, OUTPUT_DIR)}/\n`);
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
