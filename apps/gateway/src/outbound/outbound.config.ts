import { IntegerVariable, OneOfVariable, readEnvironment, SecretVariable, TextVariable, validConfig, type Environment } from '@shopops/platform';

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

class OutboundEnvironment {
  @TextVariable(/^\d+(,\d+)*$/, 'comma-separated milliseconds') OUTBOUND_RETRY_SCHEDULE_MS?: string;
  @SecretVariable(DEV_SECRETS_KEY) OUTBOUND_SECRETS_KEY: string = DEV_SECRETS_KEY;
  @IntegerVariable(100, 120_000) OUTBOUND_TIMEOUT_MS = 10_000;
  @IntegerVariable(1, 1000) OUTBOUND_CIRCUIT_FAILURES = 5;
  @IntegerVariable(100, 24 * HOUR) OUTBOUND_CIRCUIT_COOLDOWN_MS = 5 * MINUTE;
  @IntegerVariable(1000, 30 * 24 * HOUR) OUTBOUND_DISABLE_AFTER_MS = 72 * HOUR;
  @IntegerVariable(0, HOUR) OUTBOUND_COALESCE_MS = 2000;
  @OneOfVariable(['true', 'false']) OUTBOUND_ALLOW_PRIVATE_NETWORKS = 'false';
  @IntegerVariable(0, 30 * 24 * HOUR) OUTBOUND_ROTATION_OVERLAP_MS = 24 * HOUR;
}

export function loadOutboundConfig(env: Environment): OutboundConfig {
  const { values, problems } = readEnvironment(OutboundEnvironment, env);
  const key = Buffer.from(values.OUTBOUND_SECRETS_KEY, 'base64');
  if (key.length !== 32) problems.push('OUTBOUND_SECRETS_KEY must be the base64 of 32 bytes');
  const schedule = values.OUTBOUND_RETRY_SCHEDULE_MS;
  const config: OutboundConfig = {
    retryScheduleMs: schedule ? schedule.split(',').map(Number) : DEFAULT_RETRY_SCHEDULE,
    timeoutMs: values.OUTBOUND_TIMEOUT_MS,
    circuitFailures: values.OUTBOUND_CIRCUIT_FAILURES,
    circuitCooldownMs: values.OUTBOUND_CIRCUIT_COOLDOWN_MS,
    disableAfterMs: values.OUTBOUND_DISABLE_AFTER_MS,
    coalesceMs: values.OUTBOUND_COALESCE_MS,
    allowPrivateNetworks: values.OUTBOUND_ALLOW_PRIVATE_NETWORKS === 'true',
    secretsKey: key,
    rotationOverlapMs: values.OUTBOUND_ROTATION_OVERLAP_MS,
  };
  return validConfig('outbound webhooks', config, problems);
}

/** Full jitter around the scheduled delay (±20%), so endpoints that failed together retry apart. */
export function jittered(delayMs: number, random: () => number = Math.random): number {
  return Math.round(delayMs * (0.8 + 0.4 * random()));
}
