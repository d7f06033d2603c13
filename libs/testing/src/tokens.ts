import type { Role } from '@shopops/contracts';
import { DEV_JWT_SECRET, signBearerToken } from '@shopops/platform';

/** A bearer token as `npm run token` would mint it. */
export function tokenFor(role: Role, memberId?: string): string {
  return signBearerToken(
    { sub: memberId ? `member:${memberId}` : `test-${role}`, role, ...(memberId ? { memberId } : {}) },
    process.env.JWT_SECRET || DEV_JWT_SECRET,
    3600,
  );
}
