import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../context/request-context';
import { requestContextOf } from '../http/request-context.hook';
import { LoaderRegistry } from './loaders';

export interface GraphQLContext {
  readonly request: FastifyRequest;
  readonly requestContext: RequestContext;
  readonly loaders: LoaderRegistry;
}

export function buildGraphQLContext(request: FastifyRequest): GraphQLContext {
  const requestContext = requestContextOf(request);
  if (!requestContext) throw new Error('request reached GraphQL without a request context');
  return { request, requestContext, loaders: new LoaderRegistry() };
}

/** The caller's RequestContext, in a resolver or a controller: the first argument every service method takes. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  if (context.getType<string>() !== 'http') return GqlExecutionContext.create(context).getContext<GraphQLContext>().requestContext;
  const requestContext = requestContextOf(context.switchToHttp().getRequest());
  // Only routes behind @BearerAuth (or the gateway identity check) have one.
  if (!requestContext) throw new Error('route reached without a request context');
  return requestContext;
});

/** This request's DataLoaders. */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext): LoaderRegistry => {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>().loaders;
});
