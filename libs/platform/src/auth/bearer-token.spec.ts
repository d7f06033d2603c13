import { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, signBearerToken, verifyBearerToken, VERIFIED_TOKEN_TTL_MS } from './bearer-token';

const SECRET = 'bearer-token-spec-secret';

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('verifyBearerToken', () => {
  afterEach(() => jest.restoreAllMocks());

  it('verifies with a prepared HMAC key and answers a token seen lately from memory', () => {
    const verify = jest.spyOn(jwt, 'verify');
    const token = signBearerToken({ sub: 'ops-cache-1', role: 'operator' }, SECRET);
    const now = Date.now();
    expect(verifyBearerToken(token, SECRET, now)).toEqual({ subject: 'ops-cache-1', role: 'operator' });
    expect(verifyBearerToken(token, SECRET, now + 1_000)).toEqual({ subject: 'ops-cache-1', role: 'operator' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0][1]).toBeInstanceOf(KeyObject);
  });

  it('verifies a remembered token again once 30 s have passed', () => {
    const verify = jest.spyOn(jwt, 'verify');
    const token = signBearerToken({ sub: 'ops-cache-2', role: 'operator' }, SECRET);
    const now = Date.now();
    verifyBearerToken(token, SECRET, now);
    verifyBearerToken(token, SECRET, now + VERIFIED_TOKEN_TTL_MS - 1);
    expect(verify).toHaveBeenCalledTimes(1);
    verifyBearerToken(token, SECRET, now + VERIFIED_TOKEN_TTL_MS);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never accepts a remembered token at or past its exp', () => {
    const token = signBearerToken({ sub: 'ops-cache-3', role: 'operator' }, SECRET, 5);
    const exp = (jwt.decode(token) as jwt.JwtPayload).exp! * 1000;
    expect(verifyBearerToken(token, SECRET, exp - 1_000)).toEqual({ subject: 'ops-cache-3', role: 'operator' });
    expect(verifyBearerToken(token, SECRET, exp - 1)).toEqual({ subject: 'ops-cache-3', role: 'operator' });
    expect(reasonOf(() => verifyBearerToken(token, SECRET, exp))).toBe('token expired');
    expect(reasonOf(() => verifyBearerToken(token, SECRET, exp + 10_000))).toBe('token expired');
  });

  it('remembers a token only for the secret that verified it', () => {
    const token = signBearerToken({ sub: 'ops-cache-4', role: 'admin' }, SECRET);
    verifyBearerToken(token, SECRET);
    expect(reasonOf(() => verifyBearerToken(token, 'another-secret'))).toBe('token invalid');
  });

  it('refuses a forged, malformed or role-less token every time', () => {
    const forged = signBearerToken({ sub: 'mallory', role: 'admin' }, 'not-the-secret');
    expect(reasonOf(() => verifyBearerToken(forged, SECRET))).toBe('token invalid');
    expect(reasonOf(() => verifyBearerToken(forged, SECRET))).toBe('token invalid');
    expect(reasonOf(() => verifyBearerToken('not.a.jwt', SECRET))).toBe('token invalid');
    const roleless = jwt.sign({}, SECRET, { algorithm: 'HS256', subject: 's', issuer: 'shopops', audience: 'shopops-api', expiresIn: 60 });
    expect(reasonOf(() => verifyBearerToken(roleless, SECRET))).toBe('token lacks a subject or a known role');
    const member = jwt.sign({ role: 'member' }, SECRET, { algorithm: 'HS256', subject: 's', issuer: 'shopops', audience: 'shopops-api', expiresIn: 60 });
    expect(reasonOf(() => verifyBearerToken(member, SECRET))).toBe('member token lacks memberId');
  });

  it('hands out an identity callers cannot alter for the next request', () => {
    const token = signBearerToken({ sub: 'member-7', role: 'member', memberId: 'm-7' }, SECRET);
    const identity = verifyBearerToken(token, SECRET) as { role: string };
    expect(() => {
      identity.role = 'admin';
    }).toThrow(TypeError);
    expect(verifyBearerToken(token, SECRET)).toEqual({ subject: 'member-7', role: 'member', memberId: 'm-7' });
  });
});
