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
  ) {}

  static system(requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, SYSTEM);
  }

  get isStaff(): boolean {
    const role = this.identity.role;
    return role !== 'anonymous' && role !== 'member' && role !== 'system';
  }
}

/**
 * Carries the request id into logs written anywhere below a request or a job; below an HTTP
 * request it also counts the SQL statements the request causes.
 */
export const logScope = new AsyncLocalStorage<{ requestId: string; sqlStatements?: number }>();
