import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole } from '@shopops/contracts';
import type { Identity } from '../context/request-context';

/** Header the gateway adds to every subgraph request; subgraphs refuse requests without a valid one. */
export const IDENTITY_HEADER = 'x-shopops-identity';
const VERSION = 'v1';
/** Long enough for clock skew between hosts, short enough that a captured header soon stops working. */
export const IDENTITY_MAX_AGE_MS = 60_000;

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** `v1.<base64url identity json>.<issued at ms>.<base64url hmac>` */
export function signForwardedIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const body = `${VERSION}.${Buffer.from(JSON.stringify(identity)).toString('base64url')}.${now}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The identity the gateway vouched for, or undefined when the header is missing, forged or stale. */
export function verifyForwardedIdentity(value: unknown, secret: string, now = Date.now()): Identity | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  const body = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3], 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const issuedAt = Number(parts[2]);
  if (!Number.isFinite(issuedAt) || Math.abs(now - issuedAt) > IDENTITY_MAX_AGE_MS) return undefined;
  try {
    const identity = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Identity;
    const roleOk = isRole(identity.role) || identity.role === 'anonymous' || identity.role === 'system';
    return typeof identity.subject === 'string' && roleOk ? identity : undefined;
  } catch {
    return undefined;
  }
}
