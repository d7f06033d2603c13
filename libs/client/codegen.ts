/**
 * How the typed client is generated: the API schema (what the gateway serves: the supergraph
 * without its federation machinery), the operations the flow tests and the demo seeder send,
 * and graphql-codegen's client preset. `npm run client` writes the output; client.spec.ts
 * generates it again in memory and fails when what is committed is stale.
 */
import { Supergraph, printSchema } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { join, relative } from 'node:path';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');
/** Written by `npm run compose`. */
export const SUPERGRAPH_FILE = join(REPOSITORY_ROOT, 'generated', 'supergraph.graphql');
/** The published API schema: what frontend teams generate their own clients from. */
export const API_SCHEMA_FILE = join(REPOSITORY_ROOT, 'libs', 'client', 'schema.graphql');
/** The client preset's output, committed; its files are named by the preset. */
export const OUTPUT_DIR = join(REPOSITORY_ROOT, 'libs', 'client', 'src', 'gql');
/** Where the operations are written: `graphql(`…`)` calls in these files. */
export const DOCUMENTS = ['test/flows/*.e2e-spec.ts', 'scripts/seed-demo.ts', 'scripts/demo/*.ts'];
export const REFRESH_COMMAND = 'npm run client';

const HEADER = `# The API schema the gateway serves, printed from generated/supergraph.graphql.\n# Do not edit: \`${REFRESH_COMMAND}\` writes it.\n\n`;

/** The supergraph's API schema as SDL: join and link directives and their types removed, @inaccessible applied. */
export function apiSchemaOf(supergraphSdl: string): string {
  return HEADER + printSchema(Supergraph.build(supergraphSdl).apiSchema());
}

/** One config for `npm run client` and for the staleness check, so both generate the same files. */
export function codegenConfig(apiSchemaSdl: string): CodegenConfig {
  return {
    schema: apiSchemaSdl,
    documents: DOCUMENTS.map((glob) => join(REPOSITORY_ROOT, glob)),
    ignoreNoDocuments: false,
    generates: {
      [`${relative(REPOSITORY_ROOT, OUTPUT_DIR)}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          // Type-only imports: nothing of codegen is needed at run time.
          useTypeImports: true,
          // String unions, so callers pass 'FLASH_SALE' as the API does, with no enum import.
          enumsAsTypes: true,
          scalars: { DateTime: { input: 'string', output: 'string' } },
          avoidOptionals: false,
        },
      },
    },
    silent: true,
    cwd: REPOSITORY_ROOT,
  };
}

export interface GeneratedFile {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

/** Runs codegen without writing: the files the committed client should be. */
export async function generateClient(apiSchemaSdl: string): Promise<GeneratedFile[]> {
  // Loaded here, not on import: the CLI's ESM-only dependencies cannot load inside Jest, which
  // is why the staleness check runs this module in a child process.
  const { generate } = await import('@graphql-codegen/cli');
  const outputs = (await generate(codegenConfig(apiSchemaSdl), false)) as Array<{ filename: string; content: string }>;
  return outputs
    .map(({ filename, content }) => ({ path: relative(REPOSITORY_ROOT, join(REPOSITORY_ROOT, filename)), content }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Paths whose committed content differs from `generated`, and committed files it no longer has. */
export function staleFiles(generated: readonly GeneratedFile[], committed: ReadonlyMap<string, string>): string[] {
  const stale = generated.filter((file) => committed.get(file.path) !== file.content).map((file) => file.path);
  const wanted = new Set(generated.map((file) => file.path));
  return [...stale, ...[...committed.keys()].filter((path) => !wanted.has(path))].sort();
}
