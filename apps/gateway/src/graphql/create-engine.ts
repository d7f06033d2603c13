import { existsSync, readFileSync } from 'node:fs';
import type { GatewayConfig } from '../gateway.config';
import { ApolloEngine } from './apollo-engine';
import type { GatewayEngine } from './gateway-engine';

export function readSupergraph(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`No supergraph at ${path}. Compose it with "npm run compose" (it prints each subgraph's schema and composes them).`);
  }
  return readFileSync(path, 'utf8');
}

export function createEngine(config: GatewayConfig, identitySecret: string): GatewayEngine {
  const options = { supergraphSdl: readSupergraph(config.supergraphPath), subgraphUrls: config.subgraphUrls };
  switch (config.engine) {
    case 'apollo':
      return new ApolloEngine(options, identitySecret);
    case 'hive':
      throw new Error('GATEWAY_ENGINE=hive is not available in this build');
  }
}
