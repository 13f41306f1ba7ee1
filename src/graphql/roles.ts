import { roleAtLeast, type Principal, type Role } from '../access/model.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';

/** Throws FORBIDDEN unless the principal has at least `needed`. */
export function requireRole(principal: Principal | null, needed: Role, what: string): Principal {
  if (principal === null) throw new UnauthenticatedError('no API key was sent');
  if (!roleAtLeast(principal.role, needed)) throw new ForbiddenError(what, needed, principal.role);
  return principal;
}
