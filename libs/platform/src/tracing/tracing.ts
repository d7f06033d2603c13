import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Link, type Span, type SpanContext, type Tracer } from '@opentelemetry/api';
import { isTraceparent } from '@shopops/contracts';

export { SpanKind } from '@opentelemetry/api';

/** Where and how spans are exported; tracing is off without an endpoint. */
export interface TracingConfig {
  /** OTLP/HTTP collector base URL (`/v1/traces` is appended); unset: tracing is off. */
  readonly endpoint?: string;
  /** A full traces URL that replaces `endpoint + /v1/traces` (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). */
  readonly tracesEndpoint?: string;
  /** Share of new traces recorded; a request that arrives inside a trace follows its caller's choice. */
  readonly samplePercent: number;
  /** Finished spans wait at most this long before they are exported. */
  readonly exportDelayMs: number;
  readonly exportBatchMax: number;
  /** Spans beyond this many waiting are dropped, so a collector outage cannot grow memory. */
  readonly queueMax: number;
}

/** What the rest of the process calls; undefined while tracing is off, so every call site pays one comparison. */
let tracer: Tracer | undefined;
let shutdown: (() => Promise<void>) | undefined;

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/** The traces URL the config names, or undefined when tracing is off. */
export function tracesUrl(config: TracingConfig): string | undefined {
  if (config.tracesEndpoint) return config.tracesEndpoint;
  return config.endpoint ? `${config.endpoint.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/**
 * Registers an SDK tracer for this process when the config names a collector. The SDK is loaded
 * only then. No context manager is installed (no async hooks): spans are parented explicitly by
 * the W3C `traceparent` the request, the request context and the event envelope carry.
 */
export async function startTracing(serviceName: string, config: TracingConfig): Promise<boolean> {
  const url = tracesUrl(config);
  if (!url || tracer) return tracer !== undefined;
  const [{ BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { OTLPTraceExporter }, { Resource }] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': serviceName, 'process.pid': process.pid }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.samplePercent / 100) }),
  });
  provider.addSpanProcessor(
    new BatchSpanProcessor(new OTLPTraceExporter({ url }), {
      scheduledDelayMillis: config.exportDelayMs,
      maxExportBatchSize: Math.min(config.exportBatchMax, config.queueMax),
      maxQueueSize: config.queueMax,
    }),
  );
  tracer = provider.getTracer('shopops');
  shutdown = () => provider.shutdown();
  return true;
}

/** Exports what is buffered and turns tracing off (the drain's last step). */
export async function stopTracing(): Promise<void> {
  const stop = shutdown;
  tracer = undefined;
  shutdown = undefined;
  await stop?.();
}

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** Other traces this span belongs to as well (the events of a batch). */
  readonly links?: ReadonlyArray<string | undefined>;
}

/**
 * A span under `parent` (a W3C traceparent; a new trace when absent or malformed), or undefined
 * when tracing is off. End it with `endSpan`.
 */
export function startSpan(name: string, parent: string | undefined, options: SpanOptions = {}): Span | undefined {
  if (!tracer) return undefined;
  const parentContext = spanContextOf(parent);
  const links = (options.links ?? []).map(spanContextOf).filter((c): c is SpanContext => c !== undefined);
  return tracer.startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
      ...(links.length > 0 ? { links: links.map((context): Link => ({ context })) } : {}),
    },
    parentContext ? trace.setSpanContext(ROOT_CONTEXT, parentContext) : ROOT_CONTEXT,
  );
}

/** Ends a span, marking it failed when `error` is given. */
export function endSpan(span: Span | undefined, error?: unknown): void {
  if (!span) return;
  if (error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : typeof error === 'string' ? error : 'failed' });
    if (error instanceof Error) span.recordException(error);
  }
  span.end();
}

/** Runs `work` inside a span; off, it is just `work()`. */
export async function inSpan<T>(name: string, parent: string | undefined, options: SpanOptions, work: (span: Span | undefined) => Promise<T>): Promise<T> {
  const span = startSpan(name, parent, options);
  if (!span) return work(undefined);
  try {
    const result = await work(span);
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
}

/** The W3C traceparent that makes the next hop a child of `span`. */
export function traceparentOf(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** The ids logs carry for `span`. */
export function logIdsOf(span: Span): { traceId: string; spanId: string } {
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

function spanContextOf(traceparent: string | undefined): SpanContext | undefined {
  if (!isTraceparent(traceparent)) return undefined;
  const [, traceId, spanId, flags] = traceparent.split('-');
  return { traceId, spanId, traceFlags: parseInt(flags, 16), isRemote: true };
}
