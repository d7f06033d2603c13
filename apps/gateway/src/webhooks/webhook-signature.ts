import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export interface SignatureHeaders {
  readonly id?: string;
  readonly timestamp?: string;
  readonly signature?: string;
}

export type SignatureCheck = { ok: true } | { ok: false; error: string; details: string[] };

const MAX_ID_LENGTH = 255;
const TIMESTAMP = /^\d{1,12}$/;

// Importing a raw key costs as much as the HMAC of a small body: each configured key is imported once.
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObjectOf(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = createSecretKey(key)));
  return keyObject;
}

/** The decoded `v1` signatures of the header, whatever else it lists. */
function v1Signatures(header: string): Buffer[] {
  const signatures: Buffer[] = [];
  for (const part of header.split(' ')) {
    if (part.startsWith('v1,') && part.length > 3) signatures.push(Buffer.from(part.slice(3), 'base64'));
  }
  return signatures;
}

/**
 * Standard Webhooks verification: base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)) must
 * equal one of the space-separated `v1,<signature>` values, for any configured key (rotation),
 * compared in constant time; the timestamp must be within the tolerance of now.
 */
export function verifyWebhookSignature(
  keys: readonly Buffer[],
  headers: SignatureHeaders,
  body: Buffer,
  toleranceSeconds: number,
  nowMs = Date.now(),
): SignatureCheck {
  const missing = [
    ...(headers.id ? [] : ['webhook-id']),
    ...(headers.timestamp ? [] : ['webhook-timestamp']),
    ...(headers.signature ? [] : ['webhook-signature']),
  ];
  if (missing.length > 0) return { ok: false, error: 'missing signature headers', details: missing.map((h) => `${h} header is required`) };
  const id = headers.id as string;
  const timestamp = headers.timestamp as string;
  if (id.length > MAX_ID_LENGTH) return { ok: false, error: 'invalid webhook-id', details: [`webhook-id is longer than ${MAX_ID_LENGTH} characters`] };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, error: 'invalid webhook-timestamp', details: ['webhook-timestamp must be Unix seconds'] };
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > toleranceSeconds) {
    return { ok: false, error: 'stale timestamp', details: [`webhook-timestamp is ${Math.round(skew)} s from now; at most ${toleranceSeconds} s allowed`] };
  }
  const candidates = v1Signatures(headers.signature as string);
  for (const key of keys) {
    const expected = createHmac('sha256', keyObjectOf(key)).update(`${id}.${timestamp}.`).update(body).digest();
    if (candidates.some((given) => given.length === expected.length && timingSafeEqual(given, expected))) return { ok: true };
  }
  return { ok: false, error: 'invalid signature', details: ['no webhook-signature matches a configured secret for this source'] };
}
