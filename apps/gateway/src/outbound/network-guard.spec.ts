import { isPrivateAddress, urlProblem } from './network-guard';

describe('outbound network guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    'treats %s as private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['8.8.8.8', '203.0.113.9', '2606:4700::1111', '::ffff:1.1.1.1'])('treats %s as public', (address) => expect(isPrivateAddress(address)).toBe(false));

  it('refuses plain http, loopback, private literals and credentials unless private networks are allowed', () => {
    expect(urlProblem('http://hooks.example.com/in', false)).toBe('url must use https');
    expect(urlProblem('https://localhost/in', false)).toBe('url points at a private or loopback address');
    expect(urlProblem('https://169.254.169.254/latest', false)).toBe('url points at a private or loopback address');
    expect(urlProblem('https://[::1]:8443/in', false)).toBe('url points at a private or loopback address');
    expect(urlProblem('https://user:pw@hooks.example.com/', false)).toBe('url must not carry credentials');
    expect(urlProblem('not a url', false)).toBe('url must be an absolute URL');
    expect(urlProblem('https://hooks.example.com/in', false)).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:9999/in', true)).toBeUndefined();
  });
});

describe('guardedLookup', () => {
  const { guardedLookup } = jest.requireActual<typeof import('./network-guard')>('./network-guard');
  const resolve = (allow: boolean, host: string) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) =>
      guardedLookup(allow)(host, {}, (error, address) => done({ error, address })),
    );

  it('refuses a name that resolves to a private address (DNS rebinding) unless allowed', async () => {
    const refused = await resolve(false, 'localhost');
    expect(refused.error?.code).toBe('EPRIVATEADDRESS');
    const allowed = await resolve(true, 'localhost');
    expect(allowed.error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(allowed.address);
  });
});
