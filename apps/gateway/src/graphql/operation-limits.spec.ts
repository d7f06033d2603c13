import { buildSchema, getIntrospectionQuery } from 'graphql';
import { MAX_NESTING } from './document-nesting';
import { ASSUMED_LIST_SIZE, OperationLimiter, type OperationLimits } from './operation-limits';

const schema = buildSchema(`
  type Query { products(first: Int! = 20): ProductConnection! sku(code: String!): Sku }
  type ProductConnection { nodes: [Product!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Product { code: String! skus: [Sku!]! }
  type Sku { code: String! product: Product! stock: Stock }
  type Stock { onHand: Int! }
`);

const LIMITS: OperationLimits = { maxDepth: 12, maxComplexity: 10_000, maxTokens: 10_000, maxFields: 5_000, maxAliases: 500 };

function check(query: string, operationName?: string, variables?: Record<string, unknown>, limits: Partial<OperationLimits> = {}) {
  return new OperationLimiter(schema, { ...LIMITS, ...limits }).check({ query, operationName, variables, mayIntrospect: false });
}

/** 21 fragments, each spreading the next twice: 826 bytes that expand to millions of fields. */
function doublingFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query { __typename }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ ...F0 } ${fragments.join(' ')}`;
}

describe('operation limits', () => {
  it('passes an ordinary query', () => {
    expect(check('{ products(first: 20) { nodes { code skus { code stock { onHand } } } pageInfo { hasNextPage } } }')).toBeUndefined();
  });

  it('refuses a document over the token budget instead of letting it through', () => {
    const deep = `query Deep { sku(code: "X") { code } }`;
    const padding = `query Pad { ${Array.from({ length: 3400 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const refused = check(`${deep} ${padding}`, 'Deep');
    expect(refused?.extensions.code).toBe('QUERY_TOO_LARGE');
    expect(refused?.message).toMatch(/more than 10000 tokens/);
  });

  it('counts aliases, __typename included, and checks every operation of the document', () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = check(`query Small { sku(code: "X") { code } } query Padded { ${aliases} }`, 'Small');
    expect(refused?.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', aliases: 600, maxAliases: 500 });
  });

  it('multiplies __typename aliases by the page they sit in', () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(' ');
    const refused = check(`{ products(first: 100) { nodes { ${aliases} } } }`);
    expect(refused?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 1 + 100 * 301 });
  });

  it('refuses doubling fragments by their expanded size, in linear time', () => {
    const query = doublingFragments(21);
    expect(query.length).toBeLessThan(900);
    const started = performance.now();
    const refused = check(query);
    expect(performance.now() - started).toBeLessThan(200);
    expect(refused?.extensions.code).toBe('QUERY_TOO_LARGE');
    expect(refused?.extensions.fields).toBeGreaterThan(2 ** 20);
  });

  it('refuses 60 pages of 100 products', () => {
    const pages = Array.from({ length: 60 }, (_, i) => `p${i}: products(first: 100) { nodes { code } }`).join(' ');
    expect(check(`{ ${pages} }`)?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('multiplies unpaged lists, so nested SKU lists cannot ask subgraphs for millions of rows', () => {
    const nested = '{ products(first: 100) { nodes { skus { product { skus { product { skus { code stock { onHand } } } } } } } } }';
    const refused = check(nested);
    expect(refused?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused?.extensions.cost).toBeGreaterThan(100 * ASSUMED_LIST_SIZE ** 3);
  });

  it('takes the page size from variables, and the schema default when none is given', () => {
    const query = 'query($n: Int!) { products(first: $n) { nodes { code skus { code } } } }';
    expect(check(query, undefined, { n: 10_000 })?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(check(query, undefined, { n: 10 })).toBeUndefined();
    const defaulted = '{ products { nodes { code } } }';
    expect(check(defaulted, undefined, undefined, { maxComplexity: 41 })).toBeUndefined(); // 1 + 20 × (nodes + code)
    expect(check(defaulted, undefined, undefined, { maxComplexity: 40 })?.extensions).toMatchObject({ cost: 41 });
  });

  it('refuses queries deeper than the limit', () => {
    let selection = 'code';
    for (let i = 0; i < 7; i++) selection = `product { skus { ${selection} } }`;
    expect(check(`{ sku(code: "X") { ${selection} } }`, undefined, undefined, { maxComplexity: 1e12 })?.extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses thousands of nested brackets before the parser recurses into them', () => {
    const nested = `{ sku(code: "X") { ${'product { '.repeat(3300)}code${' }'.repeat(3300)} } }`;
    expect(check(nested)?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', maxNesting: MAX_NESTING });
    const quoted = `{ sku(code: "${'{'.repeat(300)}") { code } } # ${'('.repeat(300)}`;
    expect(check(quoted)).toBeUndefined();
    const blockQuoted = `{ sku(code: """${'['.repeat(300)} \\""" still quoted""") { code } }`;
    expect(check(blockQuoted)).toBeUndefined();
  });

  it('refuses what it cannot check: syntax errors, unknown and cyclic fragments', () => {
    expect(check('{ sku(code: "X") { code }')?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(check('{ ...Missing }')?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(check('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers BAD_USER_INPUT naming operationName when it names no operation or is missing', () => {
    const unknown = check('query A { sku(code: "X") { code } }', 'B');
    expect(unknown?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['operationName'] });
    expect(unknown?.message).toMatch(/"B" names no operation/);
    const ambiguous = check('query A { sku(code: "X") { code } } query B { sku(code: "Y") { code } }');
    expect(ambiguous?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['operationName'] });
  });

  it('refuses introspection unless the caller may introspect, wherever it hides', () => {
    const limiter = new OperationLimiter(schema, LIMITS);
    const hidden = '{ ...Q } fragment Q on Query { sku(code: "X") { code } ... on Query { __type(name: "Sku") { name } } }';
    expect(limiter.check({ query: hidden, mayIntrospect: false })?.extensions.code).toBe('FORBIDDEN');
    expect(limiter.check({ query: hidden, mayIntrospect: true })).toBeUndefined();
    expect(limiter.check({ query: '{ __schema { types { name fields { name } } } }', mayIntrospect: true })).toBeUndefined();
    expect(limiter.check({ query: '{ sku(code: "X") { __typename code } }', mayIntrospect: false })).toBeUndefined();
  });

  it('lets staff run the introspection query IDEs send, whose fragments on __Type nest deeper than the depth limit', () => {
    const limiter = new OperationLimiter(schema, LIMITS);
    const ideQuery = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true });
    expect(limiter.check({ query: ideQuery, mayIntrospect: true })).toBeUndefined();
    expect(limiter.check({ query: ideQuery, mayIntrospect: false })?.extensions.code).toBe('FORBIDDEN');
    // Only the schema's own types are exempt: a fragment on a data type counts its depth as ever.
    let selection = 'code';
    for (let i = 0; i < 7; i++) selection = `product { skus { ${selection} } }`;
    expect(limiter.check({ query: `{ ...Deep } fragment Deep on Query { sku(code: "X") { ${selection} } }`, mayIntrospect: true })?.extensions.code).toBe(
      'QUERY_TOO_DEEP',
    );
  });

  it('keeps parsed documents for reuse, but not ones padded to megabytes', () => {
    const limiter = new OperationLimiter(schema, LIMITS);
    const padded = (i: number) => `{ sku(code: "X") { code } } # ${i} ${'x'.repeat(1024 * 1024)}`;
    for (let i = 0; i < 5; i++) expect(limiter.check({ query: padded(i), mayIntrospect: false })).toBeUndefined();
    expect(limiter.check({ query: '{ sku(code: "X") { code } }', mayIntrospect: false })).toBeUndefined();
    expect(limiter.cachedDocumentCount).toBe(1);
  });
});
