import { SpanKind } from '@opentelemetry/api';
import { endSpan, startSpan, traceparentOf, tracingEnabled } from './tracing';

/** The W3C header that carries trace context on HTTP calls. */
export const TRACEPARENT_HEADER = 'traceparent';

type HeaderBag = Record<string, string> | { get(name: string): string | null; set(name: string, value: string): void };

/** A client span around one outgoing HTTP call, and the headers that carry it to the callee. */
export interface OutgoingCall<H> {
  readonly headers: H;
  end(status: number): void;
  fail(error: unknown): void;
}

/**
 * For an outgoing call whose headers carry the caller's `traceparent` (the gateway's request
 * span): a client span under it, and a copy of the headers naming that span instead, so the
 * callee's server span is its child. Undefined while tracing is off or the call is not traced.
 */
export function traceOutgoingCall<H extends HeaderBag>(method: string, url: string, headers: H | undefined): OutgoingCall<H> | undefined {
  if (!tracingEnabled() || !headers) return undefined;
  const parent = isHeaders(headers) ? headers.get(TRACEPARENT_HEADER) : headers[TRACEPARENT_HEADER];
  if (!parent) return undefined;
  const target = new URL(url);
  const span = startSpan(`${method} ${target.host}${target.pathname}`, parent, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'url.full': url, 'server.address': target.hostname, 'server.port': Number(target.port) || 80 },
  });
  if (!span) return undefined;
  let carried: H;
  if (isHeaders(headers)) {
    // A copy: the caller may reuse its headers for other calls.
    const copy = headers instanceof Headers ? new Headers(headers) : headers;
    copy.set(TRACEPARENT_HEADER, traceparentOf(span));
    carried = copy as H;
  } else {
    carried = { ...headers, [TRACEPARENT_HEADER]: traceparentOf(span) };
  }
  return {
    headers: carried,
    end(status) {
      span.setAttribute('http.response.status_code', status);
      endSpan(span, status >= 500 ? `HTTP ${status}` : undefined);
    },
    fail(error) {
      endSpan(span, error);
    },
  };
}

function isHeaders(headers: HeaderBag): headers is Extract<HeaderBag, { get(name: string): string | null }> {
  return typeof (headers as { get?: unknown }).get === 'function';
}
