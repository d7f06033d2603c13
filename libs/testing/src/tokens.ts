import type { Role } from '@shopops/contracts';
import { signBearerToken } from '@shopops/platform';
import { harnessEnv } from './harness-env';

/** A bearer token as `npm run token` would mint it. */
export function tokenFor(role: Role, memberId?: string): string {
  return signBearerToken({ sub: memberId ? `member:${memberId}` : `test-${role}`, role, ...(memberId ? { memberId } : {}) }, harnessEnv.jwtSecret(), 3600);
}

/** A member of staff's token with their own subject (two operators are told apart by it). */
export function staffToken(role: Role, subject: string): string {
  return signBearerToken({ sub: subject, role }, harnessEnv.jwtSecret(), 3600);
}
