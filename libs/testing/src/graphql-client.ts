import type { Role } from '@shopops/contracts';
import request from 'supertest';
import { tokenFor } from './tokens';
import { suiteEnv } from './harness-env';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface CallAs {
  readonly role?: Role;
  readonly memberId?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

/** Sends one GraphQL operation to a URL with supertest, signed in as a role (or anonymous). */
export async function graphqlRequest<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  as: CallAs = {},
): Promise<GraphQLResponse<T>> {
  const token = as.token ?? (as.role ? tokenFor(as.role, as.memberId) : undefined);
  let call = request(baseUrl).post('/graphql').set('content-type', 'application/json');
  if (token) call = call.set('authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(as.headers ?? {})) call = call.set(name, value);
  const response = await call.send({ query, variables });
  const body = response.body as { data?: T; errors?: GraphQLResponse<T>['errors'] };
  return { status: response.status, ...(body.data ? { data: body.data } : {}), ...(body.errors ? { errors: body.errors } : {}) };
}

/** A client bound to the gateway of the running suite. */
export class GatewayClient {
  constructor(readonly baseUrl: string = gatewayUrlFromEnv()) {}

  query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, as: CallAs = {}): Promise<GraphQLResponse<T>> {
    return graphqlRequest<T>(this.baseUrl, query, variables, as);
  }

  /** Like query, but fails on any GraphQL error and returns `data`. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, as: CallAs = {}): Promise<T> {
    const response = await this.query<T>(query, variables, as);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }
}

export function gatewayUrlFromEnv(): string {
  const url = suiteEnv.gatewayUrl();
  if (!url) throw new Error('SHOPOPS_GATEWAY_URL is not set: run e2e tests through jest (the e2e project starts the suite)');
  return url;
}
