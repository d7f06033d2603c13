import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Role } from '@shopops/contracts';

/** Who is calling. `anonymous` requests came through the gateway without a token. */
export interface Identity {
  readonly subject: string;
  readonly role: Role | 'anonymous' | 'system';
  /** Set for member tokens: the member the caller is. */
  readonly memberId?: string;
}

export const ANONYMOUS: Identity = Object.freeze({ subject: 'anonymous', role: 'anonymous' });
export const SYSTEM: Identity = Object.freeze({ subject: 'system', role: 'system' });

/**
 * The first argument of every service method: who is calling and which request this is.
 * Inside a unit of work the context also carries the transaction (see TransactionContext).
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly identity: Identity,
    /** W3C traceparent of the span this work runs in; events emitted under it join its trace. */
    readonly trace?: string,
  ) {}

  static system(requestId: string = randomUUID(), trace?: string): RequestContext {
    return new RequestContext(requestId, SYSTEM, trace);
  }

  get isStaff(): boolean {
    const role = this.identity.role;
    return role !== 'anonymous' && role !== 'member' && role !== 'system';
  }
}

/** What logs written below a request or a job carry; the trace ids only while tracing is on. */
export interface LogScope {
  requestId: string;
  sqlStatements?: number;
  traceId?: string;
  spanId?: string;
}

/**
 * Carries the request id (and the trace ids of its span) into logs written anywhere below a
 * request or a job; below an HTTP request it also counts the SQL statements the request causes.
 */
export const logScope = new AsyncLocalStorage<LogScope>();
