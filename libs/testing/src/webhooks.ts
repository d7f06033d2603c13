import { randomUUID } from 'node:crypto';
import { developmentWebhookSecret, webhookSecretOf } from '@shopops/contracts';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';

/**
 * The shared e2e suite runs the douyin source with two secrets, as during a rotation: the old
 * (development default) and this new one. Either must be accepted.
 */
export const ROTATED_DOUYIN_SECRET = webhookSecretOf(Buffer.from('shopops-rotated-douyin-key-2026'));

/** The development secret of a source, as the gateway defaults to (see README). */
export const devWebhookSecret = developmentWebhookSecret;

export interface SignedDelivery {
  readonly id: string;
  readonly timestamp: Date;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Signs a body the way integrators do, with the `standardwebhooks` package. */
export function signDelivery(
  body: string,
  { secret, id = `msg_${randomUUID()}`, timestamp = new Date() }: { secret: string; id?: string; timestamp?: Date },
): SignedDelivery {
  const signature = new Webhook(secret).sign(id, timestamp, body);
  return {
    id,
    timestamp,
    body,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
      'content-type': 'application/json',
    },
  };
}

/** Posts a signed delivery to the gateway's webhook endpoint. */
export function postWebhook(baseUrl: string, source: string, delivery: Pick<SignedDelivery, 'body' | 'headers'>) {
  let call = request(baseUrl).post(`/webhooks/${source}`);
  for (const [name, value] of Object.entries(delivery.headers)) call = call.set(name, value);
  return call.send(delivery.body);
}

/** Signs and posts an envelope `{type, occurredAt, data}` from a source with its dev secret. */
export function sendWebhook(
  baseUrl: string,
  source: string,
  envelope: { type: string; occurredAt?: string; data: unknown },
  options: { id?: string; secret?: string } = {},
) {
  const body = JSON.stringify({ occurredAt: new Date().toISOString(), ...envelope });
  const delivery = signDelivery(body, { secret: options.secret ?? devWebhookSecret(source), ...(options.id ? { id: options.id } : {}) });
  return postWebhook(baseUrl, source, delivery);
}
