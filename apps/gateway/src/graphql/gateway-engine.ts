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
}
