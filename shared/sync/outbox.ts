import type { CollectionName, PushRow, Rejection, WireDocument } from './protocol';

/**
 * The outbox of a logged-out author (docs/outbox.md): what one user changed on one laptop and the server has not
 * confirmed, sealed so that only the server can open it, and delivered by the app whoever is logged in next.
 */

/** How long an outbox credential lasts; an outbox not delivered by then waits for its author's next login. */
export const OUTBOX_CREDENTIAL_DAYS = 14;

/** Issued to a logged-in session (POST /outbox/credential): the token names it, the key seals the outbox. */
export type OutboxCredential = {
  token: string;
  /** AES-256-GCM key, base64. The server keeps a copy; the laptop keeps it only inside the user's vault. */
  key: string;
  expiresAt: number;
};

/** The plaintext inside the seal. */
export type OutboxPayload = {
  userId: string;
  /** When it was sealed; the server accepts only outboxes sealed later than the last it delivered. */
  sealedAt: number;
  collections: { collection: CollectionName; rows: PushRow[] }[];
};

/** POST /outbox/deliver, with no bearer token: the credential's token is the only authority, and it only delivers. */
export type OutboxDeliverRequest = { token: string; iv: string; ciphertext: string };
export type OutboxDeliverResponse = { written: number; rejected: Rejection[] };

/** Rows of a delivery at most. */
export const OUTBOX_MAX_ROWS = 2000;

/**
 * The largest delivery the server reads: a delivery comes without a session, and no caller without one makes the
 * server read more (server/http/oversized-body.ts). A larger seal waits for its author's next login (docs/outbox.md).
 */
export const OUTBOX_DELIVERY_MAX_BYTES = 64 * 1024;

export function countRows(payload: Pick<OutboxPayload, 'collections'>): number {
  return payload.collections.reduce((n, c) => n + c.rows.length, 0);
}

export function isWireDocument(value: unknown): value is WireDocument {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Record<string, unknown>;
  return typeof doc.id === 'string' && typeof doc.officeId === 'string' && typeof doc.updatedAt === 'number';
}
