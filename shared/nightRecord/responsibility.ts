import type { OfficeId } from '../offices';
import type { Intake } from '../schema/intake';

/**
 * Örtliche Zuständigkeit (domain.md step 11), by the ground of the measure:
 * - § 42 Abs. 1 S. 1 Nr. 1 and 2: § 87 S. 1 - the office in whose area the child actually was before the measure.
 * - § 42a: § 88a Abs. 1 - likewise where the child actually was before the provisional intake (unless Land law
 *   says otherwise).
 * - § 42 Abs. 1 S. 1 Nr. 3: § 87 S. 2 refers to § 88a Abs. 2 - the office named by the allocation decision
 *   (Zuweisungsentscheidung, § 88a Abs. 2 S. 1 with § 42b Abs. 3); where the distribution is excluded
 *   (§ 42b Abs. 4) the office of the § 42a measure stays responsible (§ 88a Abs. 2 S. 2).
 * The custodians' habitual residence (§ 86 Abs. 1) points to who is likely responsible for the help that follows.
 * The worker may override the derived office, with a reason (a handover is a deliberate act).
 */
export type ResponsibleOffice = OfficeId | 'outside';

export const RESPONSIBILITY_BASES = ['§87', '§88a Abs. 1', '§88a Abs. 2 S. 1', '§88a Abs. 2 S. 2', 'override'] as const;
export type ResponsibilityBasis = (typeof RESPONSIBILITY_BASES)[number];

export type Responsibility = {
  /** The office responsible for the measure, or undefined while the facts it rests on are not recorded. */
  officeId: ResponsibleOffice | undefined;
  /** What it rests on: the derivation's paragraph, or the worker's override. */
  basis: ResponsibilityBasis | undefined;
  /** The office derived from the facts, also when overridden. */
  derivedOfficeId: ResponsibleOffice | undefined;
  /** What is missing for the derivation: the place before the measure, or (Nr. 3) the allocation decision. */
  missing: 'locationBefore' | 'allocation' | undefined;
  /** §86 Abs. 1: probably responsible for follow-up help (custodians' habitual residence). */
  followUpOfficeId: ResponsibleOffice | undefined;
  /** The responsible office is not the one that holds the record: it must be handed over. */
  handoverNeeded: boolean;
};

type Source = Partial<Pick<Intake, 'officeId' | 'responsibility' | 'decision' | 'provisional'>>;

function derived(intake: Source): Pick<Responsibility, 'derivedOfficeId' | 'basis' | 'missing'> {
  const r = intake.responsibility ?? {};
  const ground = intake.decision?.ground;
  if (ground === '42_1_3') {
    if (r.allocatedOfficeId !== undefined) {
      return { derivedOfficeId: r.allocatedOfficeId, basis: '§88a Abs. 2 S. 1', missing: undefined };
    }
    if (intake.provisional?.distributionOutcome === 'excluded') {
      // The § 42a office: where the child was before the provisional intake, else the office holding the record.
      const office = r.locationBeforeOfficeId ?? intake.officeId;
      return { derivedOfficeId: office, basis: office && '§88a Abs. 2 S. 2', missing: undefined };
    }
    return { derivedOfficeId: undefined, basis: undefined, missing: 'allocation' };
  }
  if (r.locationBeforeOfficeId === undefined) {
    return { derivedOfficeId: undefined, basis: undefined, missing: 'locationBefore' };
  }
  return {
    derivedOfficeId: r.locationBeforeOfficeId,
    basis: ground === '42a' ? '§88a Abs. 1' : '§87',
    missing: undefined,
  };
}

export function responsibilityOf(intake: Source): Responsibility {
  const r = intake.responsibility ?? {};
  const d = derived(intake);
  const overridden = r.overrideOfficeId !== undefined;
  const officeId = overridden ? r.overrideOfficeId : d.derivedOfficeId;
  return {
    officeId,
    basis: overridden ? 'override' : d.basis,
    derivedOfficeId: d.derivedOfficeId,
    missing: overridden ? undefined : d.missing,
    followUpOfficeId: r.custodiansResidenceOfficeId,
    handoverNeeded: officeId !== undefined && intake.officeId !== undefined && officeId !== intake.officeId,
  };
}

/**
 * Who answers for the record's obligations: until the handover the worker who took the case in the on-call service
 * and created the record; from the handover on (to the ASD, or by the supervisor to another office) the ASD of the
 * responsible office - the court and state-office deadlines run on, and the night worker can no longer act on them.
 */
export type DutyHolder =
  { kind: 'worker'; userId: string } | { kind: 'asd'; officeId: ResponsibleOffice; caseworker: string | undefined };

export function dutyHolderOf(
  intake: Partial<Pick<Intake, 'officeId' | 'responsibility' | 'decision' | 'provisional' | 'review' | 'handover'>> &
    Pick<Intake, 'createdBy'>,
): DutyHolder {
  const handedTo = intake.review?.handedOverTo;
  if (handedTo === undefined && intake.handover?.handedOverAt === undefined) {
    return { kind: 'worker', userId: intake.createdBy };
  }
  const officeId = handedTo ?? responsibilityOf(intake).officeId ?? intake.officeId;
  if (officeId === undefined) return { kind: 'worker', userId: intake.createdBy };
  return { kind: 'asd', officeId, caseworker: intake.handover?.caseworker?.trim() || undefined };
}
