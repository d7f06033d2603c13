import type { Role } from '@shopops/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity } from '../context/request-context';
import { contextFor } from '../http/request-context.hook';
import { HttpRefusal, httpErrorAnswer, sendHttpError } from '../http/http-errors';
import { InvalidTokenError, verifyBearerToken } from './bearer-token';

const BEARER = /^Bearer\s+(\S+)$/i;
const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** The token of `Authorization: Bearer <token>`; undefined when there is none or the header has another scheme. */
export function bearerTokenOf(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

export interface BearerGuardOptions {
  readonly jwtSecret: string;
  /** Roles that may pass; a valid token of any other role is refused with 403. */
  readonly roles: readonly Role[];
  /** What the 401 tells a caller who sent no token. */
  readonly signIn: string;
  /** What the 403 tells a caller whose role may not pass. */
  readonly forbidden: string;
  /** Where the token is read from (default: the Authorization header). */
  readonly tokenOf?: (request: FastifyRequest) => string | undefined;
}

/**
 * The check every raw HTTP route that needs a signed-in caller runs first: no or a bad token is
 * 401, a role that may not pass is 403, both as `{"error", "details"}`; a caller who passes gets
 * a request context. Use as an `onRequest` hook.
 */
export function bearerGuard(options: BearerGuardOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  const tokenOf = options.tokenOf ?? bearerTokenOf;
  return async (request, reply) => {
    try {
      const identity = verifiedIdentity(tokenOf(request), options);
      if (!options.roles.some((role) => role === identity.role)) throw new HttpRefusal(403, options.forbidden);
      contextFor(request, identity);
      return undefined;
    } catch (error) {
      // Answered here, not thrown: plugins mounted behind the guard (the queue board) bring error handlers of their own.
      if (error instanceof HttpRefusal) return sendHttpError(reply, httpErrorAnswer(error));
      throw error;
    }
  };
}

function verifiedIdentity(token: string | undefined, options: BearerGuardOptions): Identity {
  if (!token) throw new HttpRefusal(401, options.signIn, ['Authorization: Bearer <token> is missing'], CHALLENGE);
  try {
    return verifyBearerToken(token, options.jwtSecret);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new HttpRefusal(401, `Bearer ${error.message}`, [], CHALLENGE);
    throw error;
  }
}
