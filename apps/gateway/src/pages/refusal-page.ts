import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HttpErrorFilter, httpErrorAnswer, sendHttpError, type HttpErrorAnswer, type HttpErrorDetail } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signInHref } from '../auth/browser-session';
import { escapeHtml, renderPage, sendPage, wantsHtml } from './page-layout';

const HEADINGS: Readonly<Record<number, string>> = {
  401: 'Sign in to continue',
  403: 'Not open to your role',
  404: 'Nothing here',
  429: 'Too many requests',
};

interface ErrorBody {
  readonly error?: unknown;
  readonly details?: readonly HttpErrorDetail[];
}

/** The page a browser returns to after signing in: the one it asked for, or the one a sign-in form was heading to. */
function pageAskedFor(request: FastifyRequest): unknown {
  return request.method === 'GET' ? request.url : (request.body as { next?: unknown } | undefined)?.next;
}

/** A refusal as a page in the shared layout; 401 and 403 link to the sign-in, coming back here after. */
export function refusalPage(request: FastifyRequest, failure: HttpErrorAnswer): string {
  const body = (failure.body ?? {}) as ErrorBody;
  const message = typeof body.error === 'string' ? body.error : 'the request was refused';
  const details = (body.details ?? []).map((detail) => (typeof detail === 'string' ? detail : detail.message)).filter((detail) => detail !== '');
  const signIn =
    failure.status === 401 || failure.status === 403
      ? `<p><a class="button" href="${escapeHtml(signInHref(pageAskedFor(request)))}">${failure.status === 401 ? 'Sign in' : 'Sign in with another token'}</a></p>`
      : '';
  return renderPage(
    HEADINGS[failure.status] ?? 'Request refused',
    `<span class="status">${failure.status}</span><h1>${escapeHtml(HEADINGS[failure.status] ?? 'Request refused')}</h1>` +
      `<p class="error">${escapeHtml(message)}</p>` +
      (details.length > 0 ? `<ul class="details">${details.map((detail) => `<li>${escapeHtml(detail)}</li>`).join('')}</ul>` : '') +
      signIn,
  );
}

/** A refusal as a page to a browser, as the JSON error answer to any other client. */
export function sendRefusal(request: FastifyRequest, reply: FastifyReply, failure: HttpErrorAnswer): FastifyReply {
  if (!wantsHtml(request)) return sendHttpError(reply, failure);
  return sendPage(reply.headers(failure.headers), failure.status, refusalPage(request, failure));
}

/**
 * For the controllers of browser pages (sign-in, reports): a browser sees a refusal as a page
 * with a way on; API clients and 5xx go through the platform's filter unchanged.
 */
@Catch()
@Injectable()
export class BrowserPageErrorFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const failure = httpErrorAnswer(exception);
    if (failure.status >= 500 || !wantsHtml(request)) {
      new HttpErrorFilter(this.adapterHost.httpAdapter.getInstance<FastifyInstance>()).catch(exception, host);
      return;
    }
    sendRefusal(request, host.switchToHttp().getResponse<FastifyReply>(), failure);
  }
}
