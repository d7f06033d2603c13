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

type SubgraphAnswer = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
interface CacheHint {
  maxAge: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}
/** The answer's cache policy as Apollo Server keeps it (the part a data source uses). */
interface CachePolicy {
  restrict?(hint: CacheHint): void;
}

/**
 * Adds the gateway-signed identity, the request id and the trace context to every subgraph request; a 413 answer
 * becomes SUBGRAPH_REQUEST_TOO_LARGE. A query's subgraph fetches go straight to the undici pool:
 * Apollo's own path builds node-fetch Headers and a Request per fetch that nothing reads.
 */
class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly identitySecret: string,
    private readonly connections: SubgraphConnections,
  ) {
    super({ url, fetcher: connections.fetcher });
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    return response.status === 413 ? subgraphRequestTooLarge(this.serviceName) : super.errorFromResponse(response);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    for (const [name, value] of Object.entries(this.identityHeaders((context as GatewayContext).caller))) request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    // Health checks and schema loads (not used with a static supergraph) keep Apollo's path.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // The executor adds a header of its own only when it records a trace.
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    Object.assign(headers, this.identityHeaders(options.context.caller));
    const { http: _http, ...subgraphRequest } = request;
    const response = await this.connections.post(this.url ?? '', headers, JSON.stringify(subgraphRequest));
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (body === null || typeof body !== 'object') throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    restrictCachePolicy(options.incomingRequestContext.overallCachePolicy as CachePolicy | undefined, response.headers.get('cache-control'));
    return { ...(body as SubgraphAnswer), http: response };
  }

  private identityHeaders(caller: RequestContext | undefined): Record<string, string> {
    const identity = forwardedIdentityHeader(caller, this.identitySecret);
    if (!caller) return { [IDENTITY_HEADER]: identity };
    return caller.trace
      ? { [IDENTITY_HEADER]: identity, 'x-request-id': caller.requestId, [TRACEPARENT_HEADER]: caller.trace }
      : { [IDENTITY_HEADER]: identity, 'x-request-id': caller.requestId };
  }
}

/** What Apollo's data source does with a subgraph's `cache-control`: the answer is cacheable no longer than its least cacheable part. */
function restrictCachePolicy(policy: CachePolicy | undefined, header: string | null): void {
  if (!policy?.restrict) return;
  const hint: CacheHint = { maxAge: 0 };
  for (const part of (header ?? '').split(',')) {
    const [name, quoted] = part.trim().split(/\s*=\s*/, 2);
    const value = quoted?.replace(/^"|"$/g, '');
    if (name === 'max-age' && value !== undefined && /^[0-9]+$/.test(value)) hint.maxAge = Number(value);
    if (name === 'private' && value === undefined) hint.scope = 'PRIVATE';
    if (name === 'public' && value === undefined) hint.scope = 'PUBLIC';
  }
  policy.restrict(hint);
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
      buildService: ({ name, url }) => new SignedIdentityDataSource(name, options.subgraphUrls[name] ?? String(url), identitySecret, this.connections),
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
