import { jsonEqual } from '../../shared/equal';
import { errors } from '../../shared/i18n/de/errors';
import { nightRecord } from '../../shared/i18n/de/nightRecord';
import { scopeOf, writeDenial } from '../../shared/rules/authz';
import { entryIntakeDenial } from '../../shared/rules/entries';
import { type EntryWire, entryWireSchema } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { Rejection } from '../../shared/sync/protocol';
import type { CollectionDef } from './collections';
import { compileValidator } from './validate';

const validate = compileValidator(entryWireSchema, nightRecord.entryFields);

/**
 * `entries`: the log lines of an intake. Append-only (docs/architecture.md): a stored entry never changes, not even
 * into a tombstone; a line is written once, by its author, for the author's own office and a record of that office
 * (or one handed over to it). A repeated push of the same line is accepted (idempotent), any other write over a
 * stored line is refused with `entry_immutable`.
 */
export const entries: CollectionDef = {
  name: 'entries',
  validate,
  readScope: (user) => scopeOf(user, 'entries', 'read'),
  checkWrite(user, nextDoc, stored) {
    const next = nextDoc as EntryWire;
    const office = writeDenial(user, 'entries', next, stored);
    if (office) return office;
    if (stored) return jsonEqual(stored, next) ? null : 'entry_immutable';
    if (next.createdBy !== user.id) return 'author_mismatch';
    return null;
  },
  checkChange(nextDoc) {
    const next = nextDoc as EntryWire;
    if (next._deleted) return { code: 'entry_immutable', message: errors.entry_immutable };
    return null;
  },
  /**
   * The record a line names must be of the line's office (shared/rules/entries.ts). Read without the intakes' feed
   * lock: an intakes push takes that lock and then this one, so taking them the other way round could deadlock;
   * a record's office never changes, and a handover only widens who may log.
   */
  async settle(writes, _before, { tx }) {
    const lines = writes as EntryWire[];
    const { rows } = await tx.query<{ data: IntakeWire }>(
      `SELECT data FROM documents WHERE collection = 'intakes' AND id = ANY($1::text[])`,
      [[...new Set(lines.map((l) => l.intakeId))]],
    );
    const records = new Map(rows.map((r) => [r.data.id, r.data]));
    const rejected: Rejection[] = lines.flatMap((line) => {
      const code = entryIntakeDenial(line, records.get(line.intakeId));
      return code ? [{ id: line.id, code, message: errors[code] }] : [];
    });
    return { rejected, adjusted: [], derived: [] };
  },
};
