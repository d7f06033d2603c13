import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { HttpRefusal } from './http-errors';

export interface RouteBodyOptions {
  /** The largest body the route reads (default: the server's MAX_REQUEST_BYTES). */
  readonly maxBytes?: number;
  /** The handler gets the exact bytes as a Buffer, whatever the content type (signatures cover them). */
  readonly raw?: boolean;
}

/** Internal content type a raw route's requests are steered to; clients never send it. */
const RAW_BODY_TYPE = 'application/x-shopops-raw-body';

/** How a controller route reads its body; Nest passes it to Fastify as route config. */
export const RouteBody = (options: RouteBodyOptions): MethodDecorator => RouteConfig({ body: options });

function bodyOptionsOf(config: unknown): RouteBodyOptions | undefined {
  return (config as { body?: RouteBodyOptions } | undefined)?.body;
}

// Fastify picks a body parser by content type for the whole server, not per route: a raw route
// has its requests marked with a type only the raw parser takes, so no other parser reads them first.
const steerToRawParser: onRequestHookHandler = (request, _reply, done) => {
  request.headers['content-type'] = RAW_BODY_TYPE;
  done();
};

/** Applies `@RouteBody` to the routes registered after it: install before the Nest app is created. */
export function installRouteBodyOptions(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(RAW_BODY_TYPE, { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    if (bodyOptionsOf(request.routeOptions.config)?.raw) return done(null, body);
    done(new HttpRefusal(415, 'unsupported content type', [`${RAW_BODY_TYPE} is not accepted here`]), undefined);
  });
  fastify.addHook('onRoute', (route) => {
    const options = bodyOptionsOf(route.config);
    if (!options) return;
    if (options.maxBytes !== undefined) route.bodyLimit = options.maxBytes;
    if (options.raw) route.onRequest = [...(route.onRequest === undefined ? [] : [route.onRequest].flat()), steerToRawParser];
  });
}
