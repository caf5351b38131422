/** Roles of docs/api.md. A user has one office and one or more roles. */
export const ROLES = ['oncall', 'supervisor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles an office's admin may give and whose holders it may manage (create, reset, disable): its own office's
 * staff. `coordinator` acts Verbund-wide, so it is set up only at installation level (`npm run user:add`).
 */
export const OFFICE_ROLES = ['oncall', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** Whether an office admin may give these roles, or manage an account that has them. */
export function officeAdminMayAssign(roles: readonly string[]): boolean {
  return roles.every((r) => (OFFICE_ROLES as readonly string[]).includes(r));
}
