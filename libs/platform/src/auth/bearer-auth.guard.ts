import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Role } from '@shopops/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity, RequestContext } from '../context/request-context';
import { HttpRefusal, httpErrorAnswer, sendHttpError, type HttpErrorAnswer } from '../http/http-errors';
import { contextFor } from '../http/request-context.hook';
import { InvalidTokenError, verifyBearerToken } from './bearer-token';
import { roleMayUse } from './roles';

const BEARER = /^Bearer\s+(\S+)$/i;
const CHALLENGE = { 'www-authenticate': 'Bearer' };
const BEARER_AUTH_KEY = 'shopops:bearer-auth';

/** The secret client bearer tokens are signed with; provided by the app whose routes carry `@BearerAuth`. */
export const BEARER_TOKEN_SECRET = Symbol('BEARER_TOKEN_SECRET');

/** The token of `Authorization: Bearer <token>`; undefined when there is none or the header has another scheme. */
export function bearerTokenOf(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

export interface BearerAuthOptions {
  /** What the 401 tells a caller who sent no token. */
  readonly signIn: string;
  /** Where the token is read from (default: the Authorization header). */
  readonly tokenOf?: (request: FastifyRequest) => string | undefined;
  /**
   * The route hands the token on to a check of its own (a report page asks /graphql as the
   * caller): only its presence is required here, so the caller gets that check's exact refusal.
   */
  readonly verifiedDownstream?: boolean;
}

/** The route needs a signed-in caller; pair with `@Roles` for who may pass. */
export const BearerAuth = (options: BearerAuthOptions): MethodDecorator & ClassDecorator => SetMetadata(BEARER_AUTH_KEY, options);

const TOKEN = Symbol('shopops.bearerToken');
type WithToken = { [TOKEN]?: string };

/** The token `admitBearer` admitted the request with. */
export function admittedToken(request: FastifyRequest): string | undefined {
  return (request as unknown as WithToken)[TOKEN];
}

/**
 * The one bearer check of the HTTP routes: no token or a bad one is 401 with a Bearer challenge;
 * a caller who passes gets a request context (roles are checked after, by the RolesGuard).
 */
export function admitBearer(request: FastifyRequest, jwtSecret: string, options: BearerAuthOptions): RequestContext | undefined {
  const token = (options.tokenOf ?? bearerTokenOf)(request);
  if (!token) throw new HttpRefusal(401, options.signIn, ['Authorization: Bearer <token> is missing'], CHALLENGE);
  (request as unknown as WithToken)[TOKEN] = token;
  if (options.verifiedDownstream) return undefined;
  return contextFor(request, verifiedIdentity(token, jwtSecret));
}

function verifiedIdentity(token: string, jwtSecret: string): Identity {
  try {
    return verifyBearerToken(token, jwtSecret);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new HttpRefusal(401, `Bearer ${error.message}`, [], CHALLENGE);
    throw error;
  }
}

/**
 * Runs `admitBearer` for every controller route declaring `@BearerAuth`. Installed as a global
 * guard ahead of the RolesGuard, so the roles are checked against the identity it found.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private secret?: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'http') return true;
    const options = this.reflector.getAllAndOverride<BearerAuthOptions | undefined>(BEARER_AUTH_KEY, [context.getHandler(), context.getClass()]);
    if (!options) return true;
    admitBearer(context.switchToHttp().getRequest<FastifyRequest>(), this.jwtSecret(), options);
    return true;
  }

  private jwtSecret(): string {
    // Looked up once, lazily: the secret belongs to the app, the guard to the platform every app shares.
    this.secret ??= this.moduleRef.get<string>(BEARER_TOKEN_SECRET, { strict: false });
    return this.secret;
  }
}

export interface BearerHookOptions extends BearerAuthOptions {
  readonly jwtSecret: string;
  readonly roles: readonly Role[];
  /** What the 403 tells a caller whose role may not pass. */
  readonly forbidden: string;
  /** How a refusal is sent (default: the JSON error answer); a browser page answers with a page of its own. */
  readonly sendRefusal?: (request: FastifyRequest, reply: FastifyReply, failure: HttpErrorAnswer) => FastifyReply;
}

/**
 * The same check in front of a Fastify plugin that cannot sit behind a Nest guard (the queue
 * board). Answered here, not thrown: such plugins bring error handlers of their own.
 */
export function bearerAuthHook(options: BearerHookOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  return async (request, reply) => {
    try {
      const context = admitBearer(request, options.jwtSecret, options);
      if (!context || !roleMayUse(context.identity.role, options.roles)) throw new HttpRefusal(403, options.forbidden);
      return undefined;
    } catch (error) {
      if (!(error instanceof HttpRefusal)) throw error;
      const failure = httpErrorAnswer(error);
      return options.sendRefusal ? options.sendRefusal(request, reply, failure) : sendHttpError(reply, failure);
    }
  };
}
