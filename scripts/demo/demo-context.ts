import { createClient, type Client, type VariablesArgument } from '@shopops/client';
import { webhookSecretOf, webhookSignatureHeader, type Role, type TrackedEvent } from '@shopops/contracts';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { signBearerToken, type Environment } from '@shopops/platform';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { randomUUID } from 'node:crypto';

/** A behaviour event as the demo posts it to POST /events. */
export type DemoEvent = Omit<TrackedEvent, 'eventId'> & { eventId?: string };

/** What a demo seed file gets: the gateway's API as a client would use it, and a seeded RNG. */
export interface DemoContext {
  readonly gatewayUrl: string;
  /** Runs a typed operation (written with `graphql()` of @shopops/client); any error is thrown, naming the operation. */
  request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, role: Role): Promise<TResult>;
  /** Runs a GraphQL document built at run time (the aliased batches); any error is thrown, naming the document. */
  graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, role: Role): Promise<T>;
  /** Posts a signed webhook; anything but 202 (or 200 for a redelivery) is thrown with the gateway's reasons. */
  webhook(source: string, envelope: { type: string; occurredAt: string; data: unknown }): Promise<void>;
  /** Posts behaviour events in batches of up to 1,000; a rejected event is thrown with its reasons. */
  track(events: readonly DemoEvent[]): Promise<void>;
  readonly random: () => number;
  /** The seeding clock: every demo timestamp is before it. */
  readonly now: number;
  readonly log: (message: string) => void;
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

/** Picks by weight: `[[item, weight], …]`. */
export function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  let left = random() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) if ((left -= w) < 0) return item;
  return items[items.length - 1][0];
}

const SHOP_OFFSET_MS = 8 * 3_600_000;
/** An instant as ISO 8601 in the shop's zone (Asia/Shanghai, +08:00), as integrators send it. */
export function shopTime(ms: number): string {
  return `${new Date(ms + SHOP_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}
/** The shop's calendar day (YYYY-MM-DD) of an instant. */
export function shopDay(ms: number): string {
  return new Date(ms + SHOP_OFFSET_MS).toISOString().slice(0, 10);
}
/** Midnight in the shop's zone of the day `daysAgo` before `now`. */
export function shopMidnight(now: number, daysAgo: number): number {
  return Date.parse(`${shopDay(now)}T00:00:00+08:00`) - daysAgo * 86_400_000;
}

const EVENT_BATCH = 1000;

/**
 * The demo's client of the gateway. Webhooks are signed with the secrets the gateway itself is
 * configured with (read through its own validated config loader), so a demo against a shop with
 * `WEBHOOK_SECRET_*` set signs as its integrators do; every refusal stops the seed, named.
 */
export function createDemoContext(gatewayUrl: string, log: (message: string) => void, env: Environment = process.env): DemoContext {
  const config = loadGatewayConfig(env);
  const tokens = new Map<Role, string>();
  const tokenFor = (role: Role): string => {
    let token = tokens.get(role);
    if (!token) {
      token = signBearerToken({ sub: `demo-${role}`, role }, config.jwtSecret, 3600);
      tokens.set(role, token);
    }
    return token;
  };
  const secretsOf = (source: string): string[] => {
    const configured = config.webhookSources.get(source);
    if (!configured) throw new Error(`demo webhook source "${source}" is not configured in WEBHOOK_SOURCES`);
    return configured.keys.map(webhookSecretOf);
  };
  const clients = new Map<Role, Client>();
  const clientFor = (role: Role): Client => {
    let client = clients.get(role);
    if (!client) {
      client = createClient({ url: `${gatewayUrl}/graphql`, headers: { authorization: `Bearer ${tokenFor(role)}` } });
      clients.set(role, client);
    }
    return client;
  };
  return {
    gatewayUrl,
    random: seededRandom(20261111),
    now: Date.now(),
    log,
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, role: Role): Promise<TResult> {
      try {
        return await clientFor(role).request<TResult, TVariables>(document, ...([variables] as VariablesArgument<TVariables>));
      } catch (error) {
        throw new Error(`demo GraphQL call failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async graphql<T>(query: string, variables: Record<string, unknown>, role: Role): Promise<T> {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(role)}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: { data?: T; errors?: unknown[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new Error(`demo GraphQL call refused (${response.status}): ${text.slice(0, 500)}\n${query.slice(0, 200)}`);
      }
      if (body.errors?.length || !body.data)
        throw new Error(`demo GraphQL call failed (${response.status}): ${JSON.stringify(body.errors)}\n${query.slice(0, 200)}`);
      return body.data;
    },
    async webhook(source, envelope): Promise<void> {
      const id = `msg_${randomUUID()}`;
      const timestamp = Math.floor(Date.now() / 1000);
      const body = JSON.stringify(envelope);
      const signature = webhookSignatureHeader(secretsOf(source), id, timestamp, body);
      const response = await fetch(`${gatewayUrl}/webhooks/${source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
        body,
      });
      if (response.status !== 202 && response.status !== 200)
        throw new Error(`demo webhook ${envelope.type} to ${source} refused with ${response.status}: ${(await response.text()).slice(0, 500)}`);
    },
    async track(events): Promise<void> {
      for (let i = 0; i < events.length; i += EVENT_BATCH) {
        const batch = events.slice(i, i + EVENT_BATCH).map((e) => ({ eventId: `demo-${randomUUID()}`, ...e }));
        const response = await fetch(`${gatewayUrl}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('analyst')}` },
          body: JSON.stringify({ events: batch }),
        });
        const text = await response.text();
        const answer = (response.status === 202 ? JSON.parse(text) : {}) as { rejected?: unknown[] };
        if (response.status !== 202 || answer.rejected?.length) throw new Error(`demo behaviour events refused with ${response.status}: ${text.slice(0, 500)}`);
      }
    },
  };
}

/** Checks a mutation's typed result: anything but `expected` is a refusal and stops the seed. */
export function expectResult(what: string, result: { __typename: string } & Record<string, unknown>, expected: string): void {
  if (result.__typename !== expected) throw new Error(`demo ${what} refused: ${JSON.stringify(result)}`);
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
