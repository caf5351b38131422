import { jsonEqual } from '../../shared/equal';
import { errors } from '../../shared/i18n/de/errors';
import { nightRecord } from '../../shared/i18n/de/nightRecord';
import { type EntryWire, entryWireSchema } from '../../shared/schema/entry';
import type { SessionUser } from '../../shared/sync/protocol';
import type { CollectionDef } from './collections';
import { compileValidator } from './validate';

/** Case data: on-call staff and supervisors of the office that holds the intake (as for intakes). */
const CASE_ROLES = ['oncall', 'supervisor'];
const handlesCases = (user: SessionUser) => user.roles.some((r) => CASE_ROLES.includes(r));

const validate = compileValidator(entryWireSchema, nightRecord.entryFields);

/**
 * `entries`: the log lines of an intake. Append-only (architecture.md): a stored entry never changes, not even
 * into a tombstone; a line is written once, by its author, for the author's own office. A repeated push of the
 * same line is accepted (idempotent), any other write over a stored line is refused with `entry_immutable`.
 */
export const entries: CollectionDef = {
  name: 'entries',
  validate,
  readScope: (user) => (handlesCases(user) ? { offices: [user.officeId] } : 'none'),
  checkWrite(user, nextDoc, stored) {
    const next = nextDoc as EntryWire;
    if (!handlesCases(user)) return 'forbidden';
    if (next.officeId !== user.officeId) return 'other_office';
    if (stored && stored.officeId !== user.officeId) return 'other_office';
    if (stored) return jsonEqual(stored, next) ? null : 'entry_immutable';
    if (next.createdBy !== user.id) return 'author_mismatch';
    return null;
  },
  checkChange(nextDoc) {
    const next = nextDoc as EntryWire;
    if (next._deleted) return { code: 'entry_immutable', message: errors.entry_immutable };
    return null;
  },
};
