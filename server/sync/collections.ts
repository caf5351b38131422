import type { ErrorCode } from '../../shared/i18n/de/errors';
import {
  type CollectionName,
  COLLECTIONS,
  type Rejection,
  type SessionUser,
  type WireDocument,
} from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import { contacts } from './contacts';
import { entries } from './entries';
import { facilities } from './facilities';
import { handedOverTo } from './handover';
import { holds } from './holds';
import { intakes } from './intakes';
import type { Invalid } from './validate';

/** Which stored documents a user may read: those of the listed offices, all, or none. */
export type ReadScope = { offices: readonly string[] } | 'all' | 'none';

/**
 * What the replication endpoint needs to know about one collection. Each collection brings its own read and
 * write rules; the push/pull/stream machinery is the same for all.
 */
export interface CollectionDef {
  readonly name: CollectionName;
  /** Schema check of a pushed document (unknown fields rejected). */
  validate: (doc: unknown) => Invalid | null;
  readScope: (user: SessionUser) => ReadScope;
  /** May this user write `next` over `stored`? Only called for documents that passed `validate`. */
  checkWrite: (user: SessionUser, next: WireDocument, stored: WireDocument | undefined) => ErrorCode | null;
  /**
   * Rules of a write that depend on the writer and the stored state (stamps, steps, deleting): called once the stored
   * state is known to be the one the writer assumed, so a stale write is a conflict to merge, not a refusal.
   */
  checkStep?: (user: SessionUser, next: WireDocument, stored: WireDocument | undefined) => ErrorCode | null;
  /**
   * What a reader is shown of documents it may read, where that depends on the reader (holds: the record reference,
   * shared/rules/holds.ts). Readers with the same `key` are shown the same (a stream's read is shared among them).
   */
  view?: CollectionView;
  /** Domain rules of a change (allowed transitions, completeness). */
  checkChange: (next: WireDocument, stored: WireDocument | undefined) => Invalid | null;
  /**
   * Rules that need the database and the server's own writes that follow from a push (e.g. over-booking flags).
   * Runs inside the push transaction, the collection's feed locked, with the writes that passed every row check
   * and the states stored before the push.
   */
  settle?: (
    writes: WireDocument[],
    before: ReadonlyMap<string, WireDocument>,
    ctx: SettleContext,
  ) => Promise<Settlement>;
}

export type CollectionView = {
  key: (user: SessionUser) => string;
  present: (q: Queryable, user: SessionUser, docs: WireDocument[]) => Promise<WireDocument[]>;
};

/** The documents as `user` is shown them (the collection's view, if it has one). */
export function presentTo(
  def: CollectionDef,
  q: Queryable,
  user: SessionUser,
  docs: WireDocument[],
): Promise<WireDocument[]> {
  return def.view && docs.length ? def.view.present(q, user, docs) : Promise.resolve(docs);
}

export type SettleContext = {
  tx: Queryable;
  user: SessionUser;
  now: number;
  /** Locks another collection's feed until commit: call it before reading that collection for a write. */
  lockFeed: (collection: CollectionName) => Promise<void>;
};

/** Documents the server writes itself, recorded as its own writes with their own feed positions. */
export type DerivedWrites = { collection: CollectionName; docs: WireDocument[] };

export type Settlement = {
  /** Writes refused after all; they are not stored. */
  rejected: Rejection[];
  /** Accepted writes in the form they are stored in (same ids), e.g. with a flag the server sets. */
  adjusted: WireDocument[];
  derived: DerivedWrites[];
};

const registry: Record<CollectionName, CollectionDef> = { intakes, entries, facilities, holds, contacts };

export function collectionByName(name: string): CollectionDef | undefined {
  return (COLLECTIONS as readonly string[]).includes(name) ? registry[name as CollectionName] : undefined;
}

export const allCollections: readonly CollectionDef[] = COLLECTIONS.map((name) => registry[name]);

export function canRead(scope: ReadScope, doc: WireDocument): boolean {
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (scope.offices.includes(doc.officeId)) return true;
  const receiver = handedOverTo(doc);
  return receiver !== undefined && scope.offices.includes(receiver);
}
