import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BROWSER_ACCEPT, gatewayUrlFromEnv, ideOptionsOf, pageReferences, signInBrowser, tokenFor } from '@shopops/testing';
import request from 'supertest';

const packageFile = (name: string, file: string) => readFileSync(join(dirname(require.resolve(`${name}/package.json`)), file), 'utf8');

describe('the GraphQL IDE a browser gets at /graphql', () => {
  const base = () => request(gatewayUrlFromEnv());

  it('is served with every file it loads by the gateway itself, each file from its npm package', async () => {
    const page = await base().get('/graphql').set('accept', BROWSER_ACCEPT);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self';.*connect-src 'self'/);

    const references = pageReferences(page.text);
    const fetched = references.filter((reference) => !reference.url.startsWith('data:'));
    expect(fetched.map((reference) => reference.url)).toEqual(fetched.map(() => expect.stringMatching(/^\/assets\/[\w.-]+\.[0-9a-f]{16}\.(js|css)$/)));
    expect(fetched.filter((reference) => reference.tag === 'script')).toHaveLength(4);
    expect(fetched.filter((reference) => reference.tag === 'link')).toHaveLength(2);

    const bodies = new Map<string, string>();
    for (const { tag, url } of fetched) {
      const asset = await base().get(url);
      expect({ url, status: asset.status, type: asset.headers['content-type'] }).toEqual({
        url,
        status: 200,
        type: tag === 'script' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      });
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-encoding']).toBe('gzip');
      const unchanged = await base().get(url).set('if-none-match', asset.headers.etag);
      expect(unchanged.status).toBe(304);
      bodies.set(url.replace(/\.[0-9a-f]{16}\./, '.'), asset.text);
    }
    // Byte for byte the browser builds the packages ship: no copy to go stale, no CDN.
    expect(bodies.get('/assets/graphiql.min.js')).toBe(packageFile('graphiql', 'graphiql.min.js'));
    expect(bodies.get('/assets/graphiql.min.css')).toBe(packageFile('graphiql', 'graphiql.min.css'));
    expect(bodies.get('/assets/react.production.min.js')).toBe(packageFile('react', 'umd/react.production.min.js'));
    expect(bodies.get('/assets/react-dom.production.min.js')).toBe(packageFile('react-dom', 'umd/react-dom.production.min.js'));
    expect((await base().get('/assets/graphiql.min.0000000000000000.js')).status).toBe(404);
  });

  it('opens to anyone in development, and carries the token of a signed-in browser in its headers', async () => {
    const anonymous = ideOptionsOf((await base().get('/graphql').set('accept', BROWSER_ACCEPT)).text);
    expect(anonymous).toMatchObject({ endpoint: '/graphql', defaultQuery: expect.stringContaining('/admin/login?next=%2Fgraphql') });
    expect(anonymous.headers).toBeUndefined();
    // A link can open the IDE with a query in it.
    const linked = await base().get('/graphql').query({ query: '{ products(first: 1) { nodes { code } } }' }).set('accept', BROWSER_ACCEPT);
    expect(ideOptionsOf(linked.text)).toMatchObject({ query: '{ products(first: 1) { nodes { code } } }' });

    const token = tokenFor('operator');
    const { response, cookieFor } = await signInBrowser(gatewayUrlFromEnv(), token, '/graphql');
    expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: '/graphql' });
    expect(response.headers['set-cookie']).toContainEqual(expect.stringMatching(/HttpOnly; SameSite=Strict; Path=\/graphql$/));
    const signedIn = ideOptionsOf(
      (
        await base()
          .get('/graphql')
          .set('accept', BROWSER_ACCEPT)
          .set('cookie', String(cookieFor('/graphql')))
      ).text,
    );
    expect(JSON.parse(signedIn.headers ?? '{}')).toEqual({ Authorization: `Bearer ${token}` });
    expect(signedIn.defaultQuery).toMatch(/Signed in as operator/);
  });

  it('leaves API clients as they were: POST, GET asking for JSON, and the CSRF check of a bare GET', async () => {
    const posted = await base().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect({ status: posted.status, body: posted.body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const preflighted = await base()
      .get('/graphql')
      .query({ query: '{ __typename }' })
      .set('accept', 'application/json')
      .set('apollo-require-preflight', 'true');
    expect({ status: preflighted.status, body: preflighted.body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    for (const accept of ['application/json', '*/*']) {
      const bare = await base().get('/graphql').query({ query: '{ __typename }' }).set('accept', accept);
      expect(bare.status).toBe(400);
      expect(bare.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    }
  });
});
