import { Body, Controller, Get, Header, Post, Req, Res } from '@nestjs/common';
import { admittedToken, BearerAuth, Ctx, HttpRefusal, Public, roleMayUse, RouteBody, type RequestContext } from '@shopops/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_COOKIE } from '../auth/browser-session';
import { QUEUE_BOARD_PATH } from './queue-board';

const ADMIN_TOKEN_REQUIRED = 'an admin token is required';

const SIGN_IN_PAGE =
  '<!doctype html><title>ShopOps queues</title><form method="post" action="/admin/login">' +
  '<label>Admin token <input name="token" type="password" autofocus></label> <button>Sign in</button></form>';

export class SignInForm {
  @IsOptional() @IsString() @MaxLength(8192) token?: string;
}

function formToken(request: FastifyRequest): string | undefined {
  const token = (request.body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}

/**
 * /admin/login: a browser signs in once with an admin token in a form post, so the token never
 * travels in a URL, and gets it back as an HttpOnly cookie the admin pages read.
 */
@Controller('admin/login')
@Public()
export class AdminSignInController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  signInPage(): string {
    return SIGN_IN_PAGE;
  }

  @Post()
  @BearerAuth({ signIn: ADMIN_TOKEN_REQUIRED, tokenOf: formToken })
  @RouteBody({ maxBytes: 16 * 1024 })
  signIn(@Ctx() ctx: RequestContext, @Body() _form: SignInForm, @Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    // Signing in with another role's token is no sign-in at all (401), not a forbidden action.
    if (!roleMayUse(ctx.identity.role, ['admin'])) throw new HttpRefusal(401, ADMIN_TOKEN_REQUIRED);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    const token = encodeURIComponent(admittedToken(request) as string);
    return reply.header('set-cookie', `${ADMIN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/admin${secure}`).redirect(QUEUE_BOARD_PATH, 303);
  }
}
