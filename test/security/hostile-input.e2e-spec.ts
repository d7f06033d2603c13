import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildSchema, getNamedType, isCompositeType, type GraphQLField } from 'graphql';
import { escapeIdentifier, Pool } from 'pg';
import request from 'supertest';
import {
  devWebhookSecret,
  eventually,
  gatewayUrlFromEnv,
  graphqlRequest,
  orderData,
  postWebhook,
  signDelivery,
  testPool,
  tokenFor,
  useOwnSuite,
  WebhookReceiver,
} from '@shopops/testing';
import { encodePathSegment, hostileEvent, hostileWebhook, validEvent, withDeepValues } from './hostile-deliveries';
import { graphqlArguments, hostileId, impossibleDateTime, unstorableString } from './hostile-inputs';

/**
 * Generated hostile input at every edge of the gateway: signed webhooks, POST /events,
 * /webhook-endpoints and the arguments of every GraphQL root field of the composed schema.
 * Nothing may answer 5xx or INTERNAL_SERVER_ERROR, refused input changes nothing, and valid
 * input sent at the same instant is accepted and processed. HOSTILE_SEED reproduces a run.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261202);
const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, salt: number): T[] => fc.sample(arbitrary, { seed: SEED + salt, numRuns });

interface EdgeCount {
  sent: number;
  refused: number;
  accepted: number;
}
const counts = new Map<string, EdgeCount>();
function count(edge: string, refused: boolean): void {
  const entry = counts.get(edge) ?? { sent: 0, refused: 0, accepted: 0 };
  entry.sent += 1;
  entry[refused ? 'refused' : 'accepted'] += 1;
  counts.set(edge, entry);
}

// Accepted mutations really run, with generated values: shop-wide settings they change must not reach other specs.
useOwnSuite('hostile-input');

describe('hostile input at every edge', () => {
  let db: Pool;
  let base: string;
  beforeAll(() => {
    db = testPool({ max: 2 });
    base = gatewayUrlFromEnv();
  });
  const stamp = Date.now();

  afterAll(async () => {
    await db.end();
    const total = [...counts.values()].reduce((sum, c) => sum + c.sent, 0);
    const lines = [...counts.entries()].map(
      ([edge, c]) =>
        `  ${edge.padEnd(28)} sent ${String(c.sent).padStart(5)}  refused ${String(c.refused).padStart(5)}  accepted ${String(c.accepted).padStart(5)}`,
    );
    process.stdout.write(`\nhostile-input suite, seed ${SEED}: ${total} inputs\n${lines.join('\n')}\n`);
  });

  describe('webhooks', () => {
    it('refuses each hostile delivery with 400 naming the field, stores none, and accepts and processes every neighbour', async () => {
      const hostile = sample(hostileWebhook(stamp), 300, 1);
      const neighbours: string[] = [];
      for (let round = 0; round < hostile.length / 5; round += 1) {
        const bad = hostile.slice(round * 5, round * 5 + 5).map((h) => ({ ...h, delivery: signDelivery(h.body, { secret: devWebhookSecret('taobao') }) }));
        const orders = [0, 1, 2].map((i) => `DY-NB-${stamp}-${round}-${i}`);
        const good = orders.map((orderId) =>
          signDelivery(JSON.stringify({ type: 'order.paid', occurredAt: '2026-11-12T10:00:00+08:00', data: orderData(orderId) }), {
            secret: devWebhookSecret('douyin'),
          }),
        );
        // Hostile and valid deliveries arrive together, so they share group-commit batches.
        const answers = await Promise.all([...bad.map((b) => postWebhook(base, 'taobao', b.delivery)), ...good.map((g) => postWebhook(base, 'douyin', g))]);
        bad.forEach((b, i) => {
          expect({ field: b.field, status: answers[i].status, body: answers[i].body }).toEqual({
            field: b.field,
            status: 400,
            body: { error: expect.any(String), details: expect.any(Array) },
          });
          expect(answers[i].body.details.join(' ')).toContain(b.field);
          count('webhooks (hostile)', true);
        });
        answers.slice(bad.length).forEach((answer) => {
          expect(answer.status).toBe(202);
          count('webhooks (neighbours)', false);
        });
        neighbours.push(...orders);
        const ids = bad.map((b) => b.delivery.id);
        expect((await db.query('SELECT count(*)::int AS n FROM gateway.webhook_delivery WHERE webhook_id = ANY($1)', [ids])).rows[0].n).toBe(0);
      }
      await eventually(
        async () => (await db.query('SELECT count(DISTINCT subject)::int AS n FROM analytics.channel_event WHERE subject = ANY($1)', [neighbours])).rows[0].n,
        (n) => n === neighbours.length,
        { what: 'every neighbour order in analytics', timeoutMs: 60_000, intervalMs: 500 },
      );
    }, 300_000);
  });

  describe('POST /events', () => {
    const post = (body: string) =>
      request(base)
        .post('/events')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${tokenFor('analyst')}`)
        .send(body);

    it('reports each hostile event by index, stores the valid ones of the same batch and none of the others', async () => {
      const flaws = sample(hostileEvent, 200, 2);
      const positions = sample(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 5, maxLength: 5 }), 40, 3);
      const valid: string[] = [];
      const refused: string[] = [];
      for (let batch = 0; batch < 40; batch += 1) {
        const hostileAt = new Set(positions[batch]);
        let next = 0;
        const expected: Array<{ index: number; field: string }> = [];
        const events = Array.from({ length: 10 }, (_, index) => {
          const event = validEvent(`${stamp}-${batch}-${index}`);
          (hostileAt.has(index) ? refused : valid).push(event.eventId as string);
          if (!hostileAt.has(index)) return event;
          expected.push({ index, field: flaws[batch * 5 + next++](event) });
          return event;
        });
        const answer = await post(withDeepValues(JSON.stringify({ events })));
        expect(answer.status).toBe(202);
        expect(answer.body.accepted).toBe(5);
        expect(answer.body.rejected.map((r: { index: number }) => r.index)).toEqual(expected.map((e) => e.index));
        expected.forEach(({ field }, i) => expect(answer.body.rejected[i].errors.join(' ')).toContain(field));
        expected.forEach(() => count('/events (hostile)', true));
        for (let i = 0; i < 5; i += 1) count('/events (neighbours)', false);
      }
      // A batch poisoned at the prototype is refused whole by the JSON parser: 400, nothing stored.
      const poisoned = Array.from({ length: 10 }, (_, i) => validEvent(`${stamp}-poison-${i}`));
      const poisonAnswer = await post(JSON.stringify({ events: poisoned }).replace('"type":', '"__proto__":{"polluted":true},"type":'));
      expect(poisonAnswer.status).toBe(400);
      expect(poisonAnswer.body).toEqual({ error: expect.any(String), details: expect.any(Array) });
      count('/events (poisoned batch)', true);
      refused.push(...poisoned.map((e) => e.eventId as string));

      await eventually(
        async () => (await db.query('SELECT count(*)::int AS n FROM analytics.tracked_event WHERE event_id = ANY($1)', [valid])).rows[0].n,
        (n) => n === valid.length,
        { what: 'every valid event in analytics', timeoutMs: 60_000, intervalMs: 500 },
      );
      expect((await db.query('SELECT count(*)::int AS n FROM analytics.seen_event WHERE event_id = ANY($1)', [refused])).rows[0].n).toBe(0);
    }, 300_000);
  });

  describe('/webhook-endpoints', () => {
    const receiver = new WebhookReceiver();
    const asOperator = { authorization: `Bearer ${tokenFor('operator')}` };
    const marker = `hostile-${SEED}-`;
    afterAll(() => receiver.stop());

    it('answers 4xx with reasons to hostile ids, text and dates, and changes nothing', async () => {
      const url = `${await receiver.start()}/hostile`;
      const created = await request(base)
        .post('/webhook-endpoints')
        .set(asOperator)
        .send({ url, eventTypes: ['catalog.product.created'] });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const snapshot = async () =>
        (
          await db.query(
            `SELECT url, description, status, event_types, secrets, updated_at FROM gateway.webhook_endpoint WHERE id = $1 OR description LIKE $2`,
            [id, `${marker}%`],
          )
        ).rows;
      const before = await snapshot();

      const badIds = sample(
        hostileId.filter(
          (v) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) && v.trim() !== '' && v !== 'event-types' && !/^[./]+$/.test(v),
        ),
        70,
        4,
      );
      const routes = sample(fc.constantFrom('get', 'patch', 'delete', 'rotate', 'messages', 'replay'), 70, 5);
      const calls = badIds.map((badId, i) => {
        const path = `/webhook-endpoints/${encodePathSegment(badId)}`;
        const api = request(base);
        const call = {
          get: () => api.get(path),
          patch: () => api.patch(path).send({ status: 'paused' }),
          delete: () => api.delete(path),
          rotate: () => api.post(`${path}/rotate-secret`),
          messages: () => api.get(`${path}/messages`),
          replay: () => api.post(`${path}/replay`).send({ from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00' }),
        }[routes[i]]();
        return call.set(asOperator);
      });
      const bodies = sample(
        fc.oneof(
          unstorableString.map(
            (text) => () =>
              request(base)
                .patch(`/webhook-endpoints/${id}`)
                .send({ description: `${marker}${text}` }),
          ),
          unstorableString.map(
            (text) => () =>
              request(base)
                .patch(`/webhook-endpoints/${id}`)
                .send({ url: `${url}/${text}` }),
          ),
          unstorableString.map(
            (text) => () =>
              request(base)
                .post('/webhook-endpoints')
                .send({ url, eventTypes: [text], description: marker }),
          ),
          unstorableString.map(
            (text) => () =>
              request(base)
                .post('/webhook-endpoints')
                .send({ url, eventTypes: ['catalog.product.created'], description: `${marker}${text}` }),
          ),
          impossibleDateTime.map((date) => () => request(base).post(`/webhook-endpoints/${id}/replay`).send({ from: date, to: '2026-12-01T00:00:00+08:00' })),
          impossibleDateTime.map((date) => () => request(base).post(`/webhook-endpoints/${id}/replay`).send({ from: '2026-11-01T00:00:00+08:00', to: date })),
          fc.constantFrom('1e400', '-1', 'abc', '99999999999').map((limit) => () => request(base).get(`/webhook-endpoints/${id}/messages`).query({ limit })),
        ),
        40,
        6,
      );
      for (const answer of [...(await Promise.all(calls)), ...(await Promise.all(bodies.map((call) => call().set(asOperator))))]) {
        const seen = { request: `${answer.request.method} ${answer.request.url}`, status: answer.status, body: answer.body };
        const clientError = answer.status >= 400 && answer.status < 500;
        expect({ ...seen, clientError }).toEqual({ ...seen, clientError: true, body: { error: expect.any(String), details: expect.any(Array) } });
        count('/webhook-endpoints', true);
      }
      expect(await snapshot()).toEqual(before);
    }, 120_000);
  });

  describe('GraphQL root fields', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../generated/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
    const roots = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query', field })),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation', field })),
    ].filter(({ field }) => !field.name.startsWith('_') && field.args.length > 0);
    const RUNS_PER_FIELD = 4;
    // Refusals a client can act on: bad arguments, missing rights, and the gateway's size and cost limits.
    const REFUSALS = new Set([
      'BAD_USER_INPUT',
      'GRAPHQL_VALIDATION_FAILED',
      'NOT_FOUND',
      'FORBIDDEN',
      'QUERY_TOO_COMPLEX',
      'QUERY_TOO_LARGE',
      'QUERY_TOO_DEEP',
    ]);

    function operation(kind: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
      const given = field.args.filter((a) => a.name in args);
      const variables = given.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const call = given.length ? `(${given.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      return `${kind} Hostile${variables ? `(${variables})` : ''} { ${field.name}${call}${selection} }`;
    }

    it(`answers every root field's hostile arguments without a server error, and refused mutations write nothing`, async () => {
      const refusedMutations: string[] = [];
      const failures: string[] = [];
      const calls = roots.flatMap(({ kind, field }, f) =>
        sample(graphqlArguments(field.args), RUNS_PER_FIELD, 100 + f).map((args, run) => ({
          kind,
          field,
          args,
          requestId: `hostile-${SEED}-${field.name}-${run}`,
        })),
      );
      for (let start = 0; start < calls.length; start += 4) {
        await Promise.all(
          calls.slice(start, start + 4).map(async ({ kind, field, args, requestId }) => {
            const answer = await graphqlRequest(base, operation(kind, field, args), args, { role: 'admin', headers: { 'x-request-id': requestId } });
            const codes = (answer.errors ?? []).map((e) => String(e.extensions?.code));
            if (answer.status >= 500 || codes.some((code) => !REFUSALS.has(code))) {
              failures.push(`${field.name}(${JSON.stringify(args).slice(0, 200)}) → HTTP ${answer.status} ${JSON.stringify(answer.errors).slice(0, 300)}`);
            }
            const refused = codes.length > 0;
            if (refused && kind === 'mutation') refusedMutations.push(requestId);
            count(`graphql ${kind} arguments`, refused);
          }),
        );
      }
      expect(failures).toEqual([]);
      const outboxes: Array<{ table_schema: string }> = (await db.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox'`)).rows;
      for (const { table_schema: schemaName } of outboxes) {
        const written = await db.query(`SELECT count(*)::int AS n FROM ${escapeIdentifier(schemaName)}.outbox WHERE request_id = ANY($1)`, [refusedMutations]);
        expect({ schemaName, written: written.rows[0].n }).toEqual({ schemaName, written: 0 });
      }
    }, 600_000);
  });
});
