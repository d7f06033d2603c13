import { EnvReader } from '@shopops/platform';

export interface OutboundConfig {
  /** Delays before each retry; about three days in all by default. */
  readonly retryScheduleMs: readonly number[];
  readonly timeoutMs: number;
  /** Consecutive failed attempts that open an endpoint's circuit (deliveries wait). */
  readonly circuitFailures: number;
  readonly circuitCooldownMs: number;
  /** An endpoint failing without a single success for this long is disabled. */
  readonly disableAfterMs: number;
  /** A burst of coalescable events (channel stock) becomes one delivery per key in this window. */
  readonly coalesceMs: number;
  /** Lets deliveries reach loopback and private networks (development and tests only). */
  readonly allowPrivateNetworks: boolean;
  /** AES-256-GCM key for endpoint secrets at rest (base64 of 32 bytes). */
  readonly secretsKey: Buffer;
  readonly rotationOverlapMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h, 24 h: ~69 h of retries. */
export const DEFAULT_RETRY_SCHEDULE = [10_000, MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR];
const DEV_SECRETS_KEY = Buffer.from('shopops-development-secrets-key!').toString('base64');

export function loadOutboundConfig(env: NodeJS.ProcessEnv = process.env): OutboundConfig {
  const read = new EnvReader(env);
  const schedule = read.string('OUTBOUND_RETRY_SCHEDULE_MS', '', /^\d+(,\d+)*$/, 'comma-separated milliseconds');
  const key = Buffer.from(read.secret('OUTBOUND_SECRETS_KEY', DEV_SECRETS_KEY), 'base64');
  if (key.length !== 32) read.problems.push('OUTBOUND_SECRETS_KEY must be the base64 of 32 bytes');
  const config: OutboundConfig = {
    retryScheduleMs: schedule ? schedule.split(',').map(Number) : DEFAULT_RETRY_SCHEDULE,
    timeoutMs: read.int('OUTBOUND_TIMEOUT_MS', 10_000, 100, 120_000),
    circuitFailures: read.int('OUTBOUND_CIRCUIT_FAILURES', 5, 1, 1000),
    circuitCooldownMs: read.int('OUTBOUND_CIRCUIT_COOLDOWN_MS', 5 * MINUTE, 100, 24 * HOUR),
    disableAfterMs: read.int('OUTBOUND_DISABLE_AFTER_MS', 72 * HOUR, 1000, 30 * 24 * HOUR),
    coalesceMs: read.int('OUTBOUND_COALESCE_MS', 2000, 0, HOUR),
    allowPrivateNetworks: read.oneOf('OUTBOUND_ALLOW_PRIVATE_NETWORKS', ['true', 'false'] as const, 'false') === 'true',
    secretsKey: key,
    rotationOverlapMs: read.int('OUTBOUND_ROTATION_OVERLAP_MS', 24 * HOUR, 0, 30 * 24 * HOUR),
  };
  read.assertValid('outbound webhooks');
  return config;
}

/** Full jitter around the scheduled delay (±20%), so endpoints that failed together retry apart. */
export function jittered(delayMs: number, random: () => number = Math.random): number {
  return Math.round(delayMs * (0.8 + 0.4 * random()));
}
