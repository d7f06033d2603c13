import { bearerTokenOf } from '@shopops/platform';
import type { FastifyRequest } from 'fastify';

/** The cookie /admin/login sets for browsers (HttpOnly, SameSite=Strict, on the paths of SIGNED_IN_PATHS). */
export const ADMIN_COOKIE = 'shopops_admin_token';

/** Where the browser pages that read the sign-in cookie live; the cookie is sent nowhere else. */
export const SIGNED_IN_PATHS = ['/admin', '/graphql'] as const;

export const SIGN_IN_PATH = '/admin/login';

/** The longest return path a sign-in carries. */
const MAX_RETURN_PATH_LENGTH = 512;

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

/**
 * `value` when it is a page of this gateway that reads the sign-in cookie, so a sign-in link
 * can never send a browser to another site (`//host`, `/\host`) or back to the sign-in itself.
 */
export function returnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH_LENGTH || /[\s\\]|\/\//.test(value)) return undefined;
  const path = value.split('?')[0];
  const signedInPage = path === '/graphql' || (path.startsWith('/admin/') && path !== SIGN_IN_PATH);
  return signedInPage ? value : undefined;
}

/** The sign-in page, coming back to `next` afterwards when it is a page that may be returned to. */
export function signInHref(next: unknown): string {
  const back = returnPath(next);
  return back ? `${SIGN_IN_PATH}?next=${encodeURIComponent(back)}` : SIGN_IN_PATH;
}
