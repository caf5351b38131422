import type { ErrorCode } from '../i18n/de/errors';
import type { Intake } from '../schema/intake';

/**
 * A log line belongs to a record of the writer's own office, or to one handed over to it (the receiving office
 * keeps logging what happens next). `intake` is the record as stored, undefined when the server does not have it
 * yet: the app pushes the record and its lines independently, and a line that arrives first stays in its office
 * (the lines that travel with a record are only those of its own and its receiving office: server/sync/handover.ts).
 */
export function entryIntakeDenial(
  entry: { officeId: string },
  intake: Pick<Intake, 'officeId' | 'review'> | undefined,
): Extract<ErrorCode, 'other_office'> | null {
  if (!intake) return null;
  return entry.officeId === intake.officeId || entry.officeId === intake.review?.handedOverTo ? null : 'other_office';
}
