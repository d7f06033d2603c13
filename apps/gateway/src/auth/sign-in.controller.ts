import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { STAFF_ROLES } from '@shopops/contracts';
import { admittedToken, BearerAuth, Ctx, HttpRefusal, Public, roleMayUse, RouteBody, type RequestContext } from '@shopops/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDE_PATH } from '../graphql/graphql-ide';
import { escapeHtml, renderPage, sendPage } from '../pages/page-layout';
import { BrowserPageErrorFilter } from '../pages/refusal-page';
import { QUEUE_BOARD_PATH } from '../queues/queue-board';
import { ADMIN_COOKIE, returnPath, SIGN_IN_PATH, SIGNED_IN_PATHS } from './browser-session';

const STAFF_TOKEN_REQUIRED = 'a staff token is required';

export class SignInForm {
  @IsOptional() @IsString() @MaxLength(8192) token?: string;
  /** The page to return to (a gateway page that reads the sign-in cookie). */
  @IsOptional() @IsString() @MaxLength(512) next?: string;
}

function formToken(request: FastifyRequest): string | undefined {
  const token = (request.body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}

function signInPage(next: string | undefined): string {
  return renderPage(
    'Sign in',
    '<h1>Sign in</h1>' +
      '<p>Staff sign in with a bearer token (<code>npm run --silent token -- --role operator</code> in development). ' +
      'It opens the GraphQL IDE with the token set, report pages, and the queue dashboard for admins. ' +
      'The browser keeps the token in an HttpOnly cookie, never in a URL.</p>' +
      `<form method="post" action="${SIGN_IN_PATH}">` +
      (next ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : '') +
      '<label>Bearer token <input name="token" type="password" autocomplete="off" required autofocus></label>' +
      '<button type="submit">Sign in</button></form>',
  );
}

/**
 * /admin/login: a browser signs in once with a staff token in a form post, so the token never
 * travels in a URL, and gets it back as an HttpOnly cookie that the admin pages and the GraphQL
 * IDE read. Each page still checks the role it needs (the queue board wants an admin).
 */
@Controller('admin/login')
@Public()
@UseFilters(BrowserPageErrorFilter)
export class SignInController {
  @Get()
  signInPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    return sendPage(reply, 200, signInPage(returnPath((request.query as { next?: unknown }).next)));
  }

  @Post()
  @BearerAuth({ signIn: STAFF_TOKEN_REQUIRED, tokenOf: formToken })
  @RouteBody({ maxBytes: 16 * 1024 })
  signIn(@Ctx() ctx: RequestContext, @Body() form: SignInForm, @Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    // A member's token is no sign-in at all (401), not a forbidden action.
    if (!roleMayUse(ctx.identity.role, STAFF_ROLES)) throw new HttpRefusal(401, STAFF_TOKEN_REQUIRED);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    const token = encodeURIComponent(admittedToken(request) as string);
    const cookies = SIGNED_IN_PATHS.map((path) => `${ADMIN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=${path}${secure}`);
    const next = returnPath(form.next) ?? (ctx.identity.role === 'admin' ? QUEUE_BOARD_PATH : IDE_PATH);
    return reply.header('set-cookie', cookies).redirect(next, 303);
  }
}
