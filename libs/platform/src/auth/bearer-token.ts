import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, type Role } from '@shopops/contracts';
import type { Identity } from '../context/request-context';

export const TOKEN_ISSUER = 'shopops';
export const TOKEN_AUDIENCE = 'shopops-api';
export const DEV_JWT_SECRET = 'development-only-jwt-secret-change-me';

export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly memberId?: string;
}

/** Mints a client bearer token (HS256). Used by the token CLI and by tests. */
export function signBearerToken(claims: TokenClaims, secret: string, ttlSeconds = 12 * 3600): string {
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.memberId) payload.memberId = claims.memberId;
  return jwt.sign(payload, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

export class InvalidTokenError extends Error {}

/** A verified token is trusted again without re-verifying for at most this long (and never past its exp). */
export const VERIFIED_TOKEN_TTL_MS = 30_000;
const VERIFIED_TOKEN_LIMIT = 10_000;

interface Verified {
  readonly identity: Identity;
  readonly until: number;
}

/**
 * One HMAC key per secret, built once: handed a string, jsonwebtoken first tries it as a PEM
 * public key on every call. Beside it, the tokens it verified lately (a bounded LRU).
 */
interface Verifier {
  readonly key: KeyObject;
  readonly verified: Map<string, Verified>;
}
const verifiers = new Map<string, Verifier>();

function verifierFor(secret: string): Verifier {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = { key: createSecretKey(Buffer.from(secret, 'utf8')), verified: new Map() };
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Verifies a bearer token and returns who it names; throws InvalidTokenError with a reason.
 * A token verified in the last 30 s is answered from memory, until its exp at the latest.
 */
export function verifyBearerToken(token: string, secret: string, now = Date.now()): Identity {
  const { key, verified } = verifierFor(secret);
  const known = verified.get(token);
  if (known) {
    verified.delete(token);
    if (now < known.until) {
      // Re-inserted so the map's order stays least recently used first.
      verified.set(token, known);
      return known.identity;
    }
  }
  const { identity, exp } = verifyWithKey(token, key, now);
  const until = Math.min(now + VERIFIED_TOKEN_TTL_MS, exp === undefined ? Infinity : exp * 1000);
  if (verified.size >= VERIFIED_TOKEN_LIMIT) verified.delete(verified.keys().next().value as string);
  verified.set(token, { identity, until });
  return identity;
}

function verifyWithKey(token: string, key: KeyObject, now: number): { identity: Identity; exp?: number } {
  let decoded: jwt.JwtPayload | string;
  try {
    decoded = jwt.verify(token, key, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, clockTimestamp: Math.floor(now / 1000) });
  } catch (error) {
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'token expired' : 'token invalid');
  }
  if (typeof decoded === 'string' || typeof decoded.sub !== 'string' || !isRole(decoded.role)) {
    throw new InvalidTokenError('token lacks a subject or a known role');
  }
  if (decoded.role === 'member' && typeof decoded.memberId !== 'string') {
    throw new InvalidTokenError('member token lacks memberId');
  }
  const identity: Identity = Object.freeze({
    subject: decoded.sub,
    role: decoded.role,
    ...(typeof decoded.memberId === 'string' ? { memberId: decoded.memberId } : {}),
  });
  return { identity, ...(typeof decoded.exp === 'number' ? { exp: decoded.exp } : {}) };
}
