/** Staff and shopper roles carried in tokens and checked on every resolver. */
export const ROLES = ['admin', 'operator', 'warehouse', 'cs_agent', 'analyst', 'member'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every staff role; shoppers (`member`) are not staff. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'operator', 'warehouse', 'cs_agent', 'analyst'];
