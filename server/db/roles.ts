import type { Queryable } from './db';

/**
 * The split of issue 11 (finding 6): an owner role owns the schema and runs the migrations; the application's
 * role gets data rights on every table, but on the audit trail only SELECT and INSERT. Not being the owner, it can
 * neither disable the append-only trigger nor change, delete or truncate a row. Run with the owner's connection
 * after every migration (server/main.ts does, given OBHUT_OWNER_DATABASE_URL); the SQL to create the two roles is
 * in docs/admin.md. PGlite has one role only, so there the trigger and the signed heads are the protection.
 */
export async function grantAppRole(owner: Queryable, appRole: string): Promise<void> {
  const role = `"${appRole.replaceAll('"', '""')}"`;
  await owner.exec(`
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role};
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role};
    REVOKE CREATE ON SCHEMA public FROM ${role};
  `);
}

/** The role a connection logs in as (the application's role, to grant to). */
export async function currentRole(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ role: string }>('SELECT current_user AS role');
  return rows[0].role;
}
