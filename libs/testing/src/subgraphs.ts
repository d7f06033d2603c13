import type { ServiceName } from '@shopops/contracts';
import { IDENTITY_HEADER, signForwardedIdentity, type Identity } from '@shopops/platform';
import type { Role } from '@shopops/contracts';
import { graphqlRequest, type GraphQLResponse } from './graphql-client';
import { harnessEnv, suiteEnv } from './harness-env';

/** Port of a service in the shared e2e suite. */
export function servicePort(service: ServiceName): number {
  const ports = suiteEnv.servicePorts();
  const port = ports[service];
  if (!port) throw new Error(`no port for ${service}: run e2e specs through jest`);
  return port;
}

export function serviceUrl(service: ServiceName): string {
  return `http://127.0.0.1:${servicePort(service)}`;
}

/** The header the gateway would add for this caller; for calling a subgraph directly. */
export function gatewayIdentityHeader(role: Role | 'anonymous', memberId?: string): Record<string, string> {
  const identity: Identity = { subject: `test-${role}`, role, ...(memberId ? { memberId } : {}) };
  return { [IDENTITY_HEADER]: signForwardedIdentity(identity, harnessEnv.identitySecret()) };
}

/** Calls a subgraph straight, as the gateway would (signed identity), bypassing the gateway. */
export function subgraphRequest<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  role: Role | 'anonymous' = 'admin',
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(baseUrl, query, variables, { headers: gatewayIdentityHeader(role) });
}

/** Reads one counter of a service's Prometheus /metrics (summed over label sets). */
export async function metricValue(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
