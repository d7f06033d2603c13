import { ANONYMOUS, bearerTokenOf, InvalidTokenError, unauthenticated, verifyBearerToken, type Identity } from '@shopops/platform';
import type { FastifyRequest } from 'fastify';

/**
 * The GraphQL caller's identity from `Authorization: Bearer <jwt>`. No header means anonymous
 * (public fields still work); a header with a bad token is refused outright rather than downgraded.
 */
export function authenticate(request: Pick<FastifyRequest, 'headers'>, jwtSecret: string): Identity {
  if (!request.headers.authorization) return ANONYMOUS;
  const token = bearerTokenOf(request);
  if (!token) throw unauthenticated('Authorization header must be "Bearer <token>"');
  try {
    return verifyBearerToken(token, jwtSecret);
  } catch (error) {
    throw unauthenticated(error instanceof InvalidTokenError ? `Bearer ${error.message}` : 'Bearer token invalid');
  }
}
