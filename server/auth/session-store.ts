import type { Queryable } from '../db/db';

/** A session that still grants access: not revoked, not expired, its device not revoked, its user not disabled. */
export async function sessionLive(q: Queryable, tokenHash: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM sessions s JOIN devices d ON d.id = s.device_id JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND d.revoked_at IS NULL
        AND NOT u.disabled`,
    [tokenHash],
  );
  return rows.length > 0;
}

/** Any session this token was issued for, live or not. */
export async function sessionIssued(q: Queryable, tokenHash: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM sessions WHERE token_hash = $1', [tokenHash]);
  return rows.length > 0;
}

export async function revokeSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash]);
}
