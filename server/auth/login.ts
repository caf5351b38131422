import {
  ATTEMPTS_LEFT_HEADER,
  LOCKED_UNTIL_HEADER,
  type LoginRequest,
  type LoginResponse,
} from '../../shared/sync/protocol';
import type { JsonValue } from '../audit/chain';
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

/**
 * Who is logging in from where: the client address (request.ip, proxy-aware), the app's version header, and
 * whether the client named its device in the X-Obhut-Device header too (then the session is bound to it: every
 * call must name that device, so the token alone is worth nothing elsewhere).
 */
export type LoginContext = { address: string; appVersion: string | null; deviceHeader?: string | undefined };

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
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const STORABLE = /^[^\u0000\uD800-\uDFFF]*$/u;

type Attempt = { failed_attempts: number; locked: boolean; retry_s: number | string | null };

const tooMany = (attempt: Attempt, fallbackMs: number) => {
  const retryS = Math.max(1, Number(attempt.retry_s ?? 0) || Math.ceil(fallbackMs / 1000));
  return new ApiError(429, 'too_many_attempts', undefined, {
    'retry-after': String(retryS),
    [ATTEMPTS_LEFT_HEADER]: '0',
    [LOCKED_UNTIL_HEADER]: String(Date.now() + retryS * 1000),
  });
};

/** The key a user name's failures are counted under: per known device, else one count for everywhere else. */
export function throttleKey(username: string, knownDeviceId: string | null): string {
  return sha256(knownDeviceId === null ? `login:${username}` : `login:${username}:device:${knownDeviceId}`);
}

/**
 * Checks the password and opens a session for the device. Every attempt is counted before the (slow) password
 * check, per user name and per client address, so parallel guesses can't exceed the limits; a success clears
 * the count it was made under. A device the user has logged in from before has its own count, so guesses from
 * anywhere else can't lock the worker out of the own laptop; all other devices share one count per name
 * (docs/security-server.md, "Lockout"). Unknown names are counted and cost the same time as known ones: neither
 * timing nor lockout reveals who has an account. Every outcome is written to the audit trail.
 */
