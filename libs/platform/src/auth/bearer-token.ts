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

/** Verifies a bearer token and returns who it names; throws InvalidTokenError with a reason. */
export function verifyBearerToken(token: string, secret: string): Identity {
  let decoded: jwt.JwtPayload | string;
  try {
    decoded = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
  } catch (error) {
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'token expired' : 'token invalid');
  }
  if (typeof decoded === 'string' || typeof decoded.sub !== 'string' || !isRole(decoded.role)) {
    throw new InvalidTokenError('token lacks a subject or a known role');
  }
  if (decoded.role === 'member' && typeof decoded.memberId !== 'string') {
    throw new InvalidTokenError('member token lacks memberId');
  }
  return {
    subject: decoded.sub,
    role: decoded.role,
    ...(typeof decoded.memberId === 'string' ? { memberId: decoded.memberId } : {}),
  };
}
