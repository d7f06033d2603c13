import { bearerTokenOf } from '@shopops/platform';
import type { FastifyRequest } from 'fastify';

/** The cookie /admin/login sets for browsers (HttpOnly, SameSite=Strict, Path=/admin). */
export const ADMIN_COOKIE = 'shopops_admin_token';

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** A bearer header, or the browser's sign-in cookie, so a token never travels in a URL. */
export function pageToken(request: FastifyRequest): string | undefined {
  return bearerTokenOf(request) ?? cookie(request, ADMIN_COOKIE);
}
