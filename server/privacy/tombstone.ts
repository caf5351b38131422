import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { WireDocument } from '../../shared/sync/protocol';

/**
 * The bare tombstone of a deleted record: what the laptops need to drop their copy, nothing of its content. It still
 * passes the collection's schema (the laptops validate every document they store, deleted ones too), so the
 * required texts are empty. Kept: ids, office, times, status, and for intakes the office it was handed to (the
 * receiving office's laptops must learn of the deletion as well, server/sync/handover.ts).
 */
export function intakeTombstone(doc: IntakeWire, now: number, by: string): IntakeWire {
  const handedOverTo = doc.review?.handedOverTo;
  return {
    id: doc.id,
    officeId: doc.officeId,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: Math.max(now, doc.updatedAt),
    updatedBy: by,
    receivedAt: doc.receivedAt,
    child: { firstName: '', lastName: '' },
    situation: '',
    status: doc.status,
    conflicts: [],
    ...(doc.review ? { review: { state: doc.review.state, ...(handedOverTo ? { handedOverTo } : {}) } } : {}),
    _deleted: true,
  };
}

export function entryTombstone(doc: EntryWire, now: number): EntryWire {
  return {
    id: doc.id,
    officeId: doc.officeId,
    intakeId: doc.intakeId,
    kind: doc.kind,
    at: doc.at,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedAt: Math.max(now, doc.updatedAt),
    text: '',
    _deleted: true,
  };
}

/** The tombstone of a document of a collection whose documents hold case content; undefined for the others. */
export function tombstoneOf(collection: string, doc: WireDocument, now: number, by: string): WireDocument | undefined {
  if (collection === 'intakes') return intakeTombstone(doc as IntakeWire, now, by);
  if (collection === 'entries') return entryTombstone(doc as EntryWire, now);
  return undefined;
}

/** The collections whose documents hold case content and are stripped to tombstones when deleted. */
export const CONTENT_COLLECTIONS = ['intakes', 'entries'] as const;
