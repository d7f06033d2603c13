import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainServiceName } from '@shopops/contracts';
import { composeSupergraph } from '../../scripts/compose-supergraph';

const SERVICES: DomainServiceName[] = ['catalog', 'inventory'];

describe('compose-supergraph', () => {
  let root: string;
  /** Each subgraph's SDL as its code would print it; a spec changes one to change the schema. */
  const sdl: Record<string, string> = {};
  const print = jest.fn(async (service: DomainServiceName) => sdl[service]);
  const compose = (force = false) => composeSupergraph({ root, services: SERVICES, print, force });
  const build = (service: string, code: string) => writeFileSync(join(root, 'dist', 'apps', service, 'main.js'), code);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'compose-'));
    for (const service of SERVICES) mkdirSync(join(root, 'dist', 'apps', service), { recursive: true });
    mkdirSync(join(root, 'dist', 'libs'), { recursive: true });
    writeFileSync(join(root, 'dist', 'libs', 'platform.js'), 'exports.platform = 1;');
    build('catalog', 'exports.v = 1;');
    build('inventory', 'exports.v = 1;');
    sdl.catalog = 'type Query { products: [String] }';
    sdl.inventory = 'type Query { stock: Int }';
    print.mockClear();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prints and composes every subgraph the first time', async () => {
    expect(await compose()).toEqual({ printed: SERVICES, composed: true });
    expect(readFileSync(join(root, 'generated', 'supergraph.graphql'), 'utf8')).toContain('stock: Int');
  });

  it('prints nothing and composes nothing when no built code changed', async () => {
    await compose();
    print.mockClear();
    expect(await compose()).toEqual({ printed: [], composed: false });
    expect(print).not.toHaveBeenCalled();
  });

  it('prints only the subgraph whose code changed, and composes only when its SDL changed', async () => {
    await compose();
    build('catalog', 'exports.v = 2; // a resolver changed, not the schema');
    expect(await compose()).toEqual({ printed: ['catalog'], composed: false });

    build('catalog', 'exports.v = 3;');
    sdl.catalog = 'type Query { products: [String] collections: [String] }';
    expect(await compose()).toEqual({ printed: ['catalog'], composed: true });
    expect(readFileSync(join(root, 'generated', 'supergraph.graphql'), 'utf8')).toContain('collections');
  });

  it('prints every subgraph again when the shared libraries change, and on --force', async () => {
    await compose();
    writeFileSync(join(root, 'dist', 'libs', 'platform.js'), 'exports.platform = 2;');
    expect((await compose()).printed).toEqual(SERVICES);
    expect(await compose(true)).toEqual({ printed: SERVICES, composed: true });
  });

  it('composes again when the supergraph file is gone, and fails on a composition error', async () => {
    await compose();
    rmSync(join(root, 'generated', 'supergraph.graphql'));
    expect(await compose()).toEqual({ printed: [], composed: true });

    build('inventory', 'exports.v = 2;');
    sdl.inventory = 'type Query { stock: Int } type Product @key(fields: "missing") { id: ID }';
    await expect(compose()).rejects.toThrow(/Supergraph composition failed/);
  });
});
