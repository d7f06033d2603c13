import { forbidden, type RequestContext } from '@shopops/platform';

/** Roles that may read a member (a member only their own, see assertSelfOrStaff). */
export const MEMBER_READERS = ['operator', 'cs_agent', 'analyst', 'member'] as const;

/** A member token may act only on its own member; staff roles (already checked by @Roles) on any. */
export function assertSelfOrStaff(ctx: RequestContext, memberId: string | undefined): void {
  if (ctx.identity.role === 'member' && memberId !== undefined && ctx.identity.memberId !== memberId) {
    throw forbidden('A member may read and act only on their own membership');
  }
}
