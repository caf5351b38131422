import type { AdminDevice } from '../../shared/sync/protocol';
import { actorFields } from '../audit/chain';
import { appendAudit } from '../audit/log';
import { denial } from '../authz/enforce';
import type { Db, Queryable } from '../db/db';
import { ApiError } from '../http/errors';
import { type Caller, endSessions } from './users';

type DeviceRow = {
  id: string;
  name: string;
  user_id: string | null;
  username: string | null;
  office_id: string | null;
  first_seen: Date;
  last_seen: Date;
  app_version: string | null;
  revoked_at: Date | null;
  pending_changes: number | null;
  pending_reported_at: Date | null;
};

const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());

const toAdminDevice = (r: DeviceRow): AdminDevice => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  username: r.username,
  officeId: r.office_id,
  firstSeen: ms(r.first_seen)!,
  lastSeen: ms(r.last_seen)!,
  appVersion: r.app_version,
  revokedAt: ms(r.revoked_at),
  pendingChanges: r.pending_changes,
  pendingReportedAt: ms(r.pending_reported_at),
});

// A device belongs to the office that registered it (its first login); no later login moves it (login.ts).
const SELECT = `SELECT d.id, d.name, d.user_id, u.username, d.office_id, d.first_seen, d.last_seen, d.app_version,
                       d.revoked_at, d.pending_changes, d.pending_reported_at
                  FROM devices d LEFT JOIN users u ON u.id = d.user_id`;

export async function listDevices(q: Queryable, offices: readonly string[] | 'all'): Promise<AdminDevice[]> {
  const { rows } =
    offices === 'all'
      ? await q.query<DeviceRow>(`${SELECT} ORDER BY d.last_seen DESC`)
      : await q.query<DeviceRow>(`${SELECT} WHERE d.office_id = ANY($1::text[]) ORDER BY d.last_seen DESC`, [
          [...offices],
        ]);
  return rows.map(toAdminDevice);
}

/**
 * Revokes a device (a lost laptop): its sessions end now, its next contact gets 403 device_revoked (and the app
 * wipes its local data), and no login from it is accepted again. Returns the ended sessions' token hashes.
 */
export async function revokeDevice(db: Db, caller: Caller, id: string): Promise<string[]> {
  const { rows } = await db.query<DeviceRow>(`${SELECT} WHERE d.id = $1`, [id]);
  const device = rows[0];
  if (!device || !device.office_id) throw new ApiError(404, 'device_not_found');
  const denied = denial(caller.user, 'devices', 'revoke', device.office_id);
  if (denied) throw new ApiError(403, denied);
  return db.transaction(async (tx) => {
    await tx.query('UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [id]);
    const ended = await endSessions(tx, 'device_id', id);
    await appendAudit(tx, {
      action: 'admin.device_revoked',
      ...actorFields(caller.actor),
      officeId: device.office_id,
      target: id,
      details: { deviceName: device.name, userId: device.user_id, sessionsEnded: ended.length },
    });
    return ended;
  });
}
