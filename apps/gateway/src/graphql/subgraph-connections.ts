import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { traceOutgoingCall } from '@shopops/platform';
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * Keep-alive connections from the gateway to its subgraphs: one undici pool per subgraph origin
 * (an Agent keeps one per origin), at most `connections` sockets each. Apollo's default fetcher
 * (make-fetch-happen over node-fetch) builds a cache-aware request and response per call, which
 * costs the gateway more CPU than planning the query; this asks undici directly.
 */
export class SubgraphConnections {
  private readonly agent: Agent;

  constructor(connections: number) {
    this.agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 30_000 });
  }

  /** Where each subgraph URL points, split once rather than parsed on every fetch. */
  private readonly targets = new Map<string, { readonly origin: string; readonly path: string }>();

  /** The fetcher for Apollo's RemoteGraphQLDataSource: a POST of the subgraph request, answered with the little of fetch's Response Apollo reads. */
  readonly fetcher: Fetcher = async (url, init) => {
    const method = (init?.method ?? 'GET') as Dispatcher.HttpMethod;
    // Off, this is undefined and the call goes out as it came.
    const traced = traceOutgoingCall(method, url, init?.headers);
    return this.send(url, method, traced?.headers ?? init?.headers, init?.body, init?.signal as AbortSignal | undefined, traced);
  };

  /** One subgraph request as the Apollo engine sends it: a POST whose body is already JSON. */
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<SubgraphResponse> {
    const traced = traceOutgoingCall('POST', url, headers as Record<string, string>);
    return this.send(url, 'POST', traced?.headers ?? headers, body, undefined, traced);
  }

  private async send(
    url: string,
    method: Dispatcher.HttpMethod,
    headers: Dispatcher.RequestOptions['headers'],
    body: Dispatcher.RequestOptions['body'],
    signal: AbortSignal | undefined,
    traced: { end(status: number): void; fail(error: unknown): void } | undefined,
  ): Promise<SubgraphResponse> {
    try {
      const { origin, path } = this.targetOf(url);
      const response = await this.agent.request({ origin, path, method, headers, body, signal });
      // The body is read whole here, so nothing is left holding the socket.
      const text = await response.body.text();
      traced?.end(response.statusCode);
      return new SubgraphResponse(url, response.statusCode, new RawHeaders(response.headers), text);
    } catch (error) {
      traced?.fail(error);
      throw unreachable(url, error);
    }
  }

  private targetOf(url: string): { readonly origin: string; readonly path: string } {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      // Engines call a handful of configured URLs; anything else is not worth remembering.
      if (this.targets.size < MAX_REMEMBERED_TARGETS) this.targets.set(url, target);
    }
    return target;
  }

  /** A WHATWG fetch over the same pools, for engines that take one (Hive's custom fetch). */
  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const traced = traceOutgoingCall(init?.method ?? 'GET', url, init?.headers as Record<string, string> | Headers | undefined);
    const call = undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      ...(traced ? { headers: traced.headers as Record<string, string> } : {}),
      dispatcher: this.agent,
    }) as unknown as Promise<Response>;
    if (!traced) return call;
    try {
      const response = await call;
      traced.end(response.status);
      return response;
    } catch (error) {
      traced.fail(error);
      throw error;
    }
  };

  close(): Promise<void> {
    return this.agent.close();
  }
}

const MAX_REMEMBERED_TARGETS = 64;

// undici names socket failures its own way; clients are told what the default fetcher's network codes told them.
const NETWORK_CODE_OF: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
};

/** A failed subgraph call in the default fetcher's shape: "request to <url> failed, reason: …" with the network code. */
function unreachable(url: string, error: unknown): Error {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  const reason = typeof message === 'string' && message !== '' ? `, reason: ${message}` : '';
  const failure = new Error(`request to ${url} failed${reason}`, { cause: error }) as Error & { code?: string };
  if (typeof code === 'string') failure.code = NETWORK_CODE_OF[code] ?? code;
  return failure;
}

export class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_TEXT[this.status] ?? '';
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }

  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.headers, this.body);
  }
}

// HTTP/1.1 answers carry no reason phrase undici exposes; Apollo puts these in its error messages ("413: Payload Too Large").
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Fetch-style access to undici's raw header object (lower-case names). */
class RawHeaders implements FetcherHeaders {
  private readonly values_: Map<string, string>;

  constructor(raw: Record<string, string | string[] | undefined>) {
    this.values_ = new Map();
    for (const name in raw) {
      const value = raw[name];
      if (value !== undefined) this.values_.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.values_.get(key);
    this.values_.set(key, current === undefined ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.values_.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.values_.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values_.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.values_.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.values_.entries();
  }

  keys(): IterableIterator<string> {
    return this.values_.keys();
  }

  values(): IterableIterator<string> {
    return this.values_.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values_.entries();
  }
}
