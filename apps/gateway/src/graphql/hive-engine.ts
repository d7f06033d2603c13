import { createGatewayRuntime, useCustomFetch, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { IDENTITY_HEADER, requestContextOf, TRACEPARENT_HEADER, type RequestContext } from '@shopops/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forwardedIdentityHeader, type EngineOptions, type GatewayEngine } from './gateway-engine';
import { hiveSuggestionsForStaffOnly } from './schema-hints';
import { SubgraphConnections } from './subgraph-connections';
import { hiveSubgraphRefusals } from './subgraph-refusals';

interface HiveServerContext {
  readonly caller?: RequestContext;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
}

/** The Hive Gateway runtime serving the same supergraph (GATEWAY_ENGINE=hive). */
export class HiveEngine implements GatewayEngine {
  readonly name = 'hive' as const;
  private readonly runtime: GatewayRuntime<HiveServerContext>;
  private readonly connections: SubgraphConnections;

  constructor(options: EngineOptions, identitySecret: string) {
    this.connections = new SubgraphConnections(options.subgraphConnections);
    this.runtime = createGatewayRuntime<HiveServerContext>({
      supergraph: options.supergraphSdl,
      logging: false,
      landingPage: false,
      graphiql: false,
      graphqlEndpoint: '/graphql',
      // Subgraph errors carry codes clients switch on; they are already safe to show.
      maskedErrors: false,
      plugins: () => [
        useCustomFetch((url, init) => this.connections.fetch(url, init)),
        hiveSuggestionsForStaffOnly<HiveServerContext>(),
        hiveSubgraphRefusals(options.subgraphUrls),
      ],
      propagateHeaders: {
        fromClientToSubgraphs: ({ context }) => ({
          [IDENTITY_HEADER]: forwardedIdentityHeader(context.caller, identitySecret),
          ...(context.caller ? { 'x-request-id': context.caller.requestId } : {}),
          ...(context.caller?.trace ? { [TRACEPARENT_HEADER]: context.caller.trace } : {}),
        }),
      },
    });
  }

  async start(): Promise<void> {
    // The runtime loads the supergraph lazily; one request warms it so the first client is not slow.
    await this.runtime.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
  }

  async handle(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const response = await this.runtime.handleNodeRequestAndResponse(request, reply, {
      req: request,
      reply,
      caller: requestContextOf(request),
    } as HiveServerContext);
    response.headers.forEach((value, key) => void reply.header(key, value));
    reply.status(response.status);
    return reply.send(response.body);
  }

  async stop(): Promise<void> {
    await this.runtime.dispose();
    await this.connections.close();
  }
}
