import { Inject, Injectable } from '@nestjs/common';
import { OutboundDeliveryDue, WebhookEndpointDisabled, type EventEnvelope, type OutboundDeliveryDuePayload } from '@shopops/contracts';
import { OnEvent, RequestContext, rootLogger, Scheduled, selectRows, UnitOfWork, type TransactionContext } from '@shopops/platform';
import { jittered, type OutboundConfig } from './outbound.config';
import { OutboundAttempt, OutboundMessage, WebhookEndpoint } from './outbound.entities';
import { OUTBOUND_CONFIG } from './outbound.tokens';
import { openSecret } from './secret-box';
import { WebhookSender, type SendOutcome } from './webhook-sender';

/** Messages left `sending` this long after their attempt began were lost with a process. */
const STUCK_AFTER_MS = 2 * 60_000;

/**
 * Delivers due messages: claims one in a short transaction, sends it after the commit (no
 * database connection is held while a subscriber answers), then records the attempt and
 * decides what follows — done, retry later, circuit open, or endpoint disabled.
 */
@Injectable()
export class OutboundDispatcher {
  private readonly log = rootLogger().child({ component: 'outbound-webhooks' });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sender: WebhookSender,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  @OnEvent(OutboundDeliveryDue)
  async deliverDue(tx: TransactionContext, event: EventEnvelope<OutboundDeliveryDuePayload>): Promise<void> {
    const message = await tx.repo(OutboundMessage).findOneBy({ id: event.payload.messageId, status: 'pending' });
    if (!message) return; // delivered, failed or superseded meanwhile
    const endpoint = await tx.repo(WebhookEndpoint).findOneByOrFail({ id: message.endpointId });
    if (endpoint.status === 'disabled') {
      await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'failed', lastError: `endpoint disabled: ${endpoint.disabledReason}` });
      return;
    }
    const waitMs = this.waitBeforeSending(endpoint);
    if (waitMs > 0) {
      tx.emit(OutboundDeliveryDue, { messageId: message.id }, { delayMs: waitMs });
      return;
    }
    const claimed = await tx
      .repo(OutboundMessage)
      .update({ id: message.id, status: 'pending' }, { status: 'sending', attempts: message.attempts + 1, lastAttemptAt: new Date() });
    if (!claimed.affected) return;
    const attempt = message.attempts + 1;
    tx.afterCommit(() => this.sendAndRecord(message, endpoint, attempt));
  }

  /** Paused endpoints and open circuits hold deliveries back without spending attempts. */
  private waitBeforeSending(endpoint: WebhookEndpoint): number {
    if (endpoint.status === 'paused') return this.config.circuitCooldownMs;
    const openUntil = endpoint.circuitOpenUntil?.getTime() ?? 0;
    return Math.max(0, openUntil - Date.now());
  }

  private async sendAndRecord(message: OutboundMessage, endpoint: WebhookEndpoint, attempt: number): Promise<void> {
    const now = Date.now();
    const secrets = endpoint.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now).map((s) => openSecret(s.box, this.config.secretsKey));
    const startedAt = new Date();
    const outcome = await this.sender.send({
      url: endpoint.url,
      messageId: message.id,
      eventType: message.eventType,
      occurredAt: message.occurredAt,
      payload: message.payload,
      secrets,
    });
    await this.unitOfWork.run(RequestContext.system(), (tx) => this.record(tx, message, endpoint.id, attempt, startedAt, outcome));
  }

  private async record(
    tx: TransactionContext,
    message: OutboundMessage,
    endpointId: string,
    attempt: number,
    startedAt: Date,
    outcome: SendOutcome,
  ): Promise<void> {
    await tx.repo(OutboundAttempt).insert({ messageId: message.id, attempt, startedAt, ...outcome });
    const endpoint = await tx.em.getRepository(WebhookEndpoint).findOneOrFail({ where: { id: endpointId }, lock: { mode: 'pessimistic_write' } });
    const status = outcome.statusCode;
    if (status !== null && status >= 200 && status < 300) {
      await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'delivered', deliveredAt: new Date(), lastError: null });
      await tx.repo(WebhookEndpoint).update({ id: endpointId }, { consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null });
      return;
    }
    const why = outcome.error ?? `HTTP ${status}`;
    if (status === 410) {
      await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'failed', lastError: why });
      await this.disable(tx, endpoint, 'the endpoint answered HTTP 410 Gone');
      return;
    }
    await this.recordFailure(tx, endpoint);
    const delay = this.config.retryScheduleMs[attempt - 1];
    if (delay === undefined) {
      await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'failed', lastError: `${why}; gave up after ${attempt} attempts` });
      return;
    }
    const wait = jittered(delay);
    await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'pending', lastError: why, nextAttemptAt: new Date(Date.now() + wait) });
    tx.emit(OutboundDeliveryDue, { messageId: message.id }, { delayMs: wait });
  }

  /** Counts the failure; opens the circuit after several in a row; disables after too long failing. */
  private async recordFailure(tx: TransactionContext, endpoint: WebhookEndpoint): Promise<void> {
    const failingSince = endpoint.failingSince ?? new Date();
    const failures = endpoint.consecutiveFailures + 1;
    if (Date.now() - failingSince.getTime() >= this.config.disableAfterMs) {
      await this.disable(tx, endpoint, `failing without a success since ${failingSince.toISOString()}`);
      return;
    }
    const circuitOpenUntil = failures >= this.config.circuitFailures ? new Date(Date.now() + this.config.circuitCooldownMs) : endpoint.circuitOpenUntil;
    await tx.repo(WebhookEndpoint).update({ id: endpoint.id }, { consecutiveFailures: failures, failingSince, circuitOpenUntil });
  }

  private async disable(tx: TransactionContext, endpoint: WebhookEndpoint, reason: string): Promise<void> {
    if (endpoint.status === 'disabled') return;
    await tx.repo(WebhookEndpoint).update({ id: endpoint.id }, { status: 'disabled', disabledReason: reason });
    tx.emit(WebhookEndpointDisabled, { endpointId: endpoint.id, url: endpoint.url, reason });
    this.log.warn({ endpointId: endpoint.id, url: endpoint.url, reason }, 'outbound webhook endpoint disabled');
  }

  /** A process that died mid-send left its message `sending`: put it back in line. */
  @Scheduled({ name: 'gateway.outbound-stuck-sweep', cron: '* * * * *' })
  async requeueStuckMessages(ctx: RequestContext): Promise<void> {
    await this.unitOfWork.run(ctx, async (tx) => {
      const stuck = await selectRows<{ id: string }>(
        tx.em,
        `WITH requeued AS (
           UPDATE outbound_message SET status = 'pending'
            WHERE status = 'sending' AND last_attempt_at < now() - ($1::int * interval '1 millisecond') RETURNING id)
         SELECT id FROM requeued`,
        [STUCK_AFTER_MS + this.config.timeoutMs],
      );
      for (const { id } of stuck) tx.emit(OutboundDeliveryDue, { messageId: id });
    });
  }
}
