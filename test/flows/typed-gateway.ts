import type { Role } from '@shopops/contracts';
import { createClient, type Client } from '@shopops/client';
import { tokenFor, type GatewayClient } from '@shopops/testing';

/** The typed client on the running suite's gateway, signed in as `role` (a fresh token per request). */
export function typedGateway(gateway: GatewayClient, role: Role): Client {
  return createClient({ url: `${gateway.baseUrl}/graphql`, headers: () => ({ authorization: `Bearer ${tokenFor(role)}` }) });
}

/** Asserts which member of a result union came back, and narrows the result to it. */
export function expectTypename<T extends { __typename: string }, N extends T['__typename']>(result: T, typename: N): Extract<T, { __typename: N }> {
  expect(result.__typename).toBe(typename);
  return result as Extract<T, { __typename: N }>;
}
