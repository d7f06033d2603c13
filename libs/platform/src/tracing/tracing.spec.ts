import { randomBytes } from 'node:crypto';
import { isTraceparent } from '@shopops/contracts';
import { OtlpReceiver } from '@shopops/testing';
import { loadPlatformConfig } from '../config/platform-config';
import { traceOutgoingCall } from './outgoing-call';
import { endSpan, SpanKind, startSpan, startTracing, stopTracing, traceparentOf, tracingEnabled, type TracingConfig } from './tracing';

function remoteParent(sampled: boolean): { traceId: string; spanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-${sampled ? '01' : '00'}` };
}

describe('tracing switched off (no OTLP endpoint)', () => {
  it('registers nothing: no spans, outgoing calls go out untouched', () => {
    expect(loadPlatformConfig('catalog', {}, []).tracing.endpoint).toBeUndefined();
    expect(tracingEnabled()).toBe(false);
    expect(startSpan('work', remoteParent(true).traceparent)).toBeUndefined();
    expect(traceOutgoingCall('POST', 'http://127.0.0.1:1/graphql', { traceparent: remoteParent(true).traceparent })).toBeUndefined();
  });
});

describe('tracing exported over OTLP/HTTP', () => {
  let receiver: OtlpReceiver;
  const config = (overrides: Partial<TracingConfig> = {}): TracingConfig => ({
    endpoint: receiver.endpoint,
    samplePercent: 100,
    exportDelayMs: 50,
    exportBatchMax: 512,
    queueMax: 2048,
    ...overrides,
  });

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
  });
  afterEach(() => stopTracing());
  afterAll(() => receiver.close());

  it('parents spans by traceparent and hands the next hop a child context', async () => {
    expect(await startTracing('catalog', config())).toBe(true);
    const caller = remoteParent(true);
    const request = startSpan('POST /graphql', caller.traceparent, { kind: SpanKind.SERVER });
    if (!request) throw new Error('tracing is on but no span started');
    const call = traceOutgoingCall('POST', 'http://127.0.0.1:4001/graphql', { traceparent: traceparentOf(request), 'x-request-id': 'r-1' });
    if (!call) throw new Error('a traced call got no client span');
    expect(call.headers['x-request-id']).toBe('r-1');
    expect(isTraceparent(call.headers.traceparent)).toBe(true);
    call.end(502);
    endSpan(request);
    await stopTracing();

    const spans = receiver.trace(caller.traceId);
    const server = spans.find((s) => s.name === 'POST /graphql');
    const client = spans.find((s) => s.name === 'POST 127.0.0.1:4001/graphql');
    expect(server).toMatchObject({ service: 'catalog', parentSpanId: caller.spanId, kind: 2 });
    expect(client).toMatchObject({ parentSpanId: server?.spanId, kind: 3, statusCode: 2 });
    expect(client?.attributes['http.response.status_code']).toBe(502);
    // The callee is told the client span, not the server span.
    expect(call.headers.traceparent).toBe(`00-${caller.traceId}-${client?.spanId}-01`);
  });

  it('records no new traces at TRACE_SAMPLE_PERCENT=0, but still follows a caller who samples', async () => {
    expect(loadPlatformConfig('catalog', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, TRACE_SAMPLE_PERCENT: '0' }, []).tracing.samplePercent).toBe(0);
    await startTracing('catalog', config({ samplePercent: 0 }));
    const root = startSpan('scheduled work', undefined);
    const sampledCaller = remoteParent(true);
    const unsampledCaller = remoteParent(false);
    const followed = startSpan('followed', sampledCaller.traceparent);
    const dropped = startSpan('dropped', unsampledCaller.traceparent);
    for (const span of [root, followed, dropped]) endSpan(span);
    await stopTracing();

    expect(receiver.spans.filter((s) => s.name === 'scheduled work')).toEqual([]);
    expect(receiver.trace(unsampledCaller.traceId)).toEqual([]);
    expect(receiver.trace(sampledCaller.traceId).map((s) => s.name)).toEqual(['followed']);
  });

  it('marks a failed span as an error', async () => {
    await startTracing('inventory', config());
    const parent = remoteParent(true);
    endSpan(startSpan('outbox insert x', parent.traceparent), new Error('deadlock detected'));
    await stopTracing();
    expect(receiver.trace(parent.traceId)).toEqual([expect.objectContaining({ service: 'inventory', statusCode: 2 })]);
  });
});
