import { randomUUID } from 'node:crypto';

import { officeAdminMayAssign } from '../../shared/roles';
import type { AdminUser, CreateUserRequest, SessionUser } from '../../shared/sync/protocol';
import { actorFields, type AuditActor } from '../audit/chain';
import { appendAudit } from '../audit/log';
import { normaliseUsername, throttleKey } from '../auth/login';
import { hashPassword, type KdfParams } from '../auth/password';
import { checkPasswordPolicy } from '../auth/password-policy';
import { denial } from '../authz/enforce';
import type { Db, Queryable } from '../db/db';
import { ApiError } from '../http/errors';

/**
 * The admin calling, for the office check and the audit trail. `verbund`: the installation-level administrator
 * (`npm run user:add` on the server machine), who alone may set up Verbund-wide roles (coordinator).
 */
export type Caller = { user: Pick<SessionUser, 'id' | 'officeId' | 'roles'>; actor: AuditActor; verbund?: true };

/** An office admin gives and manages only its office's roles (shared/roles.ts); 403 role_not_assignable else. */
function checkRoles(caller: Caller, roles: readonly string[]): void {
  if (!caller.verbund && !officeAdminMayAssign(roles)) throw new ApiError(403, 'role_not_assignable');
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  office_id: string;
  roles: string[];
  disabled: boolean;
  created_at: Date;
  password_changed_at: Date;
};

const toAdminUser = (r: UserRow): AdminUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  officeId: r.office_id,
  roles: [...r.roles],
  disabled: r.disabled,
  createdAt: new Date(r.created_at).getTime(),
  passwordChangedAt: new Date(r.password_changed_at).getTime(),
});

const COLUMNS = 'id, username, display_name, office_id, roles, disabled, created_at, password_changed_at';

export async function listUsers(q: Queryable, offices: readonly string[] | 'all'): Promise<AdminUser[]> {
  const { rows } =
    offices === 'all'
      ? await q.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY office_id, username`)
      : await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE office_id = ANY($1::text[]) ORDER BY username`, [
          [...offices],
        ]);
  return rows.map(toAdminUser);
}

/** Creates an account after the office check and the password policy; recorded in the audit trail. */
export async function createUser(db: Db, caller: Caller, req: CreateUserRequest, kdf?: KdfParams): Promise<AdminUser> {
  if (!caller.verbund) {
    const denied = denial(caller.user, 'users', 'write', req.officeId);
    if (denied) throw new ApiError(403, denied);
  }
  checkRoles(caller, req.roles);
  const username = normaliseUsername(req.username);
  if (!USERNAME.test(username)) throw new ApiError(400, 'invalid_username');
  const weak = checkPasswordPolicy(req.password, username);
  if (weak) throw new ApiError(400, weak);
  const passwordHash = await hashPassword(req.password, kdf);
  const roles = [...new Set(req.roles)];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow>(
      `INSERT INTO users (id, username, display_name, office_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), username, req.displayName.trim(), req.officeId, roles, passwordHash],
    );
    if (!rows[0]) throw new ApiError(409, 'username_taken');
    await appendAudit(tx, {
      action: 'admin.user_created',
      ...actorFields(caller.actor),
      officeId: req.officeId,
      target: rows[0].id,
      details: { username, roles },
    });
    return toAdminUser(rows[0]);
  });
}

async function targetUser(q: Queryable, caller: Caller, id: string): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  if (!rows[0]) throw new ApiError(404, 'user_not_found');
  const denied = denial(caller.user, 'users', 'write', rows[0].office_id);
  if (denied) throw new ApiError(403, denied);
  // A coordinator's account is Verbund-level: resetting its password would hand its Verbund-wide rights over.
  checkRoles(caller, rows[0].roles);
  return rows[0];
}

/**
 * Sets a new password (policy checked). Every session of the user ends and a lockout of the name is lifted:
 * this is what an admin does for someone locked out or whose laptop was lost. Returns the ended sessions' token
 * hashes, so their open streams can be closed.
 */
export async function resetPassword(
  db: Db,
  caller: Caller,
  id: string,
  password: string,
  kdf?: KdfParams,
): Promise<string[]> {
  const target = await targetUser(db, caller, id);
  const weak = checkPasswordPolicy(password, target.username);
  if (weak) throw new ApiError(400, weak);
  const passwordHash = await hashPassword(password, kdf);
  return db.transaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
      id,
      passwordHash,
    ]);
    const { rows: known } = await tx.query<{ device_id: string }>(
      'SELECT device_id FROM known_devices WHERE user_id = $1',
      [id],
    );
    const keys = [null, ...known.map((k) => k.device_id)].map((device) => throttleKey(target.username, device));
    await tx.query('DELETE FROM login_throttle WHERE username_hash = ANY($1::text[])', [keys]);
    const ended = await endSessions(tx, 'user_id', id);
    await appendAudit(tx, {
      action: 'admin.password_reset',
      ...actorFields(caller.actor),
      officeId: target.office_id,
      target: id,
      details: { username: target.username, sessionsEnded: ended.length },
    });
    return ended;
  });
}

/** Disables (all sessions end at once) or enables an account. An admin can't disable the own account. */
export async function setDisabled(db: Db, caller: Caller, id: string, disabled: boolean): Promise<string[]> {
  const target = await targetUser(db, caller, id);
  if (disabled && id === caller.user.id) throw new ApiError(400, 'own_account');
  return db.transaction(async (tx) => {
    await tx.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, disabled]);
    const ended = disabled ? await endSessions(tx, 'user_id', id) : [];
    await appendAudit(tx, {
      action: disabled ? 'admin.user_disabled' : 'admin.user_enabled',
      ...actorFields(caller.actor),
      officeId: target.office_id,
      target: id,
      details: { username: target.username, sessionsEnded: ended.length },
    });
    return ended;
  });
}

/** Revokes the live sessions of a user or a device; returns their token hashes (to close their streams). */
export async function endSessions(tx: Queryable, column: 'user_id' | 'device_id', value: string): Promise<string[]> {
  const { rows } = await tx.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = now() WHERE ${column} = $1 AND revoked_at IS NULL RETURNING token_hash`,
    [value],
  );
  return rows.map((r) => r.token_hash);
}
