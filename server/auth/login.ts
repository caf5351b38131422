import type { LoginRequest, LoginResponse } from '../../shared/sync/protocol';
import { appendAudit, audit } from '../audit/log';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { verifyAgainstNobody, verifyPassword } from './password';
import { toSessionUser } from './sessions';
import { newToken, sha256 } from './tokens';

export type LoginPolicy = {
  /** Failed attempts per user name before it is locked. */
  maxFailures: number;
  /** The first lock; each further lock in a row lasts twice as long, up to maxLockMs (backoff). */
  lockMs: number;
  maxLockMs: number;
  /** Failed attempts per client address (any user names) within addressWindowMs before the address is locked. */
  addressMaxFailures: number;
  addressWindowMs: number;
  sessionTtlMs: number;
};
export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailures: 10,
  lockMs: 15 * 60_000,
  maxLockMs: 2 * 3_600_000,
  addressMaxFailures: 50,
  addressWindowMs: 15 * 60_000,
  sessionTtlMs: 12 * 3_600_000,
};

/** Who is logging in from where: the client address (request.ip, proxy-aware) and the app's version header. */
export type LoginContext = { address: string; appVersion: string | null };

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  office_id: string;
  roles: string[];
  password_hash: string;
  disabled: boolean;
};

export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** PostgreSQL text can't hold NUL; such a name can't belong to anyone, so it is not even looked up. */
const STORABLE = /^[^\u0000\uD800-\uDFFF]*$/u;

type Attempt = { failed_attempts: number; locked: boolean; retry_s: number | string | null };

const tooMany = (attempt: Attempt, fallbackMs: number) =>
  new ApiError(429, 'too_many_attempts', undefined, {
    'retry-after': String(Math.max(1, Number(attempt.retry_s ?? 0) || Math.ceil(fallbackMs / 1000))),
  });

/**
 * Checks the password and opens a session for the device. Every attempt is counted before the (slow) password
 * check, per user name and per client address, so parallel guesses can't exceed the limits; a success clears
 * the user's count. Unknown names are counted and cost the same time as known ones: neither timing nor lockout
 * reveals who has an account. Every outcome is written to the audit trail.
 */
