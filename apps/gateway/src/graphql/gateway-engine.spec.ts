import { IDENTITY_MAX_AGE_MS, RequestContext, verifyForwardedIdentity } from '@shopops/platform';
import { forwardedIdentityHeader } from './gateway-engine';

const SECRET = 'gateway-engine-spec-secret';

describe('forwardedIdentityHeader', () => {
  it('signs one header per request, reused by every subgraph fetch of that request', () => {
    const now = Date.now();
    const first = new RequestContext('req-1', { subject: 'ops-1', role: 'operator' });
    const second = new RequestContext('req-2', { subject: 'ops-1', role: 'operator' });
    const header = forwardedIdentityHeader(first, SECRET, now);
    expect(forwardedIdentityHeader(first, SECRET, now + 5)).toBe(header);
    expect(forwardedIdentityHeader(second, SECRET, now + 5)).not.toBe(header);
    expect(verifyForwardedIdentity(header, SECRET, now)).toEqual({ subject: 'ops-1', role: 'operator' });
  });

  it('signs afresh for a request still fetching after half the header lifetime, so subgraphs never see a stale one', () => {
    const now = Date.now();
    const caller = new RequestContext('req-3', { subject: 'ops-3', role: 'operator' });
    const early = forwardedIdentityHeader(caller, SECRET, now);
    const late = forwardedIdentityHeader(caller, SECRET, now + IDENTITY_MAX_AGE_MS / 2);
    expect(late).not.toBe(early);
    expect(verifyForwardedIdentity(late, SECRET, now + IDENTITY_MAX_AGE_MS)).toEqual({ subject: 'ops-3', role: 'operator' });
  });

  it('vouches for an anonymous caller when there is no request context', () => {
    expect(verifyForwardedIdentity(forwardedIdentityHeader(undefined, SECRET), SECRET)).toMatchObject({ role: 'anonymous' });
  });
});
