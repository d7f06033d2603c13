import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { formatGraphQLError, IDENTITY_HEADER, requestContextOf, TRACEPARENT_HEADER, type RequestContext } from '@shopops/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { forwardedIdentityHeader, type EngineOptions, type GatewayEngine } from './gateway-engine';
import { apolloSuggestionsForStaffOnly } from './schema-hints';
import { SubgraphConnections } from './subgraph-connections';
import { SUBGRAPH_REQUEST_TOO_LARGE, subgraphRequestTooLarge } from './subgraph-refusals';

interface GatewayContext {
  readonly caller?: RequestContext;
}

/** Adds the gateway-signed identity, the request id and the trace context to every subgraph request; a 413 answer becomes SUBGRAPH_REQUEST_TOO_LARGE. */
class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly identitySecret: string,
    fetcher: RemoteGraphQLDataSource['fetcher'],
  ) {
    super({ url, fetcher });
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    return response.status === 413 ? subgraphRequestTooLarge(this.serviceName) : super.errorFromResponse(response);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const caller = (context as GatewayContext).caller;
    request.http?.headers.set(IDENTITY_HEADER, forwardedIdentityHeader(caller, this.identitySecret));
    if (caller) request.http?.headers.set('x-request-id', caller.requestId);
    if (caller?.trace) request.http?.headers.set(TRACEPARENT_HEADER, caller.trace);
  }
}

/** Apollo Gateway (JavaScript query planner) behind Apollo Server. */
export class ApolloEngine implements GatewayEngine {
  readonly name = 'apollo' as const;
  private readonly server: ApolloServer<GatewayContext>;
  private readonly connections: SubgraphConnections;
  private handler?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

  constructor(options: EngineOptions, identitySecret: string) {
    this.connections = new SubgraphConnections(options.subgraphConnections);
    const gateway = new ApolloGateway({
      supergraphSdl: options.supergraphSdl,
      buildService: ({ name, url }) => new SignedIdentityDataSource(name, options.subgraphUrls[name] ?? String(url), identitySecret, this.connections.fetcher),
    });
    this.server = new ApolloServer<GatewayContext>({
      gateway,
      // The gateway's limit check lets introspection through for staff only.
      introspection: true,
      includeStacktraceInErrorResponses: false,
      parseOptions: { maxTokens: options.maxTokens },
      // A bare hash would skip the gateway's limit check, which needs the query text.
      persistedQueries: false,
      formatError: (formatted, error) => (formatted.extensions?.code === SUBGRAPH_REQUEST_TOO_LARGE ? formatted : formatGraphQLError(formatted, error)),
      plugins: [ApolloServerPluginLandingPageDisabled(), apolloSuggestionsForStaffOnly()],
      // The service drains on signals itself; Apollo's own handler would stop early and re-raise the signal.
      stopOnTerminationSignals: false,
    });
  }

  async start(): Promise<void> {
    await this.server.start();
    this.handler = fastifyApolloHandler(this.server, {
      context: async (request: FastifyRequest) => ({ caller: requestContextOf(request) }),
    }) as (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  }

  handle(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    if (!this.handler) throw new Error('apollo engine not started');
    return this.handler(request, reply);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.connections.close();
  }
}