export async function login(db: Db, req: LoginRequest, policy: LoginPolicy, ctx: LoginContext): Promise<LoginResponse> {
  const username = normaliseUsername(req.username);
  const { rows } = STORABLE.test(username)
    ? await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])
    : { rows: [] as UserRow[] };
  const user = rows[0];
  const failed = (reason: string) =>
    audit(db, {
      action: 'auth.login_failed',
      actorId: user?.id ?? null,
      actorName: user?.username ?? null,
      officeId: user?.office_id ?? null,
      deviceId: req.device.id,
      address: ctx.address,
      details: { reason },
    });

  const address = await countAddressAttempt(db, ctx.address, policy);
  if (address.locked || address.failed_attempts > policy.addressMaxFailures) {
    await failed('address_locked');
    throw tooMany(address, policy.lockMs);
  }
  const throttleKey = sha256(`login:${username}`);
  const { rows: attempt } = await db.query<Attempt>(
    `INSERT INTO login_throttle AS t (username_hash, failed_attempts) VALUES ($1, 1)
     ON CONFLICT (username_hash) DO UPDATE SET
       failed_attempts = CASE WHEN t.locked_until <= now() THEN 1 ELSE t.failed_attempts + 1 END,
       locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
     RETURNING failed_attempts, coalesce(locked_until > now(), false) AS locked,
               ceil(extract(epoch FROM locked_until - now())) AS retry_s`,
    [throttleKey],
  );
  if (attempt[0].locked || attempt[0].failed_attempts > policy.maxFailures) {
    await failed('locked');
    throw tooMany(attempt[0], policy.lockMs);
  }

  const ok =
    user && !user.disabled
      ? await verifyPassword(req.password, user.password_hash)
      : await verifyAgainstNobody(req.password);
  if (!ok || !user) {
    await lockIfDue(db, 'login_throttle', 'username_hash', throttleKey, policy.maxFailures, policy);
    await lockIfDue(db, 'login_address_throttle', 'address', ctx.address, policy.addressMaxFailures, policy);
    await failed(user?.disabled ? 'disabled' : 'invalid_credentials');
    throw new ApiError(401, 'invalid_credentials');
  }
  await db.query('DELETE FROM login_throttle WHERE username_hash = $1', [throttleKey]);
  // A success from the address takes back its own count, so an office behind one NAT address is not locked
  // out by its own users' successful logins; failures stay counted.
  await db.query(
    'UPDATE login_address_throttle SET failed_attempts = greatest(failed_attempts - 1, 0) WHERE address = $1',
    [ctx.address],
  );

  const { token, hash } = newToken();
  const expiresAt = Date.now() + policy.sessionTtlMs;
  const revoked = await db.transaction(async (tx) => {
    const { rows: device } = await tx.query<{ revoked: boolean }>(
      `INSERT INTO devices AS d (id, name, user_id, app_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET
         name = CASE WHEN d.revoked_at IS NULL THEN EXCLUDED.name ELSE d.name END,
         user_id = CASE WHEN d.revoked_at IS NULL THEN EXCLUDED.user_id ELSE d.user_id END,
         app_version = CASE WHEN d.revoked_at IS NULL THEN coalesce(EXCLUDED.app_version, d.app_version) ELSE d.app_version END,
         last_seen = CASE WHEN d.revoked_at IS NULL THEN now() ELSE d.last_seen END
       RETURNING d.revoked_at IS NOT NULL AS revoked`,
      [req.device.id, req.device.name, user.id, ctx.appVersion],
    );
    if (device[0].revoked) return true;
    await tx.query(
      'INSERT INTO sessions (token_hash, user_id, device_id, expires_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))',
      [hash, user.id, req.device.id, expiresAt],
    );
    await appendAudit(tx, {
      action: 'auth.login',
      actorId: user.id,
      actorName: user.username,
      officeId: user.office_id,
      deviceId: req.device.id,
      address: ctx.address,
      details: { appVersion: ctx.appVersion, expiresAt },
    });
    return false;
  });
  if (revoked) {
    await failed('device_revoked');
    throw new ApiError(403, 'device_revoked');
  }
  return { token, expiresAt, user: toSessionUser(user) };
}

/** Counts one attempt of the address; a window without a lock that has passed starts afresh. */
async function countAddressAttempt(db: Db, address: string, policy: LoginPolicy): Promise<Attempt> {
  const { rows } = await db.query<Attempt>(
    `INSERT INTO login_address_throttle AS t (address, failed_attempts) VALUES ($1, 1)
     ON CONFLICT (address) DO UPDATE SET
       failed_attempts = CASE
         WHEN t.locked_until <= now() OR (t.locked_until IS NULL AND t.window_start <= now() - make_interval(secs => $2))
         THEN 1 ELSE t.failed_attempts + 1 END,
       window_start = CASE
         WHEN t.locked_until <= now() OR (t.locked_until IS NULL AND t.window_start <= now() - make_interval(secs => $2))
         THEN now() ELSE t.window_start END,
       lockouts = CASE
         WHEN t.locked_until IS NULL AND t.window_start <= now() - make_interval(secs => $2) THEN 0 ELSE t.lockouts END,
       locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
     RETURNING failed_attempts, coalesce(locked_until > now(), false) AS locked,
               ceil(extract(epoch FROM locked_until - now())) AS retry_s`,
    [address, policy.addressWindowMs / 1000],
  );
  return rows[0];
}

/** Locks once the limit is reached: lockMs, doubled for every lock in a row, at most maxLockMs. */
async function lockIfDue(
  db: Db,
  table: 'login_throttle' | 'login_address_throttle',
  keyColumn: 'username_hash' | 'address',
  key: string,
  max: number,
  policy: LoginPolicy,
): Promise<void> {
  await db.query(
    `UPDATE ${table}
        SET locked_until = now() + make_interval(secs => least($3 * power(2, lockouts), $4)), lockouts = lockouts + 1
      WHERE ${keyColumn} = $1 AND failed_attempts >= $2 AND locked_until IS NULL`,
    [key, max, policy.lockMs / 1000, policy.maxLockMs / 1000],
  );
}
