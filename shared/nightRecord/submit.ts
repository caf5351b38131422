import type { LegalGround } from '../catalogues/nightRecord';
import type { Intake } from '../schema/intake';

/**
 * What must be in a night record before it may be submitted ("Abgeschlossen"), as field paths
 * (shared/sync/paths.ts). One function for the form (which lists what is missing, in German) and for the server
 * (which refuses a submitted record with gaps). A draft may lack anything: at night names are sometimes unknown.
 *
 * The rules follow domain.md's steps that must be done in the night itself; what comes later (court, guardian,
 * handover, end) is tracked as an obligation (shared/deadlines), not required here.
 */
export type SubmittableIntake = Pick<Intake, 'child' | 'initiatedBy' | 'situation'> &
  Partial<Omit<Intake, 'child' | 'initiatedBy' | 'situation'>>;

/** §42 Abs. 1 Nr. 3 and §42a: unaccompanied minors, custodians usually abroad or unknown. */
const UNACCOMPANIED: readonly LegalGround[] = ['42_1_3', '42a'];

const blank = (text: string | undefined) => !text?.trim();

export function missingForSubmit(intake: SubmittableIntake): string[] {
  const missing: string[] = [];
  const need = (path: string, present: unknown) => {
    if (
      present === undefined ||
      present === null ||
      present === false ||
      (typeof present === 'string' && !present.trim())
    ) {
      missing.push(path);
    }
  };
  const answered = (path: string, value: boolean | undefined) => need(path, value !== undefined);

  // Step 1: the call and the child.
  need('child.firstName', intake.child.firstName);
  need('child.lastName', intake.child.lastName);
  need('child.birthDate', intake.child.birthDate || intake.child.estimatedAge !== undefined);
  need('initiatedBy', intake.initiatedBy);
  need('situation', intake.situation);

  // Step 2: risk assessment (§8a).
  need('risk.assessment', intake.risk?.assessment);
  answered('risk.childSeenInPerson', intake.risk?.childSeenInPerson);

  // Step 3: the decision is an administrative act: ground, time and reasons.
  const decision = intake.decision ?? {};
  need('decision.ground', decision.ground);
  need('decision.decidedAt', decision.decidedAt);
  need('decision.startAt', decision.startAt);
  need('decision.reasons', decision.reasons);

  // Step 3a: a Freiheitsentziehung, once recorded, needs its reason and start.
  const fe = intake.freedomDeprivation;
  if (fe && Object.keys(fe).length > 0) {
    need('freedomDeprivation.startAt', fe.startAt);
    need('freedomDeprivation.reason', fe.reason);
  }

  // Step 4: where the child is.
  need('placement.facilityName', intake.placement?.facilityName);
  need('placement.admittedAt', intake.placement?.admittedAt);
  need('placement.accommodation', intake.placement?.accommodation);

  // Step 6: the child must have been offered to notify a trusted person.
  answered('trustedPerson.offered', intake.trustedPerson?.offered);

  // Step 7: custodians informed, or the attempts to reach them; an objection with its time (it starts a deadline).
  const custodians = intake.custodians ?? [];
  if (!decision.ground || !UNACCOMPANIED.includes(decision.ground)) need('custodians', custodians.length > 0);
  for (const c of custodians) {
    need(`custodians[${c.id}].informedAt`, c.informedAt !== undefined || !blank(c.attempts));
    if (c.informedAt !== undefined) need(`custodians[${c.id}].channel`, c.channel);
    if (c.objection) need(`custodians[${c.id}].objectionAt`, c.objectionAt);
  }

  // Steps 9, 9a: a provisional intake starts a deadline; the age of a child without papers is assessed with reasons.
  if (decision.ground === '42a') {
    need('provisional.startAt', intake.provisional?.startAt);
    if (!intake.child.birthDate) {
      const age = intake.ageAssessment ?? {};
      need('ageAssessment.method', age.method);
      need('ageAssessment.reasons', age.reasons);
      if (age.method === 'qualified_visual') {
        need('ageAssessment.staff1', age.staff1);
        need('ageAssessment.staff2', age.staff2);
      }
    }
  }

  // Step 11: where the child was before decides the responsible office; a deviation needs its reason.
  need('responsibility.locationBeforeOfficeId', intake.responsibility?.locationBeforeOfficeId);
  if (intake.responsibility?.overrideOfficeId)
    need('responsibility.overrideReason', intake.responsibility.overrideReason);

  // Statistics: the one fact the worker can only learn at the intake.
  need('statistics.sex', intake.statistics?.sex);
  return missing;
}

/**
 * The gaps that block a write of a submitted record. Submitting needs a complete record; a record that is
 * already submitted may still be corrected, but no write may open a new gap. (Records submitted under older,
 * smaller rules stay valid as they are.)
 */
export function submitGaps(
  next: SubmittableIntake & { status: Intake['status'] },
  stored?: SubmittableIntake & { status: Intake['status'] },
): string[] {
  if (next.status !== 'submitted') return [];
  const gaps = missingForSubmit(next);
  if (stored?.status !== 'submitted') return gaps;
  const before = new Set(missingForSubmit(stored));
  return gaps.filter((path) => !before.has(path));
}
