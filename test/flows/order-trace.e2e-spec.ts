import { randomBytes, randomUUID } from 'node:crypto';
import { ChannelOrderPaid } from '@shopops/contracts';
import {
  createSkus,
  devWebhookSecret,
  eventually,
  GatewayClient,
  orderData,
  OtlpReceiver,
  postWebhook,
  receiveStock,
  signDelivery,
  useOwnSuite,
  type ReceivedSpan,
} from '@shopops/testing';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;
const PAID = ChannelOrderPaid.type;

/**
 * One order webhook is one trace: from the gateway's request through its outbox and the relay
 * to the consumers in inventory (the reservation), membership (the points) and analytics. The
 * suite's processes export with their real OTLP/HTTP exporter to a collector this spec runs,
 * so the spec reads what a Jaeger or Tempo would receive, whichever topology runs the services.
 */
describe('traces across gateway, subgraphs, outbox, queue and consumers', () => {
  let receiver: OtlpReceiver | undefined;
  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
  });
  afterAll(() => receiver?.close());
  const collector = (): OtlpReceiver => {
    if (!receiver) throw new Error('the collector has not started');
    return receiver;
  };
  const suite = useOwnSuite('order-trace', {
    services: ['catalog', 'inventory', 'membership', 'analytics', 'gateway'],
    // A short export delay (TRACE_EXPORT_DELAY_MS) so spans arrive while the spec waits.
    env: () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: collector().endpoint, TRACE_EXPORT_DELAY_MS: '100' }),
  });

  it('follows a GraphQL call from the caller through the gateway into the subgraph', async () => {
    const stack = suite();
    const receiver = collector();
    const gateway = new GatewayClient(stack.gatewayUrl);
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const code = `TRACE-${randomUUID().slice(0, 8).toUpperCase()}`;
    const answer = await gateway.query<{ createProduct: { __typename: string } }>(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename } }`,
      { input: { code, title: `追踪 ${code}`, categoryCode: 'DRESS', skus: [{ code: `${code}-1`, listPriceFen: 9900 }] } },
      { role: 'operator', headers: { traceparent: `00-${callerTraceId}-${callerSpanId}-01` } },
    );
    expect(answer.data?.createProduct.__typename).toBe('Product');

    const spans = await eventually(
      async () => receiver.trace(callerTraceId),
      // The gateway's spans end after the catalog's, so they may arrive later.
      (found) =>
        [SERVER, CLIENT].every((kind) => found.some((s) => s.service === 'gateway' && s.kind === kind)) &&
        found.some((s) => s.service === 'catalog' && s.kind === SERVER),
      { what: 'the gateway and catalog spans of the traced GraphQL call' },
    );
    const gatewayRequest = only(spans, (s) => s.service === 'gateway' && s.kind === SERVER);
    expect(gatewayRequest).toMatchObject({ name: 'POST /graphql', parentSpanId: callerSpanId });
    const subgraphCall = only(spans, (s) => s.service === 'gateway' && s.kind === CLIENT);
    expect(subgraphCall.parentSpanId).toBe(gatewayRequest.spanId);
    expect(subgraphCall.attributes['url.full']).toBe(`http://127.0.0.1:${stack.port('catalog')}/graphql`);
    const subgraphRequest = only(spans, (s) => s.service === 'catalog' && s.kind === SERVER);
    expect(subgraphRequest).toMatchObject({ name: 'POST /graphql', parentSpanId: subgraphCall.spanId });
  });

  it('makes one trace of an order webhook, down to the reservation, the points and the counted sale', async () => {
    const stack = suite();
    const receiver = collector();
    const gateway = new GatewayClient(stack.gatewayUrl);
    const [sku] = await createSkus(gateway, 1, 9900, 'TRACE');
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    const orderId = `TBTRACE${randomUUID().slice(0, 8)}`;
    const buyer = `tb_trace_${orderId}`;
    const requestId = `trace-spec-${randomUUID()}`;
    const body = JSON.stringify({
      type: 'order.paid',
      occurredAt: new Date().toISOString(),
      data: orderData(orderId, {
        buyer: { platformUserId: buyer, nickname: '顾客' },
        lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 9900 }],
        totalFen: 9900,
      }),
    });
    const delivery = signDelivery(body, { secret: devWebhookSecret('taobao') });
    const response = await postWebhook(stack.gatewayUrl, 'taobao', { body, headers: { ...delivery.headers, 'x-request-id': requestId } });
    expect(response.status).toBe(202);

    // The effects the trace must reach.
    const db = stack.db();
    await eventually(
      async () => (await db.query(`SELECT status FROM inventory.reservation WHERE channel = 'taobao' AND order_id = $1`, [orderId])).rows,
      (rows) => rows.length === 1,
      { what: 'the reservation' },
    );
    await eventually(
      async () =>
        (
          await db.query(
            `SELECT m.points_pending AS pending FROM membership.member_identity i JOIN membership.member m ON m.id = i.member_id
              WHERE i.platform = 'taobao' AND i.platform_user_id = $1`,
            [buyer],
          )
        ).rows as Array<{ pending: number }>,
      (rows) => rows.length === 1 && rows[0].pending > 0,
      { what: 'the pending points' },
    );
    await eventually(
      async () => (await db.query(`SELECT 1 FROM analytics.order_fact WHERE channel = 'taobao' AND order_id = $1`, [orderId])).rows,
      (rows) => rows.length === 1,
      { what: 'the counted sale' },
    );

    const webhook = await eventually(
      async () => receiver.spans.find((s) => s.service === 'gateway' && s.attributes['shopops.request_id'] === requestId),
      (span) => span !== undefined,
      { what: 'the span of the webhook request' },
    );
    if (!webhook) throw new Error('no webhook span');
    expect(webhook).toMatchObject({ name: 'POST /webhooks/:source', kind: SERVER });
    expect(webhook.parentSpanId).toBeUndefined();

    // Parents end after their children: wait until every span that arrived has its parent too.
    const consumerServices = ['inventory', 'membership', 'analytics'];
    const spans = await eventually(
      async () => receiver.trace(webhook.traceId),
      (found) =>
        consumerServices.every((service) => found.some((s) => s.service === service && s.kind === CONSUMER && s.name.endsWith(`process ${PAID}`))) &&
        orphansIn(found, webhook).length === 0,
      { what: 'a process span of the order event in inventory, membership and analytics, in one connected trace' },
    );

    // The outbox insert is the webhook request's child, in the gateway.
    const insert = only(spans, (s) => s.kind === PRODUCER && s.name === `outbox insert ${PAID}`);
    expect(insert).toMatchObject({ service: 'gateway', parentSpanId: webhook.spanId });
    // The relay published it to each consumer's queue, each publish in the same trace.
    const published = spans.filter((s) => s.kind === PRODUCER && s.name === `publish ${PAID}`);
    expect(published.map((s) => s.attributes['messaging.destination.name'])).toEqual(
      expect.arrayContaining(consumerServices.map((s) => expect.stringContaining(s))),
    );
    expect(published.every((s) => s.parentSpanId === insert.spanId)).toBe(true);
    // Each consumer handled it as the child of the context its envelope carried.
    for (const service of consumerServices) {
      const processed = spans.filter((s) => s.service === service && s.kind === CONSUMER && s.name.endsWith(`process ${PAID}`));
      expect(processed.length).toBeGreaterThanOrEqual(1);
      expect(
        processed.every((s) => s.parentSpanId === insert.spanId && s.attributes['messaging.message.id'] === insert.attributes['messaging.message.id']),
      ).toBe(true);
    }
    // What inventory emitted while reserving continues the trace, under its process span.
    const reserving = spans.find((s) => s.service === 'inventory' && s.kind === CONSUMER && s.name.endsWith(`process ${PAID}`));
    expect(spans.filter((s) => s.service === 'inventory' && s.name.startsWith('outbox insert inventory.') && s.parentSpanId === reserving?.spanId)).not.toEqual(
      [],
    );
    // One connected trace: every span's parent is in it, but the webhook request's.
    expect(orphansIn(spans, webhook)).toEqual([]);
  });
});

/** Spans of a trace whose parent is not in it, other than its root. */
function orphansIn(spans: readonly ReceivedSpan[], root: ReceivedSpan): string[] {
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.filter((s) => s.spanId !== root.spanId && !ids.has(s.parentSpanId ?? '')).map((s) => `${s.service}: ${s.name}`);
}

function only(spans: readonly ReceivedSpan[], match: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(match);
  if (found.length !== 1) throw new Error(`expected one span, found ${found.length}: ${JSON.stringify(spans.map((s) => `${s.service}: ${s.name}`))}`);
  return found[0];
}
