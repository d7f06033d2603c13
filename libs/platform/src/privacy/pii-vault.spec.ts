import { maskAddress, maskBirthday, maskPhone, PiiVault } from './pii-vault';

const key = (text: string) => Buffer.from(text.padEnd(32, '.').slice(0, 32)).toString('base64');

describe('PII vault', () => {
  const old = PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k1:${key('first')}` });
  const rotated = PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k2:${key('second')} k1:${key('first')}` });

  it('encrypts with the current key and decrypts with any configured one', () => {
    const sealed = old.seal('13800138000');
    expect(sealed).not.toContain('13800138000');
    expect(sealed.startsWith('k1:')).toBe(true);
    expect(rotated.open(sealed)).toBe('13800138000');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.seal('x').startsWith('k2:')).toBe(true);
    expect(() => PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k3:${key('third')}` }).open(sealed)).toThrow(/unknown key k1/);
  });

  it('seals every value under a nonce of its own, across refills of the nonce pool', () => {
    const sealed = Array.from({ length: 2500 }, () => old.seal('13800138000'));
    expect(new Set(sealed.map((value) => value.split(':')[1])).size).toBe(sealed.length);
    expect(new Set(sealed.map((value) => old.open(value)))).toEqual(new Set(['13800138000']));
  });

  it('re-seals a value under the current key only when it is stale, and refuses one no key opens', () => {
    const sealed = old.seal('小雨');
    const current = rotated.resealIfStale(sealed);
    expect(current.startsWith('k2:')).toBe(true);
    expect(rotated.open(current)).toBe('小雨');
    expect(rotated.resealIfStale(current)).toBe(current);
    expect(() => PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k3:${key('third')}` }).resealIfStale(sealed)).toThrow(/unknown key k1/);
  });

  it('hashes for lookup the same way whatever the formatting, and keys the hash', () => {
    expect(old.lookupHash('phone', '+86 138-0013-8000')).toBe(old.lookupHash('phone', '13800138000'));
    const otherKey = PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k1:${key('first')}`, MEMBERSHIP_LOOKUP_KEY: 'another-lookup-key-entirely' });
    expect(otherKey.lookupHash('phone', '13800138000')).not.toBe(old.lookupHash('phone', '13800138000'));
  });

  it('refuses the documented development PII key in production', () => {
    const dev = `dev1:${Buffer.from('shopops-development-pii-key-0001').toString('base64')}`;
    const production = { NODE_ENV: 'production', MEMBERSHIP_LOOKUP_KEY: 'a-production-lookup-key' };
    expect(() => PiiVault.fromEnv({ ...production, MEMBERSHIP_PII_KEYS: `k2:${key('second')} ${dev}` })).toThrow(
      /MEMBERSHIP_PII_KEYS holds the documented development value/,
    );
    expect(PiiVault.fromEnv({ ...production, MEMBERSHIP_PII_KEYS: `k2:${key('second')}` }).keyId).toBe('k2');
  });

  it('masks for roles that do not need the value', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskAddress('上海市静安区南京西路1266号')).toBe('上海市静安区******');
    expect(maskBirthday('1995-06-18')).toBe('****-06-**');
  });

  it('reads PII_KEYS, and the older MEMBERSHIP_PII_KEYS when it is unset', () => {
    const shared = PiiVault.fromEnv({ PII_KEYS: `s1:${key('shared')}`, MEMBERSHIP_PII_KEYS: `k1:${key('first')}` });
    expect(shared.keyId).toBe('s1');
    expect(old.keyId).toBe('k1');
    const legacyLookup = PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: `k1:${key('first')}`, MEMBERSHIP_LOOKUP_KEY: 'another-lookup-key-entirely' });
    const sharedLookup = PiiVault.fromEnv({ PII_KEYS: `k1:${key('first')}`, PII_LOOKUP_KEY: 'another-lookup-key-entirely' });
    expect(sharedLookup.lookupHash('phone', '13800138000')).toBe(legacyLookup.lookupHash('phone', '13800138000'));
  });

  it('refuses keys of the wrong size', () => {
    expect(() => PiiVault.fromEnv({ MEMBERSHIP_PII_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
