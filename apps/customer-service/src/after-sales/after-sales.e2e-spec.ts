import { randomUUID } from 'node:crypto';
import { createProduct, eventually, GatewayClient, orderData, sendWebhook, settledMember, testPool, uniqueCode } from '@shopops/testing';

/** After-sales cases, disputes, review spikes and quality tracing — through the gateway and signed webhooks. */
describe('after-sales, disputes and reviews', () => {
  const gateway = new GatewayClient();
  const agentRole = { role: 'cs_agent' as const };
  const db = testPool();
  afterAll(() => db.end());

  const paidOrder = async (skuCode: string, totalFen: number, user = `tb_as_${randomUUID().slice(0, 8)}`, type = 'order.paid') => {
    const orderId = `TB${uniqueCode('AS')}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: user, nickname: '小林' },
      lines: [{ skuCode, quantity: 2, unitPriceFen: totalFen / 2 }],
      totalFen,
      ...(type === 'order.shipped' ? { shipment: { carrier: 'SF', trackingNo: `SF${Date.now()}` } } : {}),
    });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type, data })).status).toBe(202);
    await eventually(
      async () => (await db.query(`SELECT 1 FROM customer_service.customer_order WHERE order_id = $1`, [orderId])).rowCount,
      (n) => n === 1,
      { what: 'customer service to learn the order' },
    );
    return { orderId, user, data };
  };
  const openCase = (input: Record<string, unknown>) =>
    gateway.data<{
      openAfterSalesCase: {
        __typename: string;
        id?: string;
        status?: string;
        fastTracked?: boolean;
        refundedFen?: number;
        requestedFen?: number;
        alreadyRefundedFen?: number;
      };
    }>(
      `mutation($i: OpenCaseInput!) { openAfterSalesCase(input: $i) { __typename ... on AfterSalesCase { id status fastTracked refundedFen } ... on RefundExceedsOrderError { requestedFen alreadyRefundedFen } } }`,
      { i: { channel: 'taobao', quantity: 1, reason: '尺码偏大', reasonCategory: 'SIZE', ...input } },
      agentRole,
    );
  const act = (caseId: string, action: string, extra: Record<string, unknown> = {}) =>
    gateway.data<{ actOnAfterSalesCase: { __typename: string; status?: string; action?: string } }>(
      `mutation($i: CaseActionInput!) { actOnAfterSalesCase(input: $i) { __typename ... on AfterSalesCase { status } ... on IllegalCaseActionError { status action } } }`,
      { i: { caseId, action, ...extra } },
      agentRole,
    );
  const outboxOf = async (type: string, caseId: string) =>
    (await db.query(`SELECT payload FROM customer_service.outbox WHERE type = $1 AND payload->>'caseId' = $2`, [type, caseId])).rows.map((r) => r.payload);

  it('takes a return through pick-up, receipt (stock back) and refund, refusing refunds beyond the order and illegal moves', async () => {
    const sku = uniqueCode('AS-SKU');
    const { orderId } = await paidOrder(sku, 60000, undefined, 'order.shipped');
    expect((await openCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 60001 })).openAfterSalesCase).toEqual({
      __typename: 'RefundExceedsOrderError',
      requestedFen: 60001,
      alreadyRefundedFen: 0,
    });
    expect((await openCase({ kind: 'RETURN', orderId, skuCode: 'NOT-IN-ORDER', amountFen: 100 })).openAfterSalesCase.__typename).toBe('NotFoundError');
    const opened = (await openCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 30000 })).openAfterSalesCase;
    expect(opened).toMatchObject({ __typename: 'AfterSalesCase', status: 'REQUESTED', fastTracked: false });
    // The second unit may not claim more than is left of the order.
    expect((await openCase({ kind: 'RETURN', orderId, skuCode: sku, amountFen: 30001 })).openAfterSalesCase).toEqual({
      __typename: 'RefundExceedsOrderError',
      requestedFen: 30001,
      alreadyRefundedFen: 30000,
    });

    const id = opened.id!;
    expect((await act(id, 'refund')).actOnAfterSalesCase).toEqual({ __typename: 'IllegalCaseActionError', status: 'REQUESTED', action: 'refund' });
    expect((await act(id, 'approve')).actOnAfterSalesCase.status).toBe('APPROVED');
    const noAddress = await gateway.query(
      `mutation($i: CaseActionInput!) { actOnAfterSalesCase(input: $i) { __typename } }`,
      { i: { caseId: id, action: 'book-pickup', pickupAt: '2026-12-01T10:00:00+08:00' } },
      agentRole,
    );
    expect(noAddress.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['pickupAddress'] });
    expect(
      (await act(id, 'book-pickup', { pickupAt: '2026-12-01T10:00:00+08:00', pickupAddress: '上海市徐汇区漕溪北路 88 号' })).actOnAfterSalesCase.status,
    ).toBe('PICKUP_BOOKED');
    expect((await act(id, 'receive', { locationCode: 'SH-FRONT' })).actOnAfterSalesCase.status).toBe('RECEIVED');
    expect(await outboxOf('customer-service.return.received.v1', id)).toEqual([
      expect.objectContaining({ orderId, skuCode: sku, quantity: 1, locationCode: 'SH-FRONT' }),
    ]);
    expect((await act(id, 'refund')).actOnAfterSalesCase.status).toBe('REFUNDED');
    expect(await outboxOf('customer-service.refund.issued.v1', id)).toEqual([expect.objectContaining({ orderId, amountFen: 30000 })]);
    expect((await act(id, 'refund')).actOnAfterSalesCase).toEqual({ __typename: 'IllegalCaseActionError', status: 'REFUNDED', action: 'refund' });
    expect(await outboxOf('customer-service.refund.issued.v1', id)).toHaveLength(1);
  });

  it('fast-tracks a trusted member’s small refund: approved and refunded at once', async () => {
    const sku = uniqueCode('FT-SKU');
    const user = `tb_trusted_${randomUUID().slice(0, 8)}`;
    // ¥3,500 paid makes the buyer a silver member; customer service learns the tier from membership.
    await paidOrder(sku, 350000, user);
    const member = await settledMember(gateway, 'taobao', user, (m) => m.tier.code === 'silver');
    await eventually(
      async () => (await db.query(`SELECT tier_code FROM customer_service.member_tier WHERE member_id = $1`, [member.id])).rows[0]?.tier_code,
      (t) => t === 'silver',
      { what: 'the tier to reach customer service' },
    );
    const { orderId } = await paidOrder(sku, 16000, user);
    const fast = (await openCase({ kind: 'REFUND_ONLY', orderId, skuCode: sku, amountFen: 8000, reasonCategory: 'QUALITY', reason: '线头多' }))
      .openAfterSalesCase;
    expect(fast).toMatchObject({ status: 'REFUNDED', fastTracked: true, refundedFen: 8000 });
    expect(await outboxOf('customer-service.refund.issued.v1', fast.id!)).toHaveLength(1);
    const big = (await openCase({ kind: 'REFUND_ONLY', orderId, skuCode: sku, amountFen: 8000, reasonCategory: 'CHANGED_MIND', reason: '不想要了' }))
      .openAfterSalesCase;
    expect(big).toMatchObject({ status: 'REFUNDED', fastTracked: true });
    const stranger = await paidOrder(sku, 16000);
    expect((await openCase({ kind: 'REFUND_ONLY', orderId: stranger.orderId, skuCode: sku, amountFen: 8000 })).openAfterSalesCase).toMatchObject({
      status: 'REQUESTED',
      fastTracked: false,
    });
  });

  it('decides ordinary disputes by rule (recording which) and queues large or complex ones for experts', async () => {
    const sku = uniqueCode('DS-SKU');
    const shipped = await paidOrder(sku, 30000, undefined, 'order.shipped');
    const open = (input: Record<string, unknown>) =>
      gateway.data<{
        openDispute: {
          id: string;
          grade: string;
          status: string;
          decision: string | null;
          ruleFired: string | null;
          compensationFen: number;
          refundFen: number;
        };
      }>(
        `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { ... on Dispute { id grade status decision ruleFired compensationFen refundFen } } }`,
        { i: { channel: 'taobao', orderId: shipped.orderId, ...input } },
        agentRole,
      );
    expect((await open({ claim: 'LOST_IN_TRANSIT', amountFen: 30000 })).openDispute).toMatchObject({
      grade: 'ORDINARY',
      status: 'DECIDED',
      decision: 'BUYER',
      compensationFen: 30000,
      refundFen: 0,
      ruleFired: expect.stringContaining('shipped-not-delivered'),
    });
    expect((await open({ claim: 'QUALITY', amountFen: 30000 })).openDispute).toMatchObject({ decision: 'SELLER', ruleFired: 'defect-without-evidence' });
    const expert = (await open({ claim: 'NOT_AS_DESCRIBED', amountFen: 250000, evidence: ['https://img.example.com/proof.jpg'] })).openDispute;
    expect(expert).toMatchObject({ grade: 'EXPERT', status: 'EXPERT_QUEUE', decision: null });
    const decide = () =>
      gateway.data<{ decideDispute: { __typename: string; decision?: string } }>(
        `mutation($id: ID!) { decideDispute(id: $id, decision: "BUYER", note: "面料与描述不符", compensationFen: 50000) { __typename ... on Dispute { decision } } }`,
        { id: expert.id },
        { role: 'operator' },
      );
    expect((await decide()).decideDispute).toEqual({ __typename: 'Dispute', decision: 'BUYER' });
    expect((await decide()).decideDispute.__typename).toBe('InvalidStateError');
    const unknown = await gateway.data<{ openDispute: { __typename: string; entity?: string; key?: string } }>(
      `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { __typename ... on NotFoundError { entity key } } }`,
      { i: { channel: 'nowhere', orderId: 'NO-SUCH-ORDER-43', claim: 'LOST_IN_TRANSIT', amountFen: 30000 } },
      agentRole,
    );
    expect(unknown.openDispute).toEqual({ __typename: 'NotFoundError', entity: 'Order', key: 'nowhere:NO-SUCH-ORDER-43' });
    const bad = await gateway.query(
      `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { __typename } }`,
      { i: { channel: 'taobao', orderId: 'x', claim: 'BORED', amountFen: -1 } },
      agentRole,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['claim', 'amountFen'] });
  });

  it('opens an incident on a spike of negative reviews, with a contact task per reviewer, and a quality issue for the supplier', async () => {
    const product = uniqueCode('RV');
    const sku = `${product}-1`;
    await createProduct(gateway, { code: product, title: '羊毛开衫', skus: [{ code: sku, listPriceFen: 59900 }] });
    await eventually(
      async () => (await db.query(`SELECT 1 FROM customer_service.sku_product WHERE sku_code = $1`, [sku])).rowCount,
      (n) => n === 1,
      { what: 'customer service to learn the SKU' },
    );
    const review = (i: number, rating: number, text: string) =>
      sendWebhook(gateway.baseUrl, 'taobao', {
        type: 'review.created',
        data: {
          reviewId: `R-${sku}-${i}`,
          orderId: `TB-${sku}-${i}`,
          skuCode: sku,
          buyer: { platformUserId: `tb_rev_${sku}_${i}` },
          rating,
          text,
          images: [],
          createdAt: new Date().toISOString(),
        },
      });
    for (let i = 1; i <= 5; i++) expect((await review(i, 1, `质量太差，洗一次就起球开线 #${i}`)).status).toBe(202);
    expect((await review(90, 5, '很喜欢，面料舒服')).status).toBe(202);
    const quality = await eventually(
      async () =>
        (
          await gateway.data<{ qualityIssues: Array<{ reason: string; source: string; occurrences: number }> }>(
            `query($s: String) { qualityIssues(skuCode: $s) { reason source occurrences } }`,
            { s: sku },
            agentRole,
          )
        ).qualityIssues,
      (q) => q.length === 1 && q[0].occurrences >= 5,
      { what: 'a quality issue' },
    );
    expect(quality[0]).toMatchObject({ reason: 'product-quality', source: 'review' });
    const incidentsFor = async () =>
      (
        await gateway.data<{
          reviewIncidents: Array<{
            id: string;
            scope: string;
            scopeKey: string;
            negativeReviews: number;
            status: string;
            contactTasks: Array<{ id: string; reviewId: string }>;
            checklist: Array<{ step: string }>;
            recoveryRate: number;
          }>;
        }>(`{ reviewIncidents { id scope scopeKey negativeReviews status recoveryRate checklist { step } contactTasks { id reviewId } } }`, {}, agentRole)
      ).reviewIncidents.filter((i) => i.scopeKey === product);
    // Five is not more than five: no incident yet.
    expect(await incidentsFor()).toEqual([]);
    expect((await review(6, 2, '和图片色差很大，质量也一般')).status).toBe(202);
    const [incident] = await eventually(incidentsFor, (list) => list.length === 1, { what: 'the incident' });
    expect(incident).toMatchObject({ scope: 'product', negativeReviews: 6, status: 'OPEN' });
    expect(incident.contactTasks).toHaveLength(6);
    expect(incident.checklist.length).toBeGreaterThanOrEqual(5);
    const alert = await db.query(
      `SELECT payload FROM customer_service.outbox WHERE type = 'customer-service.review-spike.detected.v1' AND payload->>'incidentId' = $1`,
      [incident.id],
    );
    expect(alert.rows[0].payload).toMatchObject({ scope: 'product', negativeReviews: 6, windowHours: 24 });
    const qualityEvent = await db.query(
      `SELECT count(*)::int AS n FROM customer_service.outbox WHERE type = 'customer-service.quality-issue.opened.v1' AND payload->>'skuCode' = $1`,
      [sku],
    );
    expect(qualityEvent.rows[0].n).toBe(1);

    const health = await gateway.data<{ sku: { reviewHealth: { reviews: number; negative30d: number; topComplaint: string; inIncident: boolean } } }>(
      `query($c: String!) { sku(code: $c) { reviewHealth { reviews negative30d topComplaint inIncident } } }`,
      { c: sku },
      agentRole,
    );
    expect(health.sku.reviewHealth).toEqual({ reviews: 7, negative30d: 6, topComplaint: 'product-quality', inIncident: true });
    for (const [index, task] of incident.contactTasks.entries()) {
      await gateway.data(
        `mutation($t: ID!, $r: Boolean!) { completeContactTask(taskId: $t, outcome: "致电致歉并补发", recovered: $r) { __typename } }`,
        { t: task.id, r: index % 2 === 0 },
        agentRole,
      );
    }
    const [closed] = await incidentsFor();
    expect(closed).toMatchObject({ status: 'RESOLVED', recoveryRate: 0.5 });
  });
});
