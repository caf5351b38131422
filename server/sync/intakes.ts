import { intakeFieldLabels, missingLabel } from '../../shared/nightRecord/fieldLabel';
import { submitGaps } from '../../shared/nightRecord/submit';
import { entrustedChangeProblem } from '../../shared/privacy/entrusted';
import { scopeOf, writeDenial } from '../../shared/rules/authz';
import { intakeWriteDenial } from '../../shared/rules/intake';
import { type IntakeWire, intakeWireSchema, isAllowedIntakeTransition } from '../../shared/schema/intake';
import type { CollectionDef } from './collections';
import { holdsOfIntakes, logOfIntakes, newHandovers, reviewEntries } from './review';
import { compileValidator, withFields } from './validate';

const validate = compileValidator(intakeWireSchema, intakeFieldLabels());

/**
 * `intakes`: the night records. Who may read and write them is the authorisation table's; what a write may do
 * (stamps, review steps, deleting, the lock) is the rule book's (shared/rules/intake.ts), checked against the stored
 * state the writer assumed.
 */
export const intakes: CollectionDef = {
  name: 'intakes',
  validate,
  readScope: (user) => scopeOf(user, 'intakes', 'read'),
  checkWrite: (user, next, stored) => writeDenial(user, 'intakes', next, stored),
  checkStep: (user, next, stored) => intakeWriteDenial(user, stored as IntakeWire | undefined, next as IntakeWire),
  checkChange(nextDoc, storedDoc) {
    const next = nextDoc as IntakeWire;
    const stored = storedDoc as IntakeWire | undefined;
    if (!isAllowedIntakeTransition(stored?.status, next.status)) return withFields('invalid_transition', [], {});
    const entrusted = entrustedChangeProblem(stored, next);
    if (entrusted) return withFields(entrusted, [], {});
    // The same rule as the form's list of what is missing (shared/nightRecord/submit.ts).
    const gaps = submitGaps(next, stored);
    if (gaps.length) {
      return withFields('incomplete_submission', gaps, Object.fromEntries(gaps.map((p) => [p, missingLabel(p, next)])));
    }
    return null;
  },
  /** Every review step gets its log line; a handover also re-feeds the record's log to the receiving office. */
  async settle(writes, before, { tx, user, now, lockFeed }) {
    const lines = reviewEntries(writes, before, user, now);
    if (lines.length === 0) return { rejected: [], adjusted: [], derived: [] };
    await lockFeed('entries');
    const handedOver = newHandovers(writes, before).map(([intake]) => intake.id);
    const log = await logOfIntakes(tx, handedOver);
    // The record's placements, so the receiving office is now shown their reference as the record's id.
    if (handedOver.length) await lockFeed('holds');
    const placements = await holdsOfIntakes(tx, handedOver);
    return {
      rejected: [],
      adjusted: [],
      derived: [
        { collection: 'entries', docs: [...log, ...lines] },
        { collection: 'holds', docs: placements },
      ],
    };
  },
};
