import type { RxCollection, RxJsonSchema } from 'rxdb';
import { map, type Observable, of, switchMap } from 'rxjs';

import { jsonEqual } from '../../../shared/equal';
import type { Rejection } from '../../../shared/sync/protocol';

/**
 * A write the server refused (`rejected` in the push answer). RxDB counts a rejected row as pushed, so the local
 * document stays as the user left it and is not sent again on its own; this record keeps the reason for the user
 * and, because the refused write did not change the server, the server state it was based on: the next push of
 * that document must name that state as `assumedMasterState`, not the refused one.
 */
export type RejectionDoc = {
  id: string;
  collectionName: string;
  code: string;
  message: string;
  at: number;
  /** JSON of the server state the refused write assumed; "null" when the server has no such document. */
  assumedMasterState: string;
  /**
   * JSON of the refused state itself. The local document keeps it only until a colleague's change to the same
   * record arrives; this copy keeps it until the user has seen the refusal.
   */
  rejectedState: string;
};

export const rejectionSchema: RxJsonSchema<RejectionDoc> = {
  title: 'rejections',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    collectionName: { type: 'string', maxLength: 64 },
    code: { type: 'string', maxLength: 64 },
    message: { type: 'string', maxLength: 2000 },
    at: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
    assumedMasterState: { type: 'string' },
    rejectedState: { type: 'string' },
  },
  required: ['id', 'collectionName', 'code', 'message', 'at', 'assumedMasterState', 'rejectedState'],
  additionalProperties: false,
  encrypted: ['assumedMasterState', 'rejectedState'],
};

/** `code` is one of ours (ErrorCode) or whatever the server answered. */
export type RejectionView = { id: string; code: string; message: string; at: number };

export function viewOf(doc: RejectionDoc): RejectionView {
  return { id: doc.id, code: doc.code, message: doc.message, at: doc.at };
}

export async function openRejections<D>(
  collection: RxCollection<RejectionDoc>,
  ids: string[],
): Promise<Map<string, { assumedMasterState: D | undefined }>> {
  const found = await collection.findByIds(ids).exec();
  const out = new Map<string, { assumedMasterState: D | undefined }>();
  for (const [id, doc] of found) {
    const state = JSON.parse(doc.assumedMasterState) as D | null;
    out.set(id, { assumedMasterState: state ?? undefined });
  }
  return out;
}

/**
 * Records refusals. A document refused again keeps its first record's base state: the server still has that one.
 */
export async function recordRejections(
  collection: RxCollection<RejectionDoc>,
  collectionName: string,
  rejected: Rejection[],
  rows: ReadonlyMap<string, { assumedMasterState?: unknown; newDocumentState: unknown }>,
  now: number,
): Promise<void> {
  if (rejected.length === 0) return;
  const existing = await collection.findByIds(rejected.map((r) => r.id)).exec();
  await collection.bulkUpsert(
    rejected.map((r) => ({
      id: r.id,
      collectionName,
      code: r.code,
      message: r.message,
      at: now,
      assumedMasterState:
        existing.get(r.id)?.assumedMasterState ?? JSON.stringify(rows.get(r.id)?.assumedMasterState ?? null),
      rejectedState: JSON.stringify(rows.get(r.id)?.newDocumentState ?? null),
    })),
  );
}

export async function clearRejections(collection: RxCollection<RejectionDoc>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await collection.findByIds(ids).exec();
  if (found.size > 0) await collection.bulkRemove([...found.keys()]);
}

/** A refused write as a view that counts needs it: the server's reason, and what the server holds of it. */
export type Refused<D> = { reason: string; serverState: D | null };

/**
 * The open refusals of one collection, by id, each with what the server holds of that document as far as this
 * laptop knows: the state the refused write was based on (null: the server has no such document), or the local
 * document once it has moved on from the refused state (a newer server state arrived, or a new edit is on its way).
 * Whatever counts (the board's free places) counts this, not the refused state the laptop still shows.
 */
export function refusedDocuments$<D extends object>(
  rejections: RxCollection<RejectionDoc>,
  collectionName: string,
  documents: RxCollection<D>,
): Observable<ReadonlyMap<string, Refused<D>>> {
  return rejections.find({ selector: { collectionName } }).$.pipe(
    switchMap((refusals) => {
      if (refusals.length === 0) return of(new Map<string, Refused<D>>());
      return documents.findByIds(refusals.map((r) => r.id)).$.pipe(
        map(
          (local) =>
            new Map(
              refusals.map((r) => {
                const doc = r.toJSON();
                const assumed = JSON.parse(doc.assumedMasterState) as D | null;
                const rejected = JSON.parse(doc.rejectedState) as D | null;
                const here = local.get(doc.id)?.toJSON() as D | undefined;
                const movedOn = here !== undefined && !jsonEqual(withoutDeleted(here), withoutDeleted(rejected));
                return [doc.id, { reason: doc.message, serverState: movedOn ? here : assumed }];
              }),
            ),
        ),
      );
    }),
  );
}

/** Stored documents carry no `_deleted` (RxDB keeps it apart); pushed and pulled ones do. */
function withoutDeleted(doc: object | null): object | null {
  if (doc === null) return null;
  const { _deleted, ...rest } = doc as { _deleted?: boolean };
  void _deleted;
  return rest;
}
