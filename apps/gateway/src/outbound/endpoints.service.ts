import { Inject, Injectable } from '@nestjs/common';
import { newWebhookSecret, OUTBOUND_EVENTS, OutboundDeliveryDue, publicEventType } from '@shopops/contracts';
import { HttpRefusal, UnitOfWork, type RequestContext } from '@shopops/platform';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Between, DataSource, In } from 'typeorm';
import type { CreateEndpointBody, ReplayBody, UpdateEndpointBody } from './endpoint.dto';
import { urlProblem } from './network-guard';
import type { OutboundConfig } from './outbound.config';
import { OutboundAttempt, OutboundMessage, WebhookEndpoint, type MessageStatus } from './outbound.entities';
import { OUTBOUND_CONFIG } from './outbound.tokens';
import { sealSecret } from './secret-box';

/** Public event type (`inventory.channel-stock.changed`) → internal versioned type. */
const INTERNAL_TYPES = new Map(OUTBOUND_EVENTS.map((d) => [publicEventType(d.type), d.type]));
export const PUBLIC_EVENT_TYPES = [...INTERNAL_TYPES.keys()].sort();

export class EndpointRefusal extends HttpRefusal {
  constructor(status: 400 | 404, message: string, details: string[] = []) {
    super(status, message, details);
  }
}

export interface EndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: string;
  disabledReason: string | null;
  consecutiveFailures: number;
  circuitOpenUntil: string | null;
  secretsValid: number;
  createdAt: string;
}

export function viewOf(endpoint: WebhookEndpoint): EndpointView {
  const now = Date.now();
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes.map(publicEventType),
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
    consecutiveFailures: endpoint.consecutiveFailures,
    circuitOpenUntil: endpoint.circuitOpenUntil?.toISOString() ?? null,
    secretsValid: endpoint.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now).length,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

