import { DEV_IDENTITY_SECRET, IDENTITY_HEADER, signForwardedIdentity } from '@shopops/platform';
import { GatewayClient, graphqlRequest, serviceUrl, subgraphRequest } from '@shopops/testing';
import request from 'supertest';

const CREATE = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) { __typename ... on Product { code } ... on ErrorResult { errorCode message } ... on DuplicateCodeError { codes } }
}`;

describe('gateway access, limits and errors', () => {
  const gateway = new GatewayClient();
  const product = (code: string, listPriceFen = 59900) => ({ input: { code, title: '羊绒围巾', skus: [{ code: `${code}-F`, listPriceFen }] } });

  it('answers UNAUTHENTICATED to an anonymous caller of a protected field, and serves public ones', async () => {
    const refused = await gateway.query(CREATE, product(`ANON-${Date.now()}`));
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const open = await gateway.query(`{ products(first: 1) { pageInfo { hasNextPage } } }`);
    expect(open.errors).toBeUndefined();
  });

  it('answers UNAUTHENTICATED with HTTP 401 to a bad or expired token', async () => {
    const response = await gateway.query(`{ products(first: 1) { nodes { code } } }`, {}, { token: 'not.a.jwt' });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers FORBIDDEN to a role that may not use a field', async () => {
    const refused = await gateway.query(CREATE, product(`ANALYST-${Date.now()}`), { role: 'analyst' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/analyst may not use Mutation\.createProduct/);
  });

  it('answers BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const code = `NEG-${Date.now()}`;
    const refused = await gateway.query(CREATE, product(code, -1), { role: 'operator' });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields).toEqual(['skus.0.listPriceFen']);
    expect(refused.errors?.[0].message).toMatch(/skus\.0\.listPriceFen must not be less than 0/);
    const after = await gateway.data<{ product: unknown }>(`query($c: String!) { product(code: $c) { code } }`, { c: code });
    expect(after.product).toBeNull();
  });

  it('returns a business refusal as a typed error result, not an exception', async () => {
    const code = `DUP-${Date.now()}`;
    await gateway.data(CREATE, product(code), { role: 'operator' });
    const again = await gateway.data<{ createProduct: { __typename: string; errorCode: string; codes: string[] } }>(CREATE, product(code), {
      role: 'operator',
    });
    expect(again.createProduct).toMatchObject({ __typename: 'DuplicateCodeError', errorCode: 'DUPLICATE_CODE', codes: [code, `${code}-F`] });
  });

  it('refuses queries deeper than the limit', async () => {
    let selection = 'code';
    for (let i = 0; i < 7; i++) selection = `product { skus { ${selection} } }`;
    const response = await gateway.query(`{ sku(code: "X") { ${selection} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses queries whose estimated cost is over the limit', async () => {
    const fields = Array.from({ length: 250 }, (_, i) => `f${i}: code`).join(' ');
    const response = await gateway.query(`{ products(first: 100) { nodes { ${fields} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses request bodies over 1 MiB', async () => {
    const response = await request(gateway.baseUrl)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: `{ products(first: 1) { nodes { code } } }`, variables: { pad: 'x'.repeat(1024 * 1024) } }));
    expect(response.status).toBe(413);
  });

  describe('subgraphs trust only the gateway', () => {
    const query = `{ products(first: 1) { nodes { code } } }`;

    it('refuses a direct call without the gateway identity', async () => {
      const response = await graphqlRequest(serviceUrl('catalog'), query);
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged or stale identity', async () => {
      const forged = signForwardedIdentity({ subject: 'mallory', role: 'admin' }, 'a-secret-the-gateway-does-not-have');
      const stale = signForwardedIdentity({ subject: 'replayer', role: 'admin' }, DEV_IDENTITY_SECRET, Date.now() - 120_000);
      for (const header of [forged, stale]) {
        const response = await graphqlRequest(
          serviceUrl('inventory'),
          query.replace('products(first: 1) { nodes { code } }', 'locations { code }'),
          {},
          { headers: { [IDENTITY_HEADER]: header } },
        );
        expect(response.status).toBe(401);
      }
    });

    it('serves a call carrying a valid gateway identity', async () => {
      const response = await subgraphRequest(serviceUrl('catalog'), query, {}, 'operator');
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
    });
  });
});
