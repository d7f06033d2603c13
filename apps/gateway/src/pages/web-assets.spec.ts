import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { mountWebAssets, packageAsset, sourceAsset } from './web-assets';

describe('web assets', () => {
  it('names each asset by its content, so a new version is a new URL', () => {
    const one = sourceAsset('page.css', 'body { margin: 0 }');
    expect(one.url).toMatch(/^\/assets\/page\.[0-9a-f]{16}\.css$/);
    expect(sourceAsset('page.css', 'body { margin: 0 }').url).toBe(one.url);
    expect(sourceAsset('page.css', 'body { margin: 1px }').url).not.toBe(one.url);
    expect(() => sourceAsset('page.html', '<p>')).toThrow(/no content type/);
  });

  it('reads a file from an npm package whatever the package exports', () => {
    const react = packageAsset('react', 'umd/react.production.min.js', 'react.production.min.js');
    expect(react.body.toString('utf8')).toContain('React');
  });

  it('serves assets for a year, answers a browser’s cached copy with 304, and gzips for those who take it', async () => {
    const asset = sourceAsset('start.js', 'console.log("start");\n'.repeat(100));
    const fastify = Fastify();
    await mountWebAssets(fastify, [asset]);
    const plain = await fastify.inject({ url: asset.url });
    expect({ status: plain.statusCode, type: plain.headers['content-type'], cache: plain.headers['cache-control'], body: plain.body }).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=31536000, immutable',
      body: asset.body.toString('utf8'),
    });
    const zipped = await fastify.inject({ url: asset.url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).equals(asset.body)).toBe(true);
    for (const tag of [asset.etag, `W/${asset.etag}`, `"other", ${asset.etag}`]) {
      expect((await fastify.inject({ url: asset.url, headers: { 'if-none-match': tag } })).statusCode).toBe(304);
    }
    expect((await fastify.inject({ url: asset.url, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
    expect((await fastify.inject({ url: '/assets/start.0000000000000000.js' })).statusCode).toBe(404);
    await fastify.close();
  });
});
