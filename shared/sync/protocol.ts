import type { ErrorCode } from '../i18n/de/errors';

/** Types and limits of the replication contract (docs/api.md). */
export const API_PREFIX = '/api/v1';

/** Collections the endpoint serves. More follow with their features. */
export const COLLECTIONS = ['intakes', 'entries', 'facilities', 'holds', 'contacts'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const PULL_LIMIT_DEFAULT = 100;
export const PULL_LIMIT_MAX = 1000;
export const PUSH_ROWS_MAX = 500;
export const PUSH_BODY_MAX_BYTES = 5 * 1024 * 1024;
export const STREAM_HEARTBEAT_MS = 25_000;

/** Opaque to clients: they send back exactly what they got. */
export type Checkpoint = { seq: number };

/** Every replicated document on the wire. */
export type WireDocument = { id: string; officeId: string; updatedAt: number; _deleted: boolean };

export type PullResponse<D = WireDocument> = { documents: D[]; checkpoint: Checkpoint | null };
export type PushRow<D = WireDocument> = { assumedMasterState?: D; newDocumentState: D };
export type Rejection = { id: string; code: ErrorCode; message: string };
export type PushResponse<D = WireDocument> = { conflicts: D[]; rejected: Rejection[] };
export type StreamEvent<D = WireDocument> = PullResponse<D> | 'RESYNC';

export type ErrorBody = { error: { code: ErrorCode; message: string } };

/**
 * Headers of a failed login (401 invalid_credentials, 429 too_many_attempts), beside Retry-After: how many
 * attempts are left before the name is locked (for this device), and until when it is locked (ms since epoch).
 * Unknown names get the same, so they reveal no account. The error body stays `{code, message}`.
 */
export const ATTEMPTS_LEFT_HEADER = 'x-obhut-attempts-left';
export const LOCKED_UNTIL_HEADER = 'x-obhut-locked-until';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: string[];
};
export type LoginRequest = { username: string; password: string; device: { id: string; name: string } };
export type LoginResponse = { token: string; expiresAt: number; user: SessionUser };
export type HealthResponse = { status: 'ok'; version: string; storage: 'postgres' | 'pglite' };

/**
 * Header with the id of the device a token was issued to. A token presented with a different device id is refused
 * (401 device_mismatch) and revoked; clients send it on every authenticated call.
 */
export const DEVICE_HEADER = 'x-obhut-device';

/** Optional header: how many local changes the app has not yet had accepted (shown to an admin before a revoke). */
export const PENDING_HEADER = 'x-obhut-pending';

// Administration (role admin, own office: shared/rules/authz.ts). Times are ms since epoch.
export type AdminUser = {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: string[];
  disabled: boolean;
  createdAt: number;
  passwordChangedAt: number;
};
export type CreateUserRequest = {
  username: string;
  displayName: string;
  officeId: string;
  roles: string[];
  password: string;
};
export type SetPasswordRequest = { password: string };
export type AdminDevice = {
  id: string;
  name: string;
  userId: string | null;
  username: string | null;
  officeId: string | null;
  firstSeen: number;
  lastSeen: number;
  appVersion: string | null;
  revokedAt: number | null;
  /** Unsynced changes the device last reported, and when; null if it never did. */
  pendingChanges: number | null;
  pendingReportedAt: number | null;
};
/** One row of the audit trail; `prevHash`/`hash` link it into the chain (server/audit/chain.ts). */
export type AuditEntry = {
  id: number;
  at: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  officeId: string | null;
  deviceId: string | null;
  address: string | null;
  target: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
};
export type AuditPage = {
  entries: AuditEntry[];
  head: { seq: number; hash: string };
  /** The registered names of the page's devices the server knows (device id → name); absent from older servers. */
  deviceNames?: Record<string, string>;
};
