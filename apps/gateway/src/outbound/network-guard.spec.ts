import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { addressRefusal, checkedAddresses, urlProblem, type Resolve } from './network-guard';

/** Plays DNS: every name answers with the given addresses. */
const answering =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const refusedAtRegistration = (url: string): string | undefined => urlProblem(url, false);

describe('outbound network guard: addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '198.18.0.1',
    '::',
    '::1',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:0:7f00:1',
    '::7f00:1',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::1',
    '2002:7f00:1::',
    '2002:c0a8:101::1',
    '2001:0:7f00:1::1',
    '2001:0:808:808:0:0:80ff:fffe',
    '2001:db8::1',
    '100::1',
    '4000::1',
  ])('refuses %s', (address) => expect(addressRefusal(address)).toBeDefined());

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700::1111', '::ffff:1.1.1.1', '64:ff9b::808:808', '2002:808:808::1'])('allows %s', (address) =>
    expect(addressRefusal(address)).toBeUndefined(),
  );

  it('names the range it refuses', () => {
    expect(addressRefusal('192.0.2.1')).toBe('192.0.2.1 is reserved');
    expect(addressRefusal('::7f00:1')).toBe('127.0.0.1 is loopback');
    expect(addressRefusal('2002:7f00:1::')).toBe('127.0.0.1 is loopback');
  });
});

/** Loopback, private, link-local, shared, documentation, benchmarking, multicast and reserved IPv4. */
const NON_PUBLIC_IPV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
/** IPv4 addresses drawn from those ranges. */
const nonPublicIPv4 = fc.constantFrom(...NON_PUBLIC_IPV4.map((cidr) => ipaddr.IPv4.parseCIDR(cidr))).chain(([base, bits]) =>
  fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((offset) => {
    const value = (base.toByteArray().reduce((n, byte) => n * 256 + byte, 0) + offset) >>> 0;
    return new ipaddr.IPv4([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  }),
);
const publicIPv4 = fc
  .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((bytes) => new ipaddr.IPv4(bytes))
  .filter((address) => address.range() === 'unicast');

const hex = (address: ipaddr.IPv4): [string, string] => {
  const [a, b, c, d] = address.octets;
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
};
const inverted = (address: ipaddr.IPv4): [string, string] => hex(new ipaddr.IPv4(address.octets.map((o) => ~o & 0xff)));

/** Every IPv6 form that carries an IPv4 address. */
const carriers: Record<string, (address: ipaddr.IPv4) => string> = {
  mapped: (a) => `::ffff:${a.toString()}`,
  translated: (a) => `::ffff:0:${hex(a).join(':')}`,
  compatible: (a) => `::${hex(a).join(':')}`,
  nat64: (a) => `64:ff9b::${hex(a).join(':')}`,
  '6to4': (a) => `2002:${hex(a).join(':')}::1`,
  'teredo server': (a) => `2001:0:${hex(a).join(':')}:0:0:${inverted(new ipaddr.IPv4([8, 8, 8, 8])).join(':')}`,
  'teredo client': (a) => `2001:0:808:808:0:0:${inverted(a).join(':')}`,
};

describe('outbound network guard: generated addresses', () => {
  it('refuses every non-public IPv4 address, in dotted, integer, hex and octal URL spellings', () => {
    fc.assert(
      fc.property(nonPublicIPv4, (address) => {
        expect(addressRefusal(address.toString())).toBeDefined();
        const value = address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
        for (const host of [
          address.toString(),
          `${address.toString()}.`,
          String(value),
          `0x${value.toString(16)}`,
          address.octets.map((o) => `0${o.toString(8)}`).join('.'),
        ]) {
          expect(refusedAtRegistration(`https://${host}/hook`)).toBeDefined();
        }
      }),
    );
  });

  it.each(Object.keys(carriers))('refuses a non-public IPv4 address carried in IPv6 (%s), also as a URL literal', (carrier) => {
    fc.assert(
      fc.property(nonPublicIPv4, (address) => {
        const literal = carriers[carrier](address);
        expect(addressRefusal(literal)).toBeDefined();
        expect(refusedAtRegistration(`https://[${literal}]/hook`)).toBeDefined();
      }),
    );
  });

  it.each(Object.keys(carriers))('allows a public IPv4 address carried in IPv6 (%s)', (carrier) => {
    fc.assert(fc.property(publicIPv4, (address) => expect(addressRefusal(carriers[carrier](address))).toBeUndefined()));
  });

  it('refuses any casing and trailing dots of local and metadata names', () => {
    const names = fc.constantFrom(
      'localhost',
      'api.localhost',
      'metadata.google.internal',
      'metadata.goog',
      'instance-data',
      'printer.local',
      'db.internal',
      'router.home.arpa',
    );
    const casing = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(names, casing, fc.nat(2), (name, upper, dots) => {
        const host = [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('') + '.'.repeat(dots);
        expect(refusedAtRegistration(`https://${host}/hook`)).toBeDefined();
      }),
    );
  });
});

describe('outbound network guard: registration', () => {
  it.each([
    'https://localhost./',
    'https://[::127.0.0.1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[2002:7f00:1::]/',
    'https://192.0.2.1/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://[::7f00:1]/',
    'https://hooks/in',
  ])('refuses %s', (url) => expect(refusedAtRegistration(url)).toMatch(/^url points at a private, loopback or reserved address: /));

  it('refuses plain http and credentials, and lets private networks through only when allowed', () => {
    expect(refusedAtRegistration('http://hooks.example.com/in')).toBe('url must use https');
    expect(refusedAtRegistration('https://user:pw@hooks.example.com/')).toBe('url must not carry credentials');
    expect(refusedAtRegistration('not a url')).toBe('url must be an absolute URL');
    expect(refusedAtRegistration('https://[::1]:8443/in')).toBe('url points at a private, loopback or reserved address: ::1 is loopback');
    expect(refusedAtRegistration('https://hooks.example.com/in')).toBeUndefined();
    expect(refusedAtRegistration('https://8.8.8.8/in')).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:9999/in', true)).toBeUndefined();
  });
});

describe('outbound network guard: connect time', () => {
  it('refuses a public-looking name that resolves to loopback (127.0.0.1.nip.io)', async () => {
    await expect(checkedAddresses('127.0.0.1.nip.io', false, answering('127.0.0.1'))).rejects.toMatchObject({ code: 'EPRIVATEADDRESS' });
  });

  it('refuses a name when any of its addresses is not public, and a literal without asking DNS', async () => {
    await expect(checkedAddresses('hooks.example.com', false, answering('93.184.215.14', '::7f00:1'))).rejects.toThrow('127.0.0.1 is loopback');
    const resolve = jest.fn(answering('8.8.8.8'));
    await expect(checkedAddresses('[::ffff:7f00:1]', false, resolve)).rejects.toThrow('127.0.0.1 is loopback');
    await expect(checkedAddresses('metadata.google.internal', false, resolve)).rejects.toThrow('metadata');
    expect(resolve).not.toHaveBeenCalled();
  });

  it('answers every resolved address when all are public, and anything when private networks are allowed', async () => {
    await expect(checkedAddresses('hooks.example.com', false, answering('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'))).resolves.toEqual([
      '93.184.215.14',
      '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
    ]);
    await expect(checkedAddresses('localhost', true, answering('127.0.0.1'))).resolves.toEqual(['127.0.0.1']);
  });
});
