import type { OfficeId } from '../offices';
import type { Intake } from '../schema/intake';

/**
 * Örtliche Zuständigkeit (domain.md step 11). For the Inobhutnahme (§87 SGB VIII) and the provisional intake of an
 * unaccompanied minor (§88a Abs. 1) the office is responsible in whose area the child actually was before the
 * measure began; the custodians' habitual residence (§86 Abs. 1) points to who is likely responsible for the help
 * that follows. The worker may override the derived office, with a reason (a handover is a deliberate act).
 */
export type ResponsibleOffice = OfficeId | 'outside';

export type Responsibility = {
  /** The office responsible for the measure, or undefined while the location before is not recorded. */
  officeId: ResponsibleOffice | undefined;
  /** What it rests on: the derivation's paragraph, or the worker's override. */
  basis: '§87' | '§88a' | 'override' | undefined;
  /** The office derived from the facts, also when overridden. */
  derivedOfficeId: ResponsibleOffice | undefined;
  /** §86 Abs. 1: probably responsible for follow-up help (custodians' habitual residence). */
  followUpOfficeId: ResponsibleOffice | undefined;
  /** The responsible office is not the one that holds the record: it must be handed over. */
  handoverNeeded: boolean;
};

export function responsibilityOf(
  intake: Partial<Pick<Intake, 'officeId' | 'responsibility' | 'decision'>>,
): Responsibility {
  const r = intake.responsibility ?? {};
  const derivedOfficeId = r.locationBeforeOfficeId;
  const overridden = r.overrideOfficeId !== undefined;
  const officeId = overridden ? r.overrideOfficeId : derivedOfficeId;
  const basis = overridden
    ? 'override'
    : derivedOfficeId === undefined
      ? undefined
      : intake.decision?.ground === '42a'
        ? '§88a'
        : '§87';
  return {
    officeId,
    basis,
    derivedOfficeId,
    followUpOfficeId: r.custodiansResidenceOfficeId,
    handoverNeeded: officeId !== undefined && intake.officeId !== undefined && officeId !== intake.officeId,
  };
}
