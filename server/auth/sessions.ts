import type { FastifyRequest } from 'fastify';

import { DEVICE_HEADER, PENDING_HEADER, type SessionUser } from '../../shared/sync/protocol';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { sha256 } from './tokens';

export type Auth = { user: SessionUser; tokenHash: string; deviceId: string };

type SessionRow = {
  expired: boolean;
  revoked: boolean;
  device_id: string;
  device_revoked: boolean;
  seen_long_ago: boolean;
  device_bound: boolean;
  pending_changes: number | null;
  disabled: boolean;
  id: string;
  username: string;
  display_name: string;
  office_id: string;
  roles: string[];
};

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim()) : null;
  return match?.[1];
}

/** The X-Obhut-Device header; a repeated header (an array) counts as a wrong one. */
export function deviceHeader(request: FastifyRequest): string | undefined {
  const value = request.headers[DEVICE_HEADER];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.trim() : '\u0000';
}

export type AuthOptions = {
  /** The X-Obhut-Device header of the request, if any. */
  deviceHeader: string | undefined;
  /** Refuse calls without the header from every session, also those opened without naming the device. */
  requireDevice: boolean;
  address: string;
  /** The X-Obhut-Pending header: the device's count of local changes not yet accepted (shown to its admin). */
  pendingChanges?: number | undefined;
};

/** The X-Obhut-Pending header as a count; anything else is ignored (it only informs an admin). */
export function pendingHeader(request: FastifyRequest): number | undefined {
  const value = request.headers[PENDING_HEADER];
  if (typeof value !== 'string' || !/^\d{1,7}$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * Who is calling. Missing, unknown, revoked or expired tokens -> 401; a token of a revoked device -> 403
 * device_revoked (even though revoking also revoked the token), so the app knows to stop trying and wipe its
 * local data. A token shown with another device's id -> 401 device_mismatch, and the token is revoked: it has
 * left the installation it was issued to.
 */
export async function authenticate(db: Db, token: string | undefined, opts: AuthOptions): Promise<Auth> {
  if (!token) throw new ApiError(401, 'unauthorized');
  const tokenHash = sha256(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.expires_at <= now() AS expired, s.revoked_at IS NOT NULL AS revoked, s.device_id,
            d.revoked_at IS NOT NULL AS device_revoked, d.last_seen < now() - interval '1 minute' AS seen_long_ago,
            s.device_bound, d.pending_changes,
            u.disabled, u.id, u.username, u.display_name, u.office_id, u.roles
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN devices d ON d.id = s.device_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) throw new ApiError(401, 'unauthorized');
  if (row.device_revoked) throw new ApiError(403, 'device_revoked');
  if (row.revoked || row.disabled) throw new ApiError(401, 'unauthorized');
  if (row.expired) throw new ApiError(401, 'token_expired');
  // A session whose login named the device (our app always does) must name it on every call: a copied token
  // without the header is refused like one shown with another device's id.
  if (opts.deviceHeader !== undefined ? opts.deviceHeader !== row.device_id : opts.requireDevice || row.device_bound) {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
      ]);
      await appendAudit(tx, {
        action: 'auth.device_mismatch',
        actorId: row.id,
        actorName: row.username,
        officeId: row.office_id,
        deviceId: row.device_id,
        address: opts.address,
        details: { presentedDevice: opts.deviceHeader ?? null },
      });
    });
    throw new ApiError(401, 'device_mismatch');
  }
  // "Last seen" for the admins' device list, written at most once a minute per device; the pending count when
  // it changed (an admin about to revoke the device sees what would be lost).
  const pendingChanged = opts.pendingChanges !== undefined && opts.pendingChanges !== row.pending_changes;
  if (row.seen_long_ago || pendingChanged) {
    await db.query(
      `UPDATE devices SET last_seen = now(),
         pending_changes = coalesce($2, pending_changes),
         pending_reported_at = CASE WHEN $2::integer IS NULL THEN pending_reported_at ELSE now() END
       WHERE id = $1`,
      [row.device_id, opts.pendingChanges ?? null],
    );
  }
  return { user: toSessionUser(row), tokenHash, deviceId: row.device_id };
}

export function toSessionUser(
  row: Pick<SessionRow, 'id' | 'username' | 'display_name' | 'office_id' | 'roles'>,
): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    officeId: row.office_id,
    roles: [...row.roles],
  };
}
