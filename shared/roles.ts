/** Roles of sync-api.md. A user has one office and one or more roles. */
export const ROLES = ['oncall', 'supervisor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
