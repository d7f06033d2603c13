import { existsSync, readFileSync } from 'node:fs';
import type { GatewayConfig } from '../gateway.config';
import { ApolloEngine } from './apollo-engine';
import type { GatewayEngine } from './gateway-engine';
import { HiveEngine } from './hive-engine';

export function readSupergraph(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`No supergraph at ${path}. Compose it with "npm run compose" (it prints each subgraph's schema and composes them).`);
  }
  return readFileSync(path, 'utf8');
}

/**
 * Points each subgraph of a composed supergraph at the URL this deployment uses (the composed
 * file holds development defaults), so every engine calls the same places.
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

export function createEngine(config: GatewayConfig, identitySecret: string): GatewayEngine {
  const options = {
    supergraphSdl: withSubgraphUrls(readSupergraph(config.supergraphPath), config.subgraphUrls),
    subgraphUrls: config.subgraphUrls,
    maxTokens: config.maxTokens,
    subgraphConnections: config.subgraphConnections,
  };
  switch (config.engine) {
    case 'apollo':
      return new ApolloEngine(options, identitySecret);
    case 'hive':
      return new HiveEngine(options, identitySecret);
  }
}
