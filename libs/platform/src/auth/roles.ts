import { SetMetadata } from '@nestjs/common';
import type { Role } from '@shopops/contracts';
import type { Identity } from '../context/request-context';

export const ROLES_KEY = 'shopops:roles';
export const PUBLIC_ACCESS = 'public';

/**
 * Who may call a resolver. `admin` may call anything staff may. A member may call only
 * resolvers that list `member`, and those must check that the member reads their own data.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Open to anyone who came through the gateway, signed in or not (e.g. federation references). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, PUBLIC_ACCESS);

/** Whether a caller of this role may use what declares these roles: admins and the system pass every check. */
export function roleMayUse(role: Identity['role'], declared: readonly Role[]): boolean {
  return role === 'system' || role === 'admin' || (declared as readonly string[]).includes(role);
}
