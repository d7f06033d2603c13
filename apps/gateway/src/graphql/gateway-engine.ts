import { ANONYMOUS, IDENTITY_MAX_AGE_MS, signForwardedIdentity, type RequestContext } from '@shopops/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayEngineName } from '../gateway.config';

/**
 * A federated GraphQL engine serving the composed supergraph. Authentication, limits and the
 * signed identity header are handled before the engine sees the request, so engines are
 * interchangeable (GATEWAY_ENGINE=apollo|hive) and the `gateway` benchmark can compare them.
 */
export interface GatewayEngine {
  readonly name: GatewayEngineName;
  start(): Promise<void>;
  /** Serves one GraphQL request whose caller is already authenticated (see callerOf). */
  handle(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  stop(): Promise<void>;
}

export interface EngineOptions {
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Token budget of the engine's own parser, as in the gateway's limit check. */
  readonly maxTokens: number;
  /** Keep-alive sockets per subgraph origin. */
  readonly subgraphConnections: number;
}

const signedFor = new WeakMap<RequestContext, { readonly header: string; readonly at: number }>();

/**
 * The signed identity header for one request's subgraph calls: signed once per request rather
 * than once per subgraph fetch, and signed afresh when a long request holds it for half the
 * header's lifetime, so a late fetch never carries a stale one.
 */
export function forwardedIdentityHeader(caller: RequestContext | undefined, identitySecret: string, now = Date.now()): string {
  if (!caller) return signForwardedIdentity(ANONYMOUS, identitySecret, now);
  const signed = signedFor.get(caller);
  if (signed && now - signed.at < IDENTITY_MAX_AGE_MS / 2) return signed.header;
  const header = signForwardedIdentity(caller.identity, identitySecret, now);
  signedFor.set(caller, { header, at: now });
  return header;
}
