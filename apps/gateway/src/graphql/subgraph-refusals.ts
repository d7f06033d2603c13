import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

export const SUBGRAPH_REQUEST_TOO_LARGE = 'SUBGRAPH_REQUEST_TOO_LARGE';

/** What the client reads when a subgraph refuses its part of a query (HTTP 413), instead of a bare INTERNAL_SERVER_ERROR. */
export function subgraphRequestTooLarge(service: string): GraphQLError {
  return new GraphQLError(`The ${service} service refused its part of this query as too large; ask for smaller pages or fewer nested lists`, {
    extensions: { code: SUBGRAPH_REQUEST_TOO_LARGE, service },
  });
}

/** The Hive engine's counterpart: a 413 from a subgraph becomes that error in a GraphQL answer. */
export function hiveSubgraphRefusals(subgraphUrls: Readonly<Record<string, string>>): GatewayPlugin {
  const serviceByUrl = new Map(Object.entries(subgraphUrls).map(([service, url]) => [url, service]));
  return {
    onFetch: ({ url }) => {
      const service = serviceByUrl.get(url);
      if (!service) return;
      return ({ response, setResponse }) => {
        if (response.status !== 413) return;
        const body = { errors: [subgraphRequestTooLarge(service).toJSON()] };
        setResponse(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
      };
    },
  };
}
