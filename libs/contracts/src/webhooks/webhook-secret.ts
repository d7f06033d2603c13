import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks secrets are `whsec_` followed by the base64 of the raw HMAC key. */
const WEBHOOK_SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/** The raw HMAC key of a `whsec_<base64>` secret, or null when the value is not one. */
export function webhookSigningKey(secret: string): Buffer | null {
  const base64 = WEBHOOK_SECRET.exec(secret)?.[1];
  return base64 === undefined ? null : Buffer.from(base64, 'base64');
}

/** The `whsec_` form of a raw HMAC key. */
export function webhookSecretOf(key: Buffer): string {
  return `whsec_${key.toString('base64')}`;
}

/** A fresh secret: 24 random bytes. */
export function newWebhookSecret(): string {
  return webhookSecretOf(randomBytes(24));
}

/** Development signing secret of a webhook source; documented in the README, refused in production. */
export function developmentWebhookSecret(source: string): string {
  return webhookSecretOf(Buffer.from(`shopops-dev-${source}-signing-key`));
}

/** The Standard Webhooks `webhook-signature` header: one `v1,` signature per valid secret, so a receiver holding any one verifies. */
export function webhookSignatureHeader(secrets: readonly string[], webhookId: string, timestampSeconds: number, body: string): string {
  return secrets
    .map(webhookSigningKey)
    .filter((key): key is Buffer => key !== null)
    .map((key) => `v1,${createHmac('sha256', key).update(`${webhookId}.${timestampSeconds}.${body}`).digest('base64')}`)
    .join(' ');
}
