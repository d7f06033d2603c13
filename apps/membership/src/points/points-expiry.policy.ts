/** When points earned at a moment expire. Shops choose (MEMBERSHIP_POINTS_EXPIRY). */
export interface PointsExpiryPolicy {
  expiresAt(earnedAt: Date): Date | null;
}

export const POINTS_EXPIRY = Symbol('POINTS_EXPIRY');

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Default: the end of the year after the one they were earned in (Asia/Shanghai). */
export class EndOfFollowingYear implements PointsExpiryPolicy {
  expiresAt(earnedAt: Date): Date {
    const year = new Date(earnedAt.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
    return new Date(Date.UTC(year + 2, 0, 1) - SHANGHAI_OFFSET_MS - 1);
  }
}

/** Rolling: a fixed number of months after earning. */
export class RollingMonths implements PointsExpiryPolicy {
  constructor(private readonly months: number) {}
  expiresAt(earnedAt: Date): Date {
    const d = new Date(earnedAt);
    d.setUTCMonth(d.getUTCMonth() + this.months);
    return d;
  }
}

export function expiryPolicyFrom(spec: string | undefined): PointsExpiryPolicy {
  const rolling = /^months:(\d{1,3})$/.exec(spec ?? '');
  if (rolling) return new RollingMonths(Number(rolling[1]));
  if (spec && spec !== 'end-of-next-year') throw new Error(`MEMBERSHIP_POINTS_EXPIRY must be end-of-next-year or months:<n>, not "${spec}"`);
  return new EndOfFollowingYear();
}
