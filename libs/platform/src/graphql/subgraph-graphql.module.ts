import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyRequest } from 'fastify';
import { buildGraphQLContext } from './graphql-context';
import { formatGraphQLError } from './format-error';

/** A code-first Apollo Federation 2 subgraph at /graphql, guarded field by field. */
/**
 * `orphanedTypes`: entities this subgraph only extends (inventory's `Sku`), which no query
 * returns directly but which must be in the schema.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function subgraphGraphQLModule(orphanedTypes: Function[] = []): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards', 'interceptors', 'filters'],
    buildSchemaOptions: { noDuplicatedFields: true, orphanedTypes },
    context: (request: FastifyRequest) => buildGraphQLContext(request),
    formatError: formatGraphQLError,
    // Traces would go to Apollo's cloud; we export our own metrics instead.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}
