import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { HttpRefusal, httpErrorAnswer, sendHttpError } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the gateway serves the files its browser pages load: nothing is fetched from another host. */
export const ASSETS_PATH = '/assets';

const compress = promisify(gzip);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A file a page loads, named by its content: a new version is a new URL, so browsers may keep each one for a year. */
export class WebAsset {
  readonly url: string;
  readonly etag: string;
  readonly contentType: string;
  private gzipped?: Promise<Buffer>;

  constructor(
    fileName: string,
    readonly body: Buffer,
  ) {
    const extension = extname(fileName);
    const contentType = CONTENT_TYPES[extension];
    if (!contentType) throw new Error(`no content type for the asset ${fileName}`);
    this.contentType = contentType;
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    this.url = `${ASSETS_PATH}/${fileName.slice(0, -extension.length)}.${hash}${extension}`;
    this.etag = `"${hash}"`;
  }

  /** Compressed once, on first demand and off the event loop: the IDE's script is 3.5 MB as shipped, under 1 MB gzipped. */
  gzip(): Promise<Buffer> {
    this.gzipped ??= compress(this.body);
    return this.gzipped;
  }

  /** Whether the browser's cached copy (`If-None-Match`, a list, maybe weak) is this one. */
  matches(ifNoneMatch: string | undefined): boolean {
    return (ifNoneMatch ?? '').split(',').some((tag) => [this.etag, `W/${this.etag}`, '*'].includes(tag.trim()));
  }
}

/** An asset written in this repository (the pages' stylesheet, the IDE's start-up script). */
export function sourceAsset(fileName: string, text: string): WebAsset {
  return new WebAsset(fileName, Buffer.from(text, 'utf8'));
}

/**
 * A file shipped in an npm package, found through the package's own package.json so it works
 * whatever the package exports; `fileName` names it in its URL.
 */
export function packageAsset(packageName: string, file: string, fileName: string): WebAsset {
  const root = dirname(require.resolve(`${packageName}/package.json`));
  return new WebAsset(fileName, readFileSync(join(root, file)));
}

function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
}

async function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: WebAsset): Promise<FastifyReply> {
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('etag', asset.etag)
    .header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff')
    .type(asset.contentType);
  if (asset.matches(request.headers['if-none-match'])) return reply.code(304).send();
  if (!acceptsGzip(request)) return reply.send(asset.body);
  return reply.header('content-encoding', 'gzip').send(await asset.gzip());
}

/** Serves every asset at its content-named URL under /assets; anything else there is a 404. */
export async function mountWebAssets(fastify: FastifyInstance, assets: readonly WebAsset[]): Promise<void> {
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]));
  fastify.get(`${ASSETS_PATH}/:file`, async (request, reply) => {
    const asset = byUrl.get(request.url.split('?')[0]);
    if (!asset) return sendHttpError(reply, httpErrorAnswer(new HttpRefusal(404, 'no such asset', [request.url])));
    return sendAsset(request, reply, asset);
  });
}
