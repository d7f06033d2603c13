/**
 * The `gateway` baseline: what a team would build from the Apollo docs over the same subgraphs —
 * a stock ApolloGateway (its default fetcher) behind ApolloServer's standalone server, checking
 * the bearer token with jsonwebtoken and the secret string on every request, and signing the
 * identity header the subgraphs require on every subgraph fetch. Nothing cached, no extras.
 * Arguments: `<port> <supergraph path> <subgraph urls json>`; secrets in STOCK_JWT_SECRET and
 * STOCK_IDENTITY_SECRET. Prints "ready" once listening.
 */
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import jwt from 'jsonwebtoken';
import { ANONYMOUS, IDENTITY_HEADER, signForwardedIdentity, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '@shopops/platform';
import { readSupergraph, withSubgraphUrls } from '../../apps/gateway/src/graphql/create-engine';

interface StockContext {
  readonly identity: Identity;
}

const [port, supergraphPath, urlsJson] = process.argv.slice(2);
const jwtSecret = process.env.STOCK_JWT_SECRET ?? '';
const identitySecret = process.env.STOCK_IDENTITY_SECRET ?? '';
const subgraphUrls = JSON.parse(urlsJson) as Record<string, string>;

class IdentityForwardingDataSource extends RemoteGraphQLDataSource<StockContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<StockContext>): void {
    request.http?.headers.set(IDENTITY_HEADER, signForwardedIdentity(context.identity ?? ANONYMOUS, identitySecret));
  }
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: withSubgraphUrls(readSupergraph(supergraphPath), subgraphUrls),
    buildService: ({ url }) => new IdentityForwardingDataSource({ url }),
  });
  const server = new ApolloServer<StockContext>({ gateway });
  await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      if (!token) return { identity: ANONYMOUS };
      const claims = jwt.verify(token, jwtSecret, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }) as jwt.JwtPayload;
      return { identity: { subject: String(claims.sub), role: claims.role as Identity['role'] } };
    },
  });
  process.stdout.write('ready\n');
}

void main();
