import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createSkus,
  eventHandled,
  eventually,
  GatewayClient,
  orderData,
  PROJECT_ROOT,
  receiveStock,
  reservationOf,
  sendWebhook,
  stockOf,
  testPool,
  uniqueCode,
  webhookHandled,
} from '@shopops/testing';
import { graphql, type OpenCaseInput, type OpenDisputeInput } from '@shopops/client';
import { expectTypename, typedGateway } from './typed-gateway';

const OpenCase = graphql(`
  mutation AfterSalesOpenCase($i: OpenCaseInput!) {
    openAfterSalesCase(input: $i) {
      __typename
      ... on AfterSalesCase {
        id
        status
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);
const ActOnCase = graphql(`
  mutation AfterSalesActOnCase($i: CaseActionInput!) {
    actOnAfterSalesCase(input: $i) {
      __typename
      ... on AfterSalesCase {
        status
      }
      ... on IllegalCaseActionError {
        status
      }
    }
  }
`);
const OpenDispute = graphql(`
  mutation AfterSalesOpenDispute($i: OpenDisputeInput!) {
    openDispute(input: $i) {
      __typename
      ... on Dispute {
        id
        decision
        ruleFired
        compensationFen
      }
    }
  }
`);

/**
 * After-sales goods and money across services: returns only come back on shipped orders, a
 * refund before shipping frees the stock and is counted, exchanges take the replacement off the
 * shelf, disputes need a known order and weigh tracking, and `ops reconcile` sees what slips.
 */
describe('after-sales goods, refunds and disputes across services', () => {
  const gateway = new GatewayClient();
  const agent = typedGateway(gateway, 'cs_agent');
  const db = testPool();
  afterAll(() => db.end());

  const order = async (skuCode: string, type: 'order.paid' | 'order.shipped', trackingNo?: string) => {
    const orderId = `TB${uniqueCode('AG')}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: `tb_ag_${randomUUID().slice(0, 8)}` },
      lines: [{ skuCode, quantity: 1, unitPriceFen: 30000 }],
      totalFen: 30000,
      ...(trackingNo ? { shipment: { carrier: 'SF', trackingNo, locationCode: 'CENTRAL' } } : {}),
    });
    for (const t of type === 'order.paid' ? ['order.paid'] : ['order.paid', 'order.shipped']) {
      const id = `msg_${randomUUID()}`;
      expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: t, data }, { id })).status).toBe(202);
      await webhookHandled('customer-service', id);
      await webhookHandled('inventory', id);
    }
    return orderId;
  };
  const stockedSku = async (units = 10) => {
    const [sku] = await createSkus(gateway, 1, 30000, 'AG');
    await receiveStock(gateway, sku, 'CENTRAL', units);
    return sku;
  };
  const openCase = (input: Pick<OpenCaseInput, 'kind' | 'orderId' | 'skuCode' | 'amountFen'> & Partial<OpenCaseInput>) =>
    agent.request(OpenCase, { i: { channel: 'taobao', quantity: 1, reason: '不想要了', reasonCategory: 'CHANGED_MIND', ...input } });
  /** Opens a case that must be accepted. */
  const openedCase = async (input: Parameters<typeof openCase>[0]) => expectTypename((await openCase(input)).openAfterSalesCase, 'AfterSalesCase');
  const act = async (caseId: string, action: string, extra: { locationCode?: string; pickupAt?: string; pickupAddress?: string } = {}) =>
    (await agent.request(ActOnCase, { i: { caseId, action, ...extra } })).actOnAfterSalesCase;
  const pickup = { pickupAt: '2026-12-01T10:00:00+08:00', pickupAddress: '上海市徐汇区漕溪北路 88 号' };
  /** The event customer service emitted for a case or dispute, once every named service has handled it. */
  const handledEvent = async (type: string, key: 'caseId' | 'disputeId', id: string, services: Array<'inventory' | 'analytics' | 'membership'>) => {
    const { rows } = await db.query(`SELECT event_id, payload FROM customer_service.outbox WHERE type = $1 AND payload->>$2 = $3`, [type, key, id]);
    expect(rows).toHaveLength(1);
    for (const service of services) await eventHandled(service, rows[0].event_id);
    return rows[0].payload;
  };
  const countedRefund = async (ref: string) =>
    (await db.query(`SELECT amount_fen::int FROM analytics.counted_fact WHERE kind = 'refund' AND channel = 'taobao' AND ref = $1`, [ref])).rows;

  it('refuses a return on an order that never shipped; its refund before shipping frees the stock and is counted', async () => {
    const sku = await stockedSku();
    const orderId = await order(sku, 'order.paid');
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 10, reserved: 1 });
    expect((await openCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 30000 })).openAfterSalesCase).toEqual({
      __typename: 'OrderNotShippedError',
      errorCode: 'ORDER_NOT_SHIPPED',
      message: expect.stringContaining(`Order ${orderId} is PAID`),
    });
    expect((await openCase({ kind: 'EXCHANGE', orderId, skuCode: sku, amountFen: 0 })).openAfterSalesCase.__typename).toBe('OrderNotShippedError');
    const refund = await openedCase({ kind: 'REFUND_ONLY', orderId, skuCode: sku, amountFen: 30000 });
    expect(await act(refund.id, 'approve')).toMatchObject({ status: 'APPROVED' });
    expect(await act(refund.id, 'refund')).toMatchObject({ status: 'REFUNDED' });
    const issued = await handledEvent('customer-service.refund.issued.v1', 'caseId', refund.id, ['inventory', 'analytics']);
    expect(issued.lines).toEqual([{ skuCode: sku, quantity: 1 }]);
    expect(await reservationOf(gateway, 'taobao', orderId)).toMatchObject({ status: 'RELEASED', reason: 'refunded before shipping' });
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    expect(await countedRefund(`case:${refund.id}`)).toEqual([{ amount_fen: 30000 }]);
  });

  it('receives a return only through the booked pick-up, and puts it back only because the order shipped', async () => {
    const sku = await stockedSku();
    const orderId = await order(sku, 'order.shipped', `SF${uniqueCode('T')}`);
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 9, reserved: 0 });
    const opened = await openedCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 30000 });
    expect(await act(opened.id, 'approve')).toMatchObject({ status: 'APPROVED' });
    expect(await act(opened.id, 'receive')).toEqual({ __typename: 'IllegalCaseActionError', status: 'APPROVED' });
    expect(await act(opened.id, 'book-pickup', pickup)).toMatchObject({ status: 'PICKUP_BOOKED' });
    expect(await act(opened.id, 'receive', { locationCode: 'CENTRAL' })).toMatchObject({ status: 'RECEIVED' });
    await handledEvent('customer-service.return.received.v1', 'caseId', opened.id, ['inventory']);
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 10, reserved: 0 });
  });

  it('records both movements of an exchange: the returned unit in and the replacement out', async () => {
    const sku = await stockedSku();
    const orderId = await order(sku, 'order.shipped', `SF${uniqueCode('T')}`);
    const exchange = await openedCase({ kind: 'EXCHANGE', orderId, skuCode: sku, amountFen: 0, reasonCategory: 'SIZE', reason: '换小一码' });
    await act(exchange.id, 'approve');
    await act(exchange.id, 'book-pickup', pickup);
    await act(exchange.id, 'receive', { locationCode: 'CENTRAL' });
    expect(await act(exchange.id, 'reship', { locationCode: 'CENTRAL' })).toMatchObject({ status: 'RESHIPPED' });
    await handledEvent('customer-service.return.received.v1', 'caseId', exchange.id, ['inventory']);
    await handledEvent('customer-service.replacement.shipped.v1', 'caseId', exchange.id, ['inventory']);
    const { rows } = await db.query(`SELECT kind, on_hand_delta FROM inventory.stock_movement WHERE sku_code = $1 AND reference LIKE '%' || $2 ORDER BY id`, [
      sku,
      exchange.id,
    ]);
    expect(rows).toEqual([
      { kind: 'RETURN', on_hand_delta: 1 },
      { kind: 'EXCHANGE_OUT', on_hand_delta: -1 },
    ]);
    // 10 received, 1 shipped with the order, 1 back, 1 replacement out.
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 9, reserved: 0 });
  });

  it('refuses disputes on orders it has never seen, weighs tracking, and pays what it rules through the outbox', async () => {
    const dispute = async (input: Pick<OpenDisputeInput, 'orderId' | 'claim'> & Partial<OpenDisputeInput>) =>
      (await agent.request(OpenDispute, { i: { channel: 'taobao', amountFen: 30000, ...input } })).openDispute;
    /** A dispute that must be opened. */
    const openedDispute = async (input: Parameters<typeof dispute>[0]) => expectTypename(await dispute(input), 'Dispute');
    expect(await dispute({ channel: 'nowhere', orderId: 'NO-SUCH-ORDER-43', claim: 'LOST_IN_TRANSIT' })).toEqual({ __typename: 'NotFoundError' });
    expect((await db.query(`SELECT 1 FROM customer_service.dispute WHERE order_id = 'NO-SUCH-ORDER-43'`)).rowCount).toBe(0);

    const sku = await stockedSku();
    // The carrier reports delivery before the order's shipment names the parcel.
    const delivered = `SF${uniqueCode('D')}`;
    const logistics = `msg_${randomUUID()}`;
    const at = new Date().toISOString();
    expect(
      (
        await sendWebhook(
          gateway.baseUrl,
          'taobao',
          { type: 'logistics.updated', data: { trackingNo: delivered, carrier: 'SF', status: 'delivered', at } },
          { id: logistics },
        )
      ).status,
    ).toBe(202);
    await webhookHandled('customer-service', logistics);
    const deliveredOrder = await order(sku, 'order.shipped', delivered);
    expect(await dispute({ orderId: deliveredOrder, claim: 'NOT_RECEIVED' })).toMatchObject({ decision: 'SELLER', ruleFired: 'delivered-per-tracking' });

    const lost = await order(sku, 'order.shipped', `SF${uniqueCode('L')}`);
    const compensated = await openedDispute({ orderId: lost, claim: 'NOT_RECEIVED' });
    expect(compensated).toMatchObject({ decision: 'BUYER', compensationFen: 30000 });
    const paid = await db.query(
      `SELECT payload FROM customer_service.outbox WHERE type = 'customer-service.compensation.paid.v1' AND payload->>'disputeId' = $1`,
      [compensated.id],
    );
    expect(paid.rows.map((r) => r.payload)).toEqual([expect.objectContaining({ orderId: lost, amountFen: 30000 })]);

    const unshipped = await order(sku, 'order.paid');
    const refunded = await openedDispute({ orderId: unshipped, claim: 'NOT_RECEIVED' });
    expect(refunded).toMatchObject({ decision: 'BUYER', ruleFired: 'never-shipped: full refund', compensationFen: 0 });
    const issued = await handledEvent('customer-service.refund.issued.v1', 'disputeId', refunded.id, ['inventory', 'analytics', 'membership']);
    expect(issued).toMatchObject({ orderId: unshipped, amountFen: 30000, lines: [{ skuCode: sku, quantity: 1 }] });
    expect(await reservationOf(gateway, 'taobao', unshipped)).toMatchObject({ status: 'RELEASED' });
    expect(await countedRefund(`dispute:${refunded.id}`)).toEqual([{ amount_fen: 30000 }]);
    // Membership takes the order's points back for it, once, by the dispute's id.
    const reversed = await db.query(`SELECT order_id, amount_fen FROM membership.member_refund WHERE channel = 'taobao' AND refund_id = $1`, [
      `dispute:${refunded.id}`,
    ]);
    expect(reversed.rows).toEqual([{ order_id: unshipped, amount_fen: 30000 }]);
  });

  it('keeps the furthest status of an order whatever order its events arrive in, so a paid order is never refunded as unpaid', async () => {
    const sku = await stockedSku();
    const orderId = `TB${uniqueCode('AO')}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: `tb_ao_${randomUUID().slice(0, 8)}` },
      lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 30000 }],
      totalFen: 30000,
      shipment: { carrier: 'SF', trackingNo: `SF${uniqueCode('O')}` },
    });
    const statusAfter = async (type: string) => {
      const id = `msg_${randomUUID()}`;
      expect((await sendWebhook(gateway.baseUrl, 'taobao', { type, data }, { id })).status).toBe(202);
      await webhookHandled('customer-service', id);
      return (await db.query(`SELECT status FROM customer_service.customer_order WHERE channel = 'taobao' AND order_id = $1`, [orderId])).rows[0].status;
    };
    expect(await statusAfter('order.paid')).toBe('PAID');
    expect(await statusAfter('order.created')).toBe('PAID');
    expect(await statusAfter('order.shipped')).toBe('SHIPPED');
    expect(await statusAfter('order.cancelled')).toBe('SHIPPED');
    expect(await statusAfter('order.completed')).toBe('COMPLETED');
  });

  it('reconcile reports a return on an order that never shipped, a refund analytics never counted and customer service out of step', async () => {
    const ops = async () => {
      const env = {
        ...process.env,
        DATABASE_URL: process.env.SHOPOPS_TEST_DATABASE_URL,
        QUEUE_PREFIX: process.env.SHOPOPS_TEST_QUEUE_PREFIX,
        GATEWAY_URL: process.env.SHOPOPS_GATEWAY_URL,
        RECONCILE_SETTLE_SECONDS: '0',
      };
      const run = promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'ops.js'), 'reconcile', '--json', '--hours', '1'], { env });
      const { stdout, stderr } = await run.catch((error: { stdout: string; stderr: string }) => error);
      if (!stdout) throw new Error(`reconcile printed nothing: ${stderr}`);
      return (JSON.parse(stdout) as { differences: Array<{ orderId: string; service: string; problem: string }> }).differences;
    };
    const sku = await stockedSku();
    const orderId = await order(sku, 'order.paid');
    const mine = async () => (await ops()).filter((d) => d.orderId === orderId).map((d) => `${d.service}: ${d.problem}`);
    await eventually(mine, (d) => d.length === 0, { what: 'the order to reach every service' });

    // Customer service believes the order shipped when the channel never said so.
    await db.query(`UPDATE customer_service.customer_order SET status = 'SHIPPED' WHERE channel = 'taobao' AND order_id = $1`, [orderId]);
    const opened = await openedCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 30000 });
    await act(opened.id, 'approve');
    await act(opened.id, 'book-pickup', pickup);
    await act(opened.id, 'receive', { locationCode: 'CENTRAL' });
    await handledEvent('customer-service.return.received.v1', 'caseId', opened.id, ['inventory']);
    // Inventory puts nothing back for an order whose stock never left.
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 10, reserved: 1 });
    await act(opened.id, 'refund');
    await handledEvent('customer-service.refund.issued.v1', 'caseId', opened.id, ['inventory', 'analytics']);
    // Analytics loses the refund.
    await db.query(`DELETE FROM analytics.counted_fact WHERE kind = 'refund' AND ref = $1`, [`case:${opened.id}`]);

    expect((await mine()).sort()).toEqual(
      [
        'customer-service: order SHIPPED, expected PAID',
        `customer-service: return received on case ${opened.id}, but the order never shipped (reservation RELEASED)`,
        `analytics: refund case:${opened.id} not counted`,
      ].sort(),
    );
  });
});
