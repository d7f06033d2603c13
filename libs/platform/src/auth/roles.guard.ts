import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@shopops/contracts';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../graphql/errors';
import { requestContextOf } from '../http/request-context.hook';
import type { RequestContext } from '../context/request-context';
import { PUBLIC_ACCESS, roleMayUse, ROLES_KEY } from './roles';

/**
 * Checks every resolver and controller against its declared roles. A resolver that declares
 * none is refused: forgetting `@Roles` must fail closed, not open. Admins pass every check.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const declared = this.reflector.getAllAndOverride<Role[] | typeof PUBLIC_ACCESS | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (declared === PUBLIC_ACCESS) return true;
    const where = `${context.getClass().name}.${context.getHandler().name}`;
    if (!declared) throw forbidden(`${where} declares no roles`);
    const requestContext = this.requestContext(context);
    const role = requestContext?.identity.role;
    if (!requestContext || role === 'anonymous') throw unauthenticated('Sign in: this field needs a bearer token');
    if (roleMayUse(requestContext.identity.role, declared)) return true;
    throw forbidden(`Role ${role} may not use ${context.getType<string>() === 'graphql' ? this.fieldName(context) : this.routeName(context)}`);
  }

  private requestContext(context: ExecutionContext): RequestContext | undefined {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context).getContext<{ requestContext?: RequestContext }>();
      return gql.requestContext;
    }
    return requestContextOf(context.switchToHttp().getRequest());
  }

  /** An HTTP caller knows the route it called, not the controller behind it. */
  private routeName(context: ExecutionContext): string {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return `${request.method} ${request.routeOptions.url ?? request.url}`;
  }

  private fieldName(context: ExecutionContext): string {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
}
