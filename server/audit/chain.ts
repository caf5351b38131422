import { createHash } from 'node:crypto';

import canonicalize from 'canonicalize';

import type { audit } from '../../shared/i18n/de/audit';

/** What happened: the actions named in the catalogue (exports and handovers arrive with their features). */
export type AuditAction = keyof typeof audit.actions;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An event to record. `officeId` is the office whose data or staff it concerns (what admins filter by). */
export type AuditEvent = {
  action: AuditAction;
  actorId?: string | null;
  actorName?: string | null;
  officeId?: string | null;
  deviceId?: string | null;
  address?: string | null;
  target?: string | null;
  details?: { [key: string]: JsonValue };
};

/** Who did it, from where: the authenticated caller of a request. */
export type AuditActor = { userId: string; username: string; deviceId: string | null; address: string };

export function actorFields(actor: AuditActor): Pick<AuditEvent, 'actorId' | 'actorName' | 'deviceId' | 'address'> {
  return { actorId: actor.userId, actorName: actor.username, deviceId: actor.deviceId, address: actor.address };
}

/** One row of the chain as stored and as hashed. */
export type AuditRecord = {
  id: number;
  at: string; // ISO 8601, milliseconds, UTC
  action: string;
  actorId: string | null;
  actorName: string | null;
  officeId: string | null;
  deviceId: string | null;
  address: string | null;
  target: string | null;
  details: { [key: string]: JsonValue };
};

export const GENESIS_HASH = '0'.repeat(64);
const MAX_TEXT = 512;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Strings exactly as PostgreSQL will store and return them: no NUL (text and jsonb refuse it), no lone surrogate
 * (it would come back as U+FFFD and the hash would no longer match), and short (a log row is no place for a
 * 5 MB string someone typed into the user name field).
 */
export function storableText(text: string, max = MAX_TEXT): string {
  const clean = text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
  if (clean.length <= max) return clean;
  // Do not cut a surrogate pair in half.
  const cut = /[\uD800-\uDBFF]/.test(clean[max - 1]) ? max - 1 : max;
  return `${clean.slice(0, cut)}…`;
}

function storableJson(value: JsonValue, depth = 0): JsonValue {
  if (depth > 8) return '…';
  if (typeof value === 'string') return storableText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => storableJson(v, depth + 1));
  const out: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(value)) out[storableText(k, 128)] = storableJson(v, depth + 1);
  return out;
}

/** The record for position `id` at time `at`, with every string made storable. */
export function toRecord(id: number, at: Date, event: AuditEvent): AuditRecord {
  const text = (v: string | null | undefined) => (v === undefined || v === null ? null : storableText(v));
  return {
    id,
    at: at.toISOString(),
    action: event.action,
    actorId: text(event.actorId),
    actorName: text(event.actorName),
    officeId: text(event.officeId),
    deviceId: text(event.deviceId),
    address: text(event.address),
    target: text(event.target),
    details: storableJson(event.details ?? {}) as { [key: string]: JsonValue },
  };
}

/** sha256 over the previous row's hash and the canonical JSON (RFC 8785) of this row's content. */
export function rowHash(prevHash: string, record: AuditRecord): string {
  const canonical = canonicalize(record);
  if (canonical === undefined) throw new Error('audit record not serialisable');
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainBreak = {
  /** Position of the first row that was changed or is missing. */
  id: number;
  kind: 'changed' | 'missing' | 'relinked' | 'head';
};

export type StoredRow = AuditRecord & { prevHash: string; hash: string };

/**
 * Walks rows in id order and finds the first break. Kept incremental (call `next` page by page, then `end`) so a
 * long trail is checked without holding it in memory.
 */
export class ChainVerifier {
  private expectedId = 1;
  private prevHash = GENESIS_HASH;
  private broken: ChainBreak | null = null;
  count = 0;

  next(row: StoredRow): ChainBreak | null {
    if (this.broken) return this.broken;
    if (row.id > this.expectedId) return (this.broken = { id: this.expectedId, kind: 'missing' });
    if (row.id < this.expectedId) return (this.broken = { id: row.id, kind: 'changed' });
    const { prevHash, hash, ...record } = row;
    if (rowHash(row.prevHash, record) !== hash) return (this.broken = { id: row.id, kind: 'changed' });
    // The row is consistent in itself but does not follow its predecessor: the predecessor was changed and
    // re-hashed (or replaced), which breaks the link here.
    if (prevHash !== this.prevHash) return (this.broken = { id: row.id - 1, kind: 'relinked' });
    this.prevHash = hash;
    this.expectedId += 1;
    this.count += 1;
    return null;
  }

  /** Compares the end of the walk with the chain head (catches rows deleted from the end). */
  end(head: { seq: number; hash: string }): ChainBreak | null {
    if (this.broken) return this.broken;
    if (head.seq > this.count) return (this.broken = { id: this.count + 1, kind: 'missing' });
    if (head.seq < this.count || head.hash !== this.prevHash) return (this.broken = { id: head.seq, kind: 'head' });
    return null;
  }

  get lastHash(): string {
    return this.prevHash;
  }
}
