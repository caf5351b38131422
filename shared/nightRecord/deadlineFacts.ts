import { PARENT_ROLES } from '../catalogues/nightRecord';
import { type DeadlineFacts, type DeadlineOptions, obligationsOf, type ObligationWithStatus } from '../deadlines';
import type { Intake } from '../schema/intake';

/**
 * The night record mapped onto the facts the deadline rules read (shared/deadlines/rules.ts). The obligations are
 * derived, never stored: an obligation is done once the record holds the fact that completes it, so it cannot
 * disagree with the record, and a merge of two edits yields the obligations of the merged record.
 */
export type DeadlineSource = Partial<
  Pick<
    Intake,
    | 'decision'
    | 'custodians'
    | 'custody'
    | 'freedomDeprivation'
    | 'court'
    | 'provisional'
    | 'ageAssessment'
    | 'guardian'
    | 'risk'
    | 'handover'
    | 'review'
    | 'end'
  >
>;

const earliest = (values: (number | undefined)[]) => {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length ? Math.min(...present) : undefined;
};
const latest = (values: number[]) => (values.length ? Math.max(...values) : undefined);

type Custodian = NonNullable<Intake['custodians']>[number];

/**
 * § 42 Abs. 3 S. 1: done when every recorded person was informed or found not reachable, at the last of them. With
 * joint custody both parents hold the Personensorge, so fewer than two parents recorded is not done yet.
 */
function everyoneInformedAt(custodians: Custodian[], custodyStatus: string | undefined): number | undefined {
  if (custodians.length === 0) return undefined;
  if (custodyStatus === 'joint' && custodians.filter((c) => c.role && PARENT_ROLES.includes(c.role)).length < 2) {
    return undefined;
  }
  const times = custodians.map((c) => earliest([c.informedAt, c.unreachableAt]));
  const known = times.filter((t): t is number => t !== undefined);
  return known.length === times.length ? latest(known) : undefined;
}

/** § 42 Abs. 3 S. 3: nobody reached, and at least one recorded as not reachable (then the last such finding). */
function unreachableAt(custodians: Custodian[]): number | undefined {
  if (custodians.some((c) => c.informedAt !== undefined)) return undefined;
  return latest(custodians.flatMap((c) => (c.unreachableAt === undefined ? [] : [c.unreachableAt])));
}

/** § 42f: assessed with a result; a medical examination only counts with the explanation and the consent. */
function ageAssessedAt(age: Intake['ageAssessment']): number | undefined {
  if (age?.assessedAt === undefined || (age.result === undefined && age.assessedAge === undefined)) return undefined;
  if (age.method === 'medical' && (age.medicalConsent !== true || age.medicalExplainedAt === undefined)) {
    return undefined;
  }
  return age.assessedAt;
}

/** § 42 Abs. 2 S. 5: settled by the application, or by recording after a check that no protection need exists. */
function asylumSettledAt(guardian: Intake['guardian']): number | undefined {
  if (guardian?.asylumApplicationAt !== undefined) return guardian.asylumApplicationAt;
  return guardian?.asylumNeed === 'no' ? guardian.asylumCheckedAt : undefined;
}

/**
 * Whether the record holds a § 42a measure: ground § 42a, or § 42 Abs. 1 Nr. 3 with the start of a preceding § 42a
 * measure (the usual sequence recorded as one case with two linked measures).
 */
export function hasProvisionalMeasure(intake: Pick<DeadlineSource, 'decision' | 'provisional'>): boolean {
  const ground = intake.decision?.ground;
  return ground === '42a' || (ground === '42_1_3' && intake.provisional?.startAt !== undefined);
}

export function deadlineFactsOf(intake: DeadlineSource): DeadlineFacts {
  const decision = intake.decision ?? {};
  const custodians = intake.custodians ?? [];
  const provisional = hasProvisionalMeasure(intake);
  const decidedAt = decision.decidedAt ?? decision.startAt;
  const p = intake.provisional ?? {};
  const provisionalStart = provisional
    ? (p.startAt ?? (decision.ground === '42a' ? (decision.startAt ?? decidedAt) : undefined))
    : undefined;
  const facts: DeadlineFacts = {
    ground: decision.ground,
    decisionAt: decidedAt,
    custodiansInformedAt: everyoneInformedAt(custodians, intake.custody?.status),
    custodiansUnreachableAt: unreachableAt(custodians),
    freedomDeprivationStartAt: intake.freedomDeprivation?.startAt,
    freedomDeprivationEndAt: intake.freedomDeprivation?.endAt,
    courtDecisionAt: intake.freedomDeprivation?.courtDecisionAt,
    // An objection without its time counts from the earliest moment it can have been made, so the deadline shows.
    objectionAt: earliest(custodians.filter((c) => c.objection).map((c) => c.objectionAt ?? c.informedAt ?? decidedAt)),
    courtNeededAt: intake.court?.neededAt,
    courtApplicationAt: intake.court?.applicationAt,
    returnedToCustodiansAt: intake.end?.reason === 'return_to_custodians' ? intake.end.endedAt : undefined,
    helpPlanStartedAt: intake.handover?.helpPlanStartedAt,
    endedAt: intake.end?.endedAt,
    // Fachkräfte consulted in the night with a time are the joint assessment already.
    jointAssessmentAt: earliest([intake.risk?.jointAssessmentAt, ...(intake.risk?.consulted ?? []).map((c) => c.at)]),
    childInformedAt: decision.childInformedAt,
    guardianApplicationAt: intake.guardian?.applicationAt,
    asylumSettledAt: asylumSettledAt(intake.guardian),
    provisionalIntakeAt: provisionalStart,
    initialAssessmentAt: provisional ? p.initialAssessmentAt : undefined,
    healthCheckAt: provisional ? p.healthCheckAt : undefined,
    identityDoubtAt: provisional && p.identityDoubt ? provisionalStart : undefined,
    identityCheckAt: provisional ? p.identityCheckAt : undefined,
    ageAssessedAt: provisional ? ageAssessedAt(intake.ageAssessment) : undefined,
    ageDecisionIssuedAt: provisional ? intake.ageAssessment?.writtenDecisionAt : undefined,
    stateOfficeReportedAt: provisional ? p.stateOfficeReportedAt : undefined,
    distributionDecidedAt: provisional ? p.distributionDecidedAt : undefined,
    distributionExcludedAt:
      provisional && p.distributionOutcome === 'excluded' ? (p.distributionDecidedAt ?? provisionalStart) : undefined,
    // The supervisor's handover to another office (review) hands the case to the responsible ASD as well.
    handedOverAt: earliest([intake.handover?.handedOverAt, intake.review?.handedOverAt]),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
}

/** The record's obligations at `now`, earliest due first. */
export function obligationsOfIntake(
  intake: DeadlineSource,
  now: number,
  options?: DeadlineOptions,
): ObligationWithStatus[] {
  return obligationsOf(deadlineFactsOf(intake), now, options);
}

/** How many of the record's obligations are overdue at `now` (the list's marker). */
export function overdueCount(intake: DeadlineSource, now: number): number {
  return obligationsOfIntake(intake, now).filter((o) => o.status === 'overdue').length;
}
