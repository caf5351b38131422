import { OUTBOX_CREDENTIAL_DAYS, type OutboxCredential } from '../../shared/sync/outbox';
import type { SessionUser } from '../../shared/sync/protocol';
import { appendAudit } from '../audit/log';
import { newToken, sha256 } from '../auth/tokens';
import type { Db, Queryable } from '../db/db';
import { newSealKey } from './seal';

const DAY_MS = 86_400_000;

/**
 * A new outbox credential for the session's user on the session's device. It replaces the pair's earlier ones:
 * an outbox sealed with those is now covered by the user's own next sync (the app drops it at login).
 */
export async function issueCredential(
  db: Db,
  user: SessionUser,
  deviceId: string,
  address: string,
  now = Date.now(),
): Promise<OutboxCredential> {
  const { token, hash } = newToken();
  const key = newSealKey();
  const expiresAt = now + OUTBOX_CREDENTIAL_DAYS * DAY_MS;
  await db.transaction(async (tx) => {
    await tx.query(
      'UPDATE outbox_credentials SET revoked_at = now() WHERE user_id = $1 AND device_id = $2 AND revoked_at IS NULL',
      [user.id, deviceId],
    );
    await tx.query(
      `INSERT INTO outbox_credentials (token_hash, user_id, device_id, seal_key, expires_at)
       VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0))`,
      [hash, user.id, deviceId, key, expiresAt],
    );
    await appendAudit(tx, {
      action: 'outbox.issued',
      actorId: user.id,
      actorName: user.username,
      officeId: user.officeId,
      deviceId,
      address,
      details: { expiresAt: new Date(expiresAt).toISOString() },
    });
  });
  return { token, key: key.toString('base64'), expiresAt };
}

export type LiveCredential = {
  tokenHash: string;
  user: SessionUser;
  deviceId: string;
  key: Buffer;
  lastSealedAt: number;
};

type Row = {
  token_hash: string;
  device_id: string;
  seal_key: Buffer | Uint8Array;
  last_sealed_at: string | number;
  id: string;
  username: string;
  display_name: string;
  office_id: string;
  roles: string[];
};

/**
 * The credential behind a token, if it can still deliver: not expired, not replaced, its user not disabled, its
 * device not revoked (a revoked device's outbox is wiped with it), and presented by the device it was issued to.
 */
export async function liveCredential(
  db: Db,
  token: string,
  deviceId: string | undefined,
): Promise<LiveCredential | null> {
  const { rows } = await db.query<Row>(
    `SELECT o.token_hash, o.device_id, o.seal_key, o.last_sealed_at,
            u.id, u.username, u.display_name, u.office_id, u.roles
       FROM outbox_credentials o JOIN users u ON u.id = o.user_id JOIN devices d ON d.id = o.device_id
      WHERE o.token_hash = $1 AND o.revoked_at IS NULL AND o.expires_at > now()
        AND d.revoked_at IS NULL AND NOT u.disabled`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row || deviceId !== row.device_id) return null;
  return {
    tokenHash: row.token_hash,
    deviceId: row.device_id,
    key: Buffer.from(row.seal_key),
    lastSealedAt: Number(row.last_sealed_at),
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      officeId: row.office_id,
      roles: [...row.roles],
    },
  };
}

/**
 * Marks an outbox sealed at `sealedAt` as the one being delivered; false when that one or a newer one already was
 * (a replay of an older outbox would roll the author's later work back into conflicts).
 */
export async function claimDelivery(q: Queryable, tokenHash: string, sealedAt: number): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE outbox_credentials SET last_sealed_at = $2 WHERE token_hash = $1 AND last_sealed_at < $2 RETURNING 1`,
    [tokenHash, sealedAt],
  );
  return rows.length > 0;
}

/** Undoes claimDelivery: the outbox was not delivered after all and may be handed in again. */
export async function releaseDelivery(q: Queryable, credential: LiveCredential): Promise<void> {
  await q.query('UPDATE outbox_credentials SET last_sealed_at = $2 WHERE token_hash = $1', [
    credential.tokenHash,
    credential.lastSealedAt,
  ]);
}
