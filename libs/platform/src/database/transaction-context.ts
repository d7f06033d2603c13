import { randomUUID } from 'node:crypto';
import { describeProblems, type EventDefinition } from '@shopops/contracts';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { RequestContext } from '../context/request-context';

export interface PendingEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: object;
  readonly requestId: string;
  readonly occurredAt: Date;
  /** W3C traceparent of the work that emitted it; the outbox stores its own span's in its place. */
  readonly traceparent?: string;
  /** Timers: delivered no earlier than this (unpaid-order release, SLA checks…). */
  readonly deliverAt?: Date;
}

export interface EmitOptions {
  /** Deliver the event after this many milliseconds: how services schedule their own timers. */
  readonly delayMs?: number;
  /** The request the event belongs to, when one transaction serves several (group commit). */
  readonly requestId?: string;
  /** The trace the event belongs to, when one transaction serves several requests (group commit). */
  readonly trace?: string;
  /**
   * The payload was just built from values validated against this definition's classes (e.g.
   * a 1,000-event batch checked event by event): skip validating it a second time.
   */
  readonly validated?: boolean;
}

/**
 * A request context bound to one database transaction. Repositories come from it, and events
 * emitted through it are written to the outbox in the same transaction as the change.
 */
export class TransactionContext extends RequestContext {
  readonly pendingEvents: PendingEvent[] = [];
  private readonly afterCommitHooks: Array<() => void | Promise<void>> = [];
  private emitTrace: string | undefined;

  constructor(
    parent: RequestContext,
    readonly em: EntityManager,
  ) {
    super(parent.requestId, parent.identity, parent.trace);
    this.emitTrace = parent.trace;
  }

  /** Events emitted from now on belong to this trace: a handler taking several events in one transaction moves to each one's. */
  traceEmitsUnder(traceparent: string | undefined): void {
    this.emitTrace = traceparent;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.em.getRepository(entity);
  }

  /** Records an event for the outbox; a payload that breaks its contract is a bug and throws. */
  emit<T extends object>(definition: EventDefinition<T>, payload: T, options: EmitOptions = {}): string {
    if (!options.validated) {
      const checked = definition.validate(JSON.parse(JSON.stringify(payload)));
      if (!checked.ok) throw new Error(`Refusing to emit ${definition.type}: ${describeProblems(checked.problems)}`);
    }
    const id = randomUUID();
    const now = new Date();
    this.pendingEvents.push({
      id,
      type: definition.type,
      payload,
      requestId: options.requestId ?? this.requestId,
      occurredAt: now,
      ...(options.trace || this.emitTrace ? { traceparent: options.trace ?? this.emitTrace } : {}),
      ...(options.delayMs ? { deliverAt: new Date(now.getTime() + options.delayMs) } : {}),
    });
    return id;
  }

  /** Runs after the transaction committed (never if it rolled back). */
  afterCommit(hook: () => void | Promise<void>): void {
    this.afterCommitHooks.push(hook);
  }

  takeAfterCommitHooks(): Array<() => void | Promise<void>> {
    return this.afterCommitHooks.splice(0);
  }
}