export async function login(db: Db, req: LoginRequest, policy: LoginPolicy, ctx: LoginContext): Promise<LoginResponse> {
  const username = normaliseUsername(req.username);
  const { rows } = STORABLE.test(username)
    ? await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])
    : { rows: [] as UserRow[] };
  const user = rows[0];
  const { rows: deviceRows } = await db.query<{ office_id: string | null; known: boolean }>(
    `SELECT d.office_id, EXISTS (SELECT 1 FROM known_devices k WHERE k.device_id = d.id AND k.user_id = $2) AS known
       FROM devices d WHERE d.id = $1`,
    [req.device.id, user?.id ?? null],
  );
  const device = deviceRows[0];
  const failed = (reason: string, details: { [key: string]: JsonValue } = {}) =>
    audit(db, {
      action: 'auth.login_failed',
      actorId: user?.id ?? null,
      actorName: user?.username ?? null,
      // Rows of unknown names belong to no office: no office admin sees them (audit/log.ts readAudit).
      officeId: user?.office_id ?? null,
      // A device of another office is not named to this office's admins (issue 11, finding 1).
      deviceId: user && device?.office_id && device.office_id !== user.office_id ? null : req.device.id,
      address: ctx.address,
      details: { reason, ...details },
    });

  const address = await countAddressAttempt(db, ctx.address, policy);
  if (address.locked || address.failed_attempts > policy.addressMaxFailures) {
    await failed('address_locked');
    throw tooMany(address, policy.lockMs);
  }
  const knownDevice = user && device?.known ? req.device.id : null;
  const key = throttleKey(username, knownDevice);
  const { rows: attempt } = await db.query<Attempt>(
    `INSERT INTO login_throttle AS t (username_hash, failed_attempts) VALUES ($1, 1)
     ON CONFLICT (username_hash) DO UPDATE SET
       failed_attempts = CASE WHEN t.locked_until <= now() THEN 1 ELSE t.failed_attempts + 1 END,
       locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
     RETURNING failed_attempts, coalesce(locked_until > now(), false) AS locked,
               ceil(extract(epoch FROM locked_until - now())) AS retry_s`,
    [key],
  );
  if (attempt[0].locked || attempt[0].failed_attempts > policy.maxFailures) {
    await failed('locked', { knownDevice: knownDevice !== null });
    throw tooMany(attempt[0], policy.lockMs);
  }

  const ok =
    user && !user.disabled
      ? await verifyPassword(req.password, user.password_hash)
      : await verifyAgainstNobody(req.password);
  if (!ok || !user) {
    const lockedUntil = await lockIfDue(db, 'login_throttle', 'username_hash', key, policy.maxFailures, policy);
    await lockIfDue(db, 'login_address_throttle', 'address', ctx.address, policy.addressMaxFailures, policy);
    await failed(user?.disabled ? 'disabled' : 'invalid_credentials', { knownDevice: knownDevice !== null });
    throw new ApiError(401, 'invalid_credentials', undefined, {
      [ATTEMPTS_LEFT_HEADER]: String(Math.max(0, policy.maxFailures - attempt[0].failed_attempts)),
      ...(lockedUntil ? { [LOCKED_UNTIL_HEADER]: String(lockedUntil) } : {}),
    });
  }
  await db.query('DELETE FROM login_throttle WHERE username_hash = $1', [key]);
  // A success from the address takes back its own count, so an office behind one NAT address is not locked
  // out by its own users' successful logins; failures stay counted.
  await db.query(
    'UPDATE login_address_throttle SET failed_attempts = greatest(failed_attempts - 1, 0) WHERE address = $1',
    [ctx.address],
  );

  const { token, hash } = newToken();
  const expiresAt = Date.now() + policy.sessionTtlMs;
  const deviceBound = ctx.deviceHeader === req.device.id;
  const refused = await db.transaction(async (tx) => {
    // Locked first: two logins with one new device id can't both register it, for two offices.
    const { rows: stored } = await tx.query<{ office_id: string | null; revoked: boolean }>(
      'SELECT office_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE',
      [req.device.id],
    );
    if (stored[0]?.revoked) return 'device_revoked' as const;
    // A device never changes office: that would let another office's admin revoke (and wipe) it.
    if (stored[0] && stored[0].office_id !== null && stored[0].office_id !== user.office_id) {
      return 'device_other_office' as const;
    }
    await tx.query(
      `INSERT INTO devices AS d (id, name, user_id, office_id, app_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, user_id = EXCLUDED.user_id,
         office_id = coalesce(d.office_id, EXCLUDED.office_id),
         app_version = coalesce(EXCLUDED.app_version, d.app_version), last_seen = now()`,
      [req.device.id, req.device.name, user.id, user.office_id, ctx.appVersion],
    );
    await tx.query('INSERT INTO known_devices (user_id, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      user.id,
      req.device.id,
    ]);
    await tx.query(
      `INSERT INTO sessions (token_hash, user_id, device_id, expires_at, device_bound)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5)`,
      [hash, user.id, req.device.id, expiresAt, deviceBound],
    );
    await appendAudit(tx, {
      action: 'auth.login',
      actorId: user.id,
      actorName: user.username,
      officeId: user.office_id,
      deviceId: req.device.id,
      address: ctx.address,
      details: { appVersion: ctx.appVersion, expiresAt, deviceBound },
    });
    return null;
  });
  if (refused) {
    await failed(refused);
    throw new ApiError(403, refused);
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

/**
 * Locks once the limit is reached: lockMs, doubled for every lock in a row, at most maxLockMs. Returns the end
 * of a lock set now (ms since epoch), else null.
 */
async function lockIfDue(
  db: Db,
  table: 'login_throttle' | 'login_address_throttle',
  keyColumn: 'username_hash' | 'address',
  key: string,
  max: number,
  policy: LoginPolicy,
): Promise<number | null> {
  const { rows } = await db.query<{ locked_until: Date | string }>(
    `UPDATE ${table}
        SET locked_until = now() + make_interval(secs => least($3 * power(2, lockouts), $4)), lockouts = lockouts + 1
      WHERE ${keyColumn} = $1 AND failed_attempts >= $2 AND locked_until IS NULL
      RETURNING locked_until`,
    [key, max, policy.lockMs / 1000, policy.maxLockMs / 1000],
  );
  return rows[0] ? new Date(rows[0].locked_until).getTime() : null;
}
