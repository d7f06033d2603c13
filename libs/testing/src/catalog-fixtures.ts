import { randomUUID } from 'node:crypto';
import type { GatewayClient } from './graphql-client';

/** A short unique upper-case suffix for codes. */
export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** Creates a product through the gateway as an operator; fails the test if it is refused. */
export async function createProduct(gateway: GatewayClient, input: Record<string, unknown>): Promise<{ id: string; code: string; version: number }> {
  const data = await gateway.data<{ createProduct: { __typename: string; id?: string; code?: string; version?: number; message?: string } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename ... on Product { id code version } ... on ErrorResult { message } } }`,
    { input },
    { role: 'operator' },
  );
  if (data.createProduct.__typename !== 'Product') throw new Error(`createProduct answered ${data.createProduct.__typename}: ${data.createProduct.message}`);
  return data.createProduct as { id: string; code: string; version: number };
}
