import { errors } from '../../shared/i18n/de/errors';
import { intakeFieldLabels, missingLabel } from '../../shared/nightRecord/fieldLabel';
import { submitGaps } from '../../shared/nightRecord/submit';
import { type IntakeWire, intakeWireSchema, isAllowedIntakeTransition } from '../../shared/schema/intake';
import type { SessionUser } from '../../shared/sync/protocol';
import type { CollectionDef } from './collections';
import { logOfIntakes, newHandovers, reviewChangeError, reviewDenial, reviewEntries } from './review';
import { compileValidator, withFields } from './validate';

/** Case data is need-to-know: only on-call staff and supervisors, and only of their own office (domain.md). */
const CASE_ROLES = ['oncall', 'supervisor'];
const handlesCases = (user: SessionUser) => user.roles.some((r) => CASE_ROLES.includes(r));

const validate = compileValidator(intakeWireSchema, intakeFieldLabels());

export const intakes: CollectionDef = {
  name: 'intakes',
  validate,
  readScope: (user) => (handlesCases(user) ? { offices: [user.officeId] } : 'none'),
  checkWrite(user, next, stored) {
    if (!handlesCases(user)) return 'forbidden';
    if (next.officeId !== user.officeId) return 'other_office';
    if (stored && stored.officeId !== user.officeId) return 'other_office';
    return reviewDenial(user, next, stored);
  },
  checkChange(nextDoc, storedDoc) {
    const next = nextDoc as IntakeWire;
    const stored = storedDoc as IntakeWire | undefined;
    // Who opened the record and when stay as written: the four-eyes rule reads the author.
    if (stored && (next.createdBy !== stored.createdBy || next.createdAt !== stored.createdAt)) {
      return { code: 'field_not_writable', message: errors.field_not_writable };
    }
    const review = reviewChangeError(next, stored);
    if (review) return { code: review, message: errors[review] };
    if (!isAllowedIntakeTransition(stored?.status, next.status)) return withFields('invalid_transition', [], {});
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
    return { rejected: [], adjusted: [], derived: [{ collection: 'entries', docs: [...log, ...lines] }] };
  },
};
