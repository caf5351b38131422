/**
 * The office directory (GET /api/v1/directory, server/directory/): who is who among the staff of the caller's own
 * office, so that ids in records ("von <createdBy>", "Zuständig", signatures) can be shown as names. Disabled
 * accounts are included: old records still name them. Nothing else about an account leaves the server (no roles,
 * no password data, no other office).
 */
export type DirectoryUser = { id: string; username: string; displayName: string };

export type DirectoryResponse = { users: DirectoryUser[] };
