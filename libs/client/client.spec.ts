import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { API_SCHEMA_FILE, REFRESH_COMMAND, REPOSITORY_ROOT, staleFiles } from './codegen';
import { createClient, GraphQLRequestError } from './src';

describe('the committed typed client', () => {
  it('is what the composed API schema and the operations in the sources generate', () => {
    // In a child process: the codegen CLI's ESM-only dependencies cannot load inside Jest.
    const check = spawnSync(process.execPath, ['-r', './libs/testing/swc-require-hook.js', 'libs/client/generate.ts', '--check'], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
    });
    if (check.status !== 0) throw new Error(check.stderr || `\`${REFRESH_COMMAND} -- --check\` exited with ${check.status}`);
    expect(check.stdout).toMatch(/The typed client is up to date \(\d+ files\)/);
  }, 120_000);

  it('is the API schema without the supergraph machinery', () => {
    const schema = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(schema).toContain('type Query {');
    expect(schema).not.toMatch(/join__|@link|link__/);
  });

  it('counts a changed, a missing and a left-over file as stale', () => {
    const committed = new Map([
      ['a.ts', 'same'],
      ['b.ts', 'old'],
      ['gone.ts', 'removed operation'],
    ]);
    const generated = [
      { path: 'a.ts', content: 'same' },
      { path: 'b.ts', content: 'new' },
      { path: 'c.ts', content: 'added' },
    ];
    expect(staleFiles(generated, committed)).toEqual(['b.ts', 'c.ts', 'gone.ts']);
    expect(staleFiles(generated.slice(0, 1), new Map([['a.ts', 'same']]))).toEqual([]);
  });
});

describe('request', () => {
  type Answer = { status: number; body: string };
  let server: Server;
  let url: string;
  let answer: Answer;
  const received: Array<{ body: { query: string; variables: Record<string, unknown> }; authorization?: string }> = [];
  const readBody = async (req: IncomingMessage): Promise<string> => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        received.push({ body: JSON.parse(text), authorization: req.headers.authorization });
        // Closed after each answer: a kept-alive socket of fetch would outlive the spec.
        res.writeHead(answer.status, { 'content-type': 'application/json', connection: 'close' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  const StockOf = parse(`query StockOf($code: String!) { sku(code: $code) { stock { onHand } } }`) as TypedDocumentNode<
    { sku: { stock: { onHand: number } } | null },
    { code: string }
  >;

  it('sends the printed operation, its variables and the headers, and returns the data', async () => {
    answer = { status: 200, body: JSON.stringify({ data: { sku: { stock: { onHand: 7 } } } }) };
    let token = 0;
    const client = createClient({ url, headers: () => ({ authorization: `Bearer t${++token}` }) });
    const data = await client.request(StockOf, { code: 'LX-1' });
    expect(data.sku?.stock.onHand).toBe(7);
    await client.request(StockOf, { code: 'LX-2' });
    expect(received.map((r) => r.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(received[0].body.variables).toEqual({ code: 'LX-1' });
    expect(received[0].body.query).toContain('query StockOf($code: String!)');
  });

  it('throws the GraphQL errors with the HTTP status, naming the operation', async () => {
    const errors = [{ message: 'code must be a SKU code', extensions: { code: 'BAD_USER_INPUT', field: 'code' } }];
    answer = { status: 400, body: JSON.stringify({ errors }) };
    const failure = await createClient({ url })
      .request(StockOf, { code: '' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLRequestError);
    expect(failure).toMatchObject({ status: 400, errors, message: expect.stringContaining('StockOf: HTTP 400: code must be a SKU code') });
  });

  it('throws on partial data with errors, and on an answer that is not GraphQL', async () => {
    answer = { status: 200, body: JSON.stringify({ data: { sku: null }, errors: [{ message: 'inventory is unavailable', path: ['sku', 'stock'] }] }) };
    await expect(createClient({ url }).request(StockOf, { code: 'LX-1' })).rejects.toMatchObject({ errors: [{ path: ['sku', 'stock'] }] });
    answer = { status: 502, body: '<html>bad gateway</html>' };
    await expect(createClient({ url }).request(StockOf, { code: 'LX-1' })).rejects.toThrow('StockOf: HTTP 502, not a GraphQL answer: <html>bad gateway</html>');
  });
});
