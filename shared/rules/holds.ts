import type { ErrorCode } from '../i18n/de/errors';
import type { Intake } from '../schema/intake';
import { type Caller, covers, scopeOf } from './authz';

/**
 * A placement (collection `holds`, shared/schema/hold.ts) names its record by `intakeRef`. Every Verbund user reads
 * every placement, so the reference is a record id only for those who may read the record; for everyone else the
 * server shows an opaque stand-in (server/sync/holds.ts). Part of the rule book (shared/rules/).
 */

/** The record as far as these rules need it: its office, whom it was handed to, and whether it was deleted. */
export type HoldRecord = Pick<Intake, 'officeId'> & { handedOverTo?: string; deleted: boolean };

/**
 * A new placement holds a place for a record the server has, of the writer's own office or handed over to it (the
 * receiving office places the child from then on). A reference to no stored record (made up, or a record deleted)
 * would block a place for nothing: `unknown_intake`; another office's record: `other_office`.
 */
export function holdIntakeDenial(
  hold: { officeId: string },
  record: HoldRecord | undefined,
): Extract<ErrorCode, 'unknown_intake' | 'other_office'> | null {
  if (!record || record.deleted) return 'unknown_intake';
  return hold.officeId === record.officeId || hold.officeId === record.handedOverTo ? null : 'other_office';
}

/**
 * Does `reader` see the placement's reference as the record's id? Only where the reader may read the record itself
 * (its office, or the office it was handed to). A reference to no stored record names nothing: the placement's own
 * office sees it as written.
 */
export function seesRecordRef(reader: Caller, hold: { officeId: string }, record: HoldRecord | undefined): boolean {
  const scope = scopeOf(reader, 'intakes', 'read');
  if (!record) return covers(scope, hold.officeId);
  return covers(scope, record.officeId) || (record.handedOverTo !== undefined && covers(scope, record.handedOverTo));
}
