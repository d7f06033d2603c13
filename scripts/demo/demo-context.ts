import { developmentWebhookSecret, webhookSignatureHeader, type Role } from '@shopops/contracts';
import { signBearerToken } from '@shopops/platform';
import { loadJwtSecret } from '../../apps/gateway/src/gateway.config';
import { randomUUID } from 'node:crypto';

/** What a demo seed file gets: the gateway's API as a client would use it, and a seeded RNG. */
export interface DemoContext {
  readonly gatewayUrl: string;
  graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, role: Role): Promise<T>;
  webhook(source: string, envelope: { type: string; occurredAt?: string; data: unknown }): Promise<number>;
  readonly random: () => number;
  log(message: string): void;
}

/** Deterministic, so every fresh demo database looks the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function createDemoContext(gatewayUrl: string, log: (message: string) => void): DemoContext {
  const tokens = new Map<Role, string>();
  const tokenFor = (role: Role): string => {
    let token = tokens.get(role);
    if (!token) {
      token = signBearerToken({ sub: `demo-${role}`, role }, loadJwtSecret(process.env), 3600);
      tokens.set(role, token);
    }
    return token;
  };
  return {
    gatewayUrl,
    random: seededRandom(20261111),
    log,
    async graphql<T>(query: string, variables: Record<string, unknown>, role: Role): Promise<T> {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(role)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(`demo GraphQL call failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async webhook(source, envelope): Promise<number> {
      const id = `msg_${randomUUID()}`;
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({ occurredAt: new Date().toISOString(), ...envelope });
      const signature = webhookSignatureHeader([developmentWebhookSecret(source)], id, timestamp, body);
      const response = await fetch(`${gatewayUrl}/webhooks/${source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
        body,
      });
      return response.status;
    },
  };
}

/** Runs `work` over items with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}