/** Subscribers of outbound webhooks: register, change, rotate secrets, inspect and replay. */
@Injectable()
export class EndpointsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  /** The signing secret is returned once, here; it is stored encrypted. */
  async create(ctx: RequestContext, body: CreateEndpointBody): Promise<EndpointView & { secret: string }> {
    this.checkUrl(body.url);
    const eventTypes = this.internalTypes(body.eventTypes);
    const secret = newWebhookSecret();
    const endpoint = await this.unitOfWork.run(ctx, (tx) =>
      tx.repo(WebhookEndpoint).save(
        tx.repo(WebhookEndpoint).create({
          id: randomUUID(),
          url: body.url,
          description: body.description ?? null,
          eventTypes,
          status: 'active',
          disabledReason: null,
          secrets: [{ box: sealSecret(secret, this.config.secretsKey), createdAt: new Date().toISOString() }],
        }),
      ),
    );
    return { ...viewOf(endpoint), secret };
  }

  async list(): Promise<EndpointView[]> {
    return (await this.dataSource.getRepository(WebhookEndpoint).find({ order: { createdAt: 'ASC' } })).map(viewOf);
  }

  async get(id: string): Promise<EndpointView> {
    return viewOf(await this.find(id));
  }

  async update(ctx: RequestContext, id: string, body: UpdateEndpointBody): Promise<EndpointView> {
    if (body.url) this.checkUrl(body.url);
    const eventTypes = body.eventTypes ? this.internalTypes(body.eventTypes) : undefined;
    return this.unitOfWork.run(ctx, async (tx) => {
      const endpoint = await this.find(id, tx.repo(WebhookEndpoint));
      Object.assign(endpoint, {
        ...(body.url ? { url: body.url } : {}),
        ...(eventTypes ? { eventTypes } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.status === 'paused' ? { status: 'paused' } : {}),
        ...(body.status === 'active' ? { status: 'active', disabledReason: null, consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null } : {}),
      });
      return viewOf(await tx.repo(WebhookEndpoint).save(endpoint));
    });
  }

  /** A new secret; the old one keeps signing too until the overlap ends, so receivers can switch. */
  async rotateSecret(ctx: RequestContext, id: string): Promise<{ secret: string; previousExpiresAt: string }> {
    const secret = newWebhookSecret();
    const expiresAt = new Date(Date.now() + this.config.rotationOverlapMs).toISOString();
    await this.unitOfWork.run(ctx, async (tx) => {
      const endpoint = await this.find(id, tx.repo(WebhookEndpoint));
      const now = Date.now();
      const current = endpoint.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now).map((s) => (s.expiresAt ? s : { ...s, expiresAt }));
      endpoint.secrets = [...current, { box: sealSecret(secret, this.config.secretsKey), createdAt: new Date().toISOString() }];
      await tx.repo(WebhookEndpoint).save(endpoint);
    });
    return { secret, previousExpiresAt: expiresAt };
  }

  async disable(ctx: RequestContext, id: string): Promise<EndpointView> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const endpoint = await this.find(id, tx.repo(WebhookEndpoint));
      endpoint.status = 'disabled';
      endpoint.disabledReason = `removed by ${ctx.identity.subject}`;
      return viewOf(await tx.repo(WebhookEndpoint).save(endpoint));
    });
  }

  async messages(id: string, status: string | undefined, limit: number): Promise<object[]> {
    await this.find(id);
    const messages = await this.dataSource.getRepository(OutboundMessage).find({
      where: { endpointId: id, ...(status ? { status: status as MessageStatus } : {}) },
      order: { createdAt: 'DESC' },
      take: Math.min(Math.max(limit, 1), 200),
    });
    const attempts = messages.length
      ? await this.dataSource.getRepository(OutboundAttempt).find({ where: { messageId: In(messages.map((m) => m.id)) }, order: { attempt: 'ASC' } })
      : [];
    return messages.map((m) => ({
      id: m.id,
      webhookId: `msg_${m.id}`,
      eventType: publicEventType(m.eventType),
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
      deliveredAt: m.deliveredAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
      payload: m.payload,
      log: attempts
        .filter((a) => a.messageId === m.id)
        .map((a) => ({
          attempt: a.attempt,
          at: a.startedAt.toISOString(),
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
          response: a.responseExcerpt,
        })),
    }));
  }

  /** Sends again one message, or every message of the endpoint created in a time range. */
  async replay(ctx: RequestContext, id: string, body: ReplayBody): Promise<{ replayed: number }> {
    if (!body.messageId && !(body.from && body.to))
      throw new EndpointRefusal(400, 'name a messageId, or a time range from … to', ['messageId or from and to are required']);
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.find(id, tx.repo(WebhookEndpoint));
      const where = body.messageId
        ? { endpointId: id, id: body.messageId }
        : { endpointId: id, createdAt: Between(new Date(body.from as string), new Date(body.to as string)) };
      const messages = await tx.repo(OutboundMessage).find({ where, select: { id: true, status: true } });
      if (body.messageId && messages.length === 0) throw new EndpointRefusal(404, `no message ${body.messageId} for endpoint ${id}`);
      const replayable = messages.filter((m) => m.status !== 'sending');
      for (const message of replayable) {
        await tx.repo(OutboundMessage).update({ id: message.id }, { status: 'pending', attempts: 0, nextAttemptAt: null });
        tx.emit(OutboundDeliveryDue, { messageId: message.id });
      }
      return { replayed: replayable.length };
    });
  }

  private checkUrl(url: string): void {
    const problem = urlProblem(url, this.config.allowPrivateNetworks);
    if (problem) throw new EndpointRefusal(400, 'url refused', [problem]);
  }

  private internalTypes(publicTypes: string[]): string[] {
    const unknown = publicTypes.filter((t) => !INTERNAL_TYPES.has(t));
    if (unknown.length)
      throw new EndpointRefusal(
        400,
        'unknown event types',
        unknown.map((t) => `${t} is not an outbound event type; known: ${PUBLIC_EVENT_TYPES.join(', ')}`),
      );
    return [...new Set(publicTypes.map((t) => INTERNAL_TYPES.get(t) as string))];
  }

  private async find(id: string, repository = this.dataSource.getRepository(WebhookEndpoint)): Promise<WebhookEndpoint> {
    const endpoint = isUUID(id) ? await repository.findOneBy({ id }) : null;
    if (!endpoint) throw new EndpointRefusal(404, `no webhook endpoint ${id}`);
    return endpoint;
  }
}
