import { ANONYMOUS, InvalidTokenError, unauthenticated, verifyBearerToken, type Identity } from '@shopops/platform';

/**
 * The caller's identity from `Authorization: Bearer <jwt>`. No header means anonymous (public
 * fields still work); a header with a bad token is refused outright rather than downgraded.
 */
export function authenticate(authorization: string | undefined, jwtSecret: string): Identity {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
  try {
    return verifyBearerToken(match[1], jwtSecret);
  } catch (error) {
    throw unauthenticated(error instanceof InvalidTokenError ? `Bearer ${error.message}` : 'Bearer token invalid');
  }
}
