import type { IntakeWire } from '../../shared/schema/intake';
import type { WireDocument } from '../../shared/sync/protocol';

/**
 * The one deliberate path by which case data crosses office lines (issue 7): an intake handed over to the
 * responsible office is readable there, that intake and its log only. The receiving office is named in the
 * intake itself (`review.handedOverTo`, set by the sending office's supervisor and checked in review.ts), so the
 * read rule follows the stored document: pull, stream and the conflict answers of push all use it.
 */
export function handedOverFilter(collection: string, officesParam: string): string {
  if (collection === 'intakes') return `data->'review'->>'handedOverTo' = ANY(${officesParam}::text[])`;
  // The log of the record: lines of the sending office (a line another office wrote about the record's id does
  // not travel with it); the receiving office's own lines it reads as its own anyway.
  if (collection === 'entries') {
    return `data->>'intakeId' IN (SELECT i.id FROM documents i WHERE i.collection = 'intakes'
      AND i.office_id = documents.office_id AND i.data->'review'->>'handedOverTo' = ANY(${officesParam}::text[]))`;
  }
  return 'false';
}

/** The office an intake was handed to, if any: it may read the document (never write it). */
export function handedOverTo(doc: WireDocument): string | undefined {
  return (doc as Partial<IntakeWire>).review?.handedOverTo;
}
