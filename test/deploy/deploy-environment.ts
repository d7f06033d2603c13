import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ServiceName } from '@shopops/contracts';
import type { ConfigSection } from '@shopops/platform';
import { ANALYTICS_CONFIG_SECTIONS } from '../../apps/analytics/src/analytics.config';
import { CATALOG_CONFIG_SECTIONS } from '../../apps/catalog/src/catalog.config';
import { CUSTOMER_SERVICE_CONFIG_SECTIONS } from '../../apps/customer-service/src/customer-service.config';
import { GATEWAY_CONFIG_SECTIONS } from '../../apps/gateway/src/gateway-config.module';
import { INVENTORY_CONFIG_SECTIONS } from '../../apps/inventory/src/inventory.config';
import { MEMBERSHIP_CONFIG_SECTIONS } from '../../apps/membership/src/membership.config';

export const ROOT = resolve(__dirname, '../..');

/** What each service's process validates at start: the sections its main.ts hands to runService. */
export const CONFIG_SECTIONS: Record<ServiceName, readonly ConfigSection[]> = {
  gateway: GATEWAY_CONFIG_SECTIONS,
  catalog: CATALOG_CONFIG_SECTIONS,
  inventory: INVENTORY_CONFIG_SECTIONS,
  membership: MEMBERSHIP_CONFIG_SECTIONS,
  'customer-service': CUSTOMER_SERVICE_CONFIG_SECTIONS,
  analytics: ANALYTICS_CONFIG_SECTIONS,
};

/** `NAME=value` lines, comments and blank lines skipped. */
export function readEnvFile(path: string): Record<string, string> {
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

/** The secrets a deployment must provide, by name: those of deploy/compose.env.example. */
export function secretNames(): string[] {
  return Object.keys(readEnvFile(join(ROOT, 'deploy/compose.env.example')));
}

/** A value of the right form for each secret, as an operator would generate it. */
export function generatedSecrets(names: readonly string[]): Record<string, string> {
  const secret = (name: string): string => {
    if (name.startsWith('WEBHOOK_SECRET_')) return `whsec_${randomBytes(32).toString('base64')}`;
    if (name === 'PII_KEYS') return `k1:${randomBytes(32).toString('base64')}`;
    if (name === 'OUTBOUND_SECRETS_KEY') return randomBytes(32).toString('base64');
    if (name === 'DATABASE_URL') return `postgres://shopops:${randomBytes(12).toString('hex')}@postgres:5432/shopops`;
    return randomBytes(24).toString('hex');
  };
  return Object.fromEntries(names.map((name) => [name, secret(name)]));
}

/** The ENV lines of the Dockerfile's final stage: what every container starts with. */
export function imageEnvironment(): Record<string, string> {
  const finalStage =
    readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .split(/^FROM /m)
      .pop() ?? '';
  return Object.fromEntries([...finalStage.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((match) => [match[1], match[2]]));
}

/** The problems a configuration loader names (none when it loads). */
export function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    return (error as { problems?: string[] }).problems ?? [String(error)];
  }
}
