import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';

const v = de.app.nightRecord.validation;

/**
 * Checks across fields, shown at the field while the user works (a draft may be saved with them; the submit rules
 * of shared/nightRecord/submit.ts decide what blocks "Abschließen").
 */
export function recordChecks(doc: Partial<Intake>): Record<string, string> {
  const errors: Record<string, string> = {};
  const fe = doc.freedomDeprivation;
  if (fe?.startAt !== undefined && fe.endAt !== undefined && fe.endAt < fe.startAt) {
    errors['freedomDeprivation.endAt'] = v.endBeforeStart;
  }
  const start = doc.decision?.startAt;
  if (start !== undefined && doc.end?.endedAt !== undefined && doc.end.endedAt < start)
    errors['end.endedAt'] = v.endBeforeMeasure;
  const r = doc.responsibility;
  if (r?.overrideOfficeId && !r.overrideReason?.trim()) errors['responsibility.overrideReason'] = v.overrideReason;
  return errors;
}
