import type { FastifyRequest } from 'fastify';
import { HttpRefusal } from '../http/http-errors';
import { requestContextOf } from '../http/request-context.hook';
import { admitBearer, admittedToken } from './bearer-auth.guard';
import { signBearerToken } from './bearer-token';

const SECRET = 'bearer-auth-spec-secret';
const requestWith = (headers: Record<string, string>): FastifyRequest => ({ id: 'req-1', headers }) as unknown as FastifyRequest;

function refusalOf(run: () => unknown): HttpRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('admitBearer', () => {
  it('refuses a request without a token with 401, the route’s sign-in hint and a Bearer challenge', () => {
    const refusal = refusalOf(() => admitBearer(requestWith({}), SECRET, { signIn: 'sign in at /admin/login' }));
    expect({ status: refusal.status, message: refusal.message, headers: refusal.headers }).toEqual({
      status: 401,
      message: 'sign in at /admin/login',
      headers: { 'www-authenticate': 'Bearer' },
    });
  });

  it('refuses a token signed with another secret with 401', () => {
    const forged = signBearerToken({ sub: 'someone', role: 'admin' }, 'another-secret');
    const refusal = refusalOf(() => admitBearer(requestWith({ authorization: `Bearer ${forged}` }), SECRET, { signIn: 'sign in' }));
    expect({ status: refusal.status, message: refusal.message }).toEqual({ status: 401, message: 'Bearer token invalid' });
  });

  it('gives a caller with a valid token a request context naming them', () => {
    const request = requestWith({ authorization: `Bearer ${signBearerToken({ sub: 'ops-1', role: 'operator' }, SECRET)}` });
    admitBearer(request, SECRET, { signIn: 'sign in' });
    expect(requestContextOf(request)?.identity).toEqual({ subject: 'ops-1', role: 'operator' });
  });

  it('reads the token where the route says, and leaves it unverified when the route forwards it', () => {
    const request = requestWith({ cookie: 'session=not-a-jwt' });
    const context = admitBearer(request, SECRET, { signIn: 'sign in', tokenOf: () => 'not-a-jwt', verifiedDownstream: true });
    expect({ context, token: admittedToken(request), attached: requestContextOf(request) }).toEqual({
      context: undefined,
      token: 'not-a-jwt',
      attached: undefined,
    });
  });
});
