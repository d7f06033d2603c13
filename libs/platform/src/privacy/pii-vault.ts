import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { configSection } from '../config/service-config';
import {
  developmentSecretRefusal,
  isProduction,
  readEnvironment,
  SecretVariable,
  TextVariable,
  validConfig,
  type Environment,
} from '../config/environment-schema';

const DEV_PII_KEY = `dev1:${Buffer.from('shopops-development-pii-key-0001').toString('base64')}`;
const DEV_LOOKUP_KEY = 'development-only-membership-lookup-key';

const IV_BYTES = 12;
// One call into the random generator per 1,024 IVs instead of one per value: a third of a seal's cost at webhook rates.
const ivPool = Buffer.alloc(IV_BYTES * 1024);
let ivOffset = ivPool.length;

/** A fresh random 96-bit GCM nonce, copied out of a pool filled from the CSPRNG. */
function nextIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/** The PII keys; `MEMBERSHIP_*` are their older names, read when the new ones are unset. */
class PiiEnvironment {
  @TextVariable() PII_KEYS?: string;
  @TextVariable() MEMBERSHIP_PII_KEYS?: string;
  @SecretVariable(DEV_LOOKUP_KEY) PII_LOOKUP_KEY = DEV_LOOKUP_KEY;
}

/**
 * Encrypts PII at rest (AES-256-GCM) under the current key, decrypts under any configured key
 * (rotation: new key first, old ones kept until re-encryption ends), and hashes values for
 * lookup with a separate HMAC key so a phone can be found without being stored in clear.
 * Every service that keeps or passes on buyer PII uses this one vault and the same keys, so a
 * value sealed where it arrives (the gateway) opens where it is needed (membership).
 */
export class PiiVault {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly currentKeyId: string,
    private readonly lookupKey: Buffer,
  ) {}

  /** `PII_KEYS` / `PII_LOOKUP_KEY`; the older `MEMBERSHIP_*` names are still read when unset. */
  static fromEnv(env: Environment): PiiVault {
    const { values, problems } = readEnvironment(PiiEnvironment, { ...env, PII_LOOKUP_KEY: env.PII_LOOKUP_KEY || env.MEMBERSHIP_LOOKUP_KEY });
    const spec = (values.PII_KEYS || values.MEMBERSHIP_PII_KEYS)?.trim() || (isProduction(env) ? '' : DEV_PII_KEY);
    if (!spec) problems.push('PII_KEYS must be set in production (id:base64key, newest first)');
    if (spec.split(/\s+/).includes(DEV_PII_KEY) && isProduction(env))
      problems.push(developmentSecretRefusal(values.PII_KEYS ? 'PII_KEYS' : 'MEMBERSHIP_PII_KEYS'));
    const keys = new Map<string, Buffer>();
    for (const part of spec.split(/\s+/).filter(Boolean)) {
      const [id, b64] = part.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || key.length !== 32) problems.push(`PII_KEYS: "${id ?? part}" must be id:base64 of 32 bytes`);
      else keys.set(id, key);
    }
    return validConfig('PII keys', new PiiVault(keys, [...keys.keys()][0] ?? 'none', Buffer.from(values.PII_LOOKUP_KEY)), problems);
  }

  get keyId(): string {
    return this.currentKeyId;
  }

  seal(plain: string): string {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.currentKeyId}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
  }

  sealOptional(plain: string | undefined | null): string | undefined {
    return plain ? this.seal(plain) : undefined;
  }

  open(sealed: string): string {
    const [keyId, iv, tag, body] = sealed.split(':');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`PII sealed with unknown key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Whether a sealed value needs re-encryption under the current key. */
  isStale(sealed: string): boolean {
    return !sealed.startsWith(`${this.currentKeyId}:`);
  }

  /** The value sealed under the current key: re-sealed if stale; throws if no configured key opens it. */
  resealIfStale(sealed: string): string {
    return this.isStale(sealed) ? this.seal(this.open(sealed)) : sealed;
  }

  lookupHash(kind: string, value: string): string {
    return createHmac('sha256', this.lookupKey)
      .update(`${kind}:${normalise(kind, value)}`)
      .digest('base64url');
  }
}

function normalise(kind: string, value: string): string {
  return kind === 'phone' ? value.replace(/[^0-9]/g, '').replace(/^86(?=1\d{10}$)/, '') : value.trim().toLowerCase();
}

/** 138****8000 — enough to recognise, not to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

export function maskAddress(address: string): string {
  return address.length <= 6 ? '******' : `${address.slice(0, 6)}******`;
}

export function maskBirthday(birthday: string): string {
  return `****-${birthday.slice(5, 7)}-**`;
}

export const PII_VAULT = Symbol('PII_VAULT');

/** The vault as a configuration section of the services that keep or pass on buyer PII. */
export const PII_VAULT_SECTION = configSection('piiVault', PII_VAULT, (env) => PiiVault.fromEnv(env));
