/**
 * The deadline rules of the night record, one pure function each: facts of a record in, the obligation out (or
 * nothing where the rule does not apply). Each rule names its paragraph; docs/legal-rules.md gives the wording, the
 * reading taken and the open doubts. Where the law can be read two ways the rule takes the earlier due time.
 */
import type { LegalGround } from '../catalogues/nightRecord';
import { deadlines } from '../i18n/de/deadlines';
import { addDays, addMonthsClamped, berlinDay, berlinTime, endOfBerlinDay } from './calendar';
import { addWerktage, isWorkingDay, nextWorkingDay } from './holidays';

/**
 * The facts a record has to offer: the legal ground and instants (ms since epoch). All optional: a rule applies once
 * its triggering fact is there and is done once its completing fact is there. The intake schema maps onto this in
 * shared/nightRecord/deadlineFacts.ts; nothing else.
 */
export interface DeadlineFacts {
  /** The legal ground of the (current) measure; decides which duties of § 42 Abs. 3 apply. */
  ground?: LegalGround;
  /** § 42: when the Inobhutnahme was decided (start of the measure). */
  decisionAt?: number;
  /**
   * § 42 Abs. 3 S. 1: when every recorded Personensorge- and Erziehungsberechtigte was informed or found not
   * reachable (the last of them); unset while one is missing, or while joint custody lists fewer than two holders.
   */
  custodiansInformedAt?: number;
  /** § 42 Abs. 3 S. 3: when it was established that none of them can be reached (none informed, one marked). */
  custodiansUnreachableAt?: number;
  /** § 42 Abs. 5: start and end of a Freiheitsentziehung. */
  freedomDeprivationStartAt?: number;
  freedomDeprivationEndAt?: number;
  /** § 42 Abs. 5: the court's decision on the Freiheitsentziehung (not the family court's decision of § 42 Abs. 3). */
  courtDecisionAt?: number;
  /** § 42 Abs. 3 S. 2: when the custodians objected to the Inobhutnahme. */
  objectionAt?: number;
  /** § 8a Abs. 2 S. 1: when the office found the family court's action necessary (no objection needed). */
  courtNeededAt?: number;
  /** § 42 Abs. 3 S. 2 Nr. 2 / § 8a Abs. 2: when the family court was asked for a decision. */
  courtApplicationAt?: number;
  /** § 42 Abs. 3 S. 2 Nr. 1: when the child was handed back to the custodians (the alternative to the court). */
  returnedToCustodiansAt?: number;
  /** § 42 Abs. 3 S. 5: when the Hilfeplanverfahren was initiated. */
  helpPlanStartedAt?: number;
  /** The end of the measure (§ 42 Abs. 4): settles the duties that only exist while it lasts. */
  endedAt?: number;
  /** § 8a Abs. 1: when the risk was assessed together with other Fachkräfte. */
  jointAssessmentAt?: number;
  /** § 42 Abs. 2 S. 1, § 8 Abs. 1: when the measure was explained to the child in a form it understands. */
  childInformedAt?: number;
  /** § 42 Abs. 3 S. 4: when the appointment of a Vormund or Pfleger was applied for. */
  guardianApplicationAt?: number;
  /** § 42 Abs. 2 S. 5: when the need of an asylum application was settled (applied for, or found not needed). */
  asylumSettledAt?: number;
  /** § 42a: start of the provisional intake of an unaccompanied minor (also before a linked § 42 Nr. 3 measure). */
  provisionalIntakeAt?: number;
  /** § 42a Abs. 2: when the initial assessment (the four points) was completed. */
  initialAssessmentAt?: number;
  /** § 42a Abs. 2 S. 1 Nr. 4 Hs. 2: when the medical statement on the health was obtained. */
  healthCheckAt?: number;
  /** § 42a Abs. 3a: when a doubt about the identity was recorded, and when the identity check was done. */
  identityDoubtAt?: number;
  identityCheckAt?: number;
  /** § 42f: when the age was assessed completely (result; for a medical examination consent and explanation). */
  ageAssessedAt?: number;
  /** § 42f, § 33 SGB X: when the written decision on the age assessment was issued. */
  ageDecisionIssuedAt?: number;
  /** § 42a Abs. 4: when the provisional intake was reported to the state office for distribution. */
  stateOfficeReportedAt?: number;
  /** § 42b: when the distribution was decided (allocated, or excluded). */
  distributionDecidedAt?: number;
  /** § 42b Abs. 4: when the distribution was found excluded (the § 42a office stays responsible, § 88a Abs. 2 S. 2). */
  distributionExcludedAt?: number;
  /** Local rule: when the record was handed to the responsible ASD. */
  handedOverAt?: number;
}

export const OBLIGATION_KINDS = [
  'informCustodians',
  'explainToChild',
  'endFreedomDeprivation',
  'applyToFamilyCourt',
  'jointRiskAssessment',
  'helpPlan',
  'appointGuardian',
  'asylumApplication',
  'identityCheck',
  'initialAssessment',
  'healthCheck',
  'ageAssessment',
  'ageDecision',
  'reportToStateOffice',
  'distributionLimit',
  'handoverToAsd',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface Obligation {
  kind: ObligationKind;
  /** The last instant at which the obligation is met in time (ms since epoch). */
  dueAt: number;
  /** The legal (or local) source, shown beside the deadline. */
  basis: string;
  /** The law says "unverzüglich" and sets no hour: the due time is a reminder, not a legal limit. */
  withoutUndueDelay?: true;
  doneAt?: number;
}

const HOUR = 3_600_000;

/** Default reminder for "unverzüglich" duties of the night (informing, explaining); see {@link informCustodians}. */
export const DEFAULT_CUSTODIANS_GRACE_MS = 2 * HOUR;

/** The on-call service ends at 08:30 on working days (domain.md: weekdays 16:00-08:30). */
const HANDOVER_HOUR = 8;
const HANDOVER_MINUTE = 30;

/** § 42a Abs. 4 S. 1: Werktage for the report to the state office. */
const STATE_OFFICE_WERKTAGE = 7;

const NR_1_AND_2: readonly (LegalGround | undefined)[] = ['42_1_1', '42_1_2a', '42_1_2b'];
/** The sources as the user reads them: every string in the catalogue. */
const BASES = deadlines.bases;

function earliest(...instants: (number | undefined)[]): number | undefined {
  const present = instants.filter((t): t is number => t !== undefined);
  return present.length ? Math.min(...present) : undefined;
}

function obligation(
  kind: ObligationKind,
  dueAt: number,
  basis: string,
  doneAt: number | undefined,
  withoutUndueDelay = false,
): Obligation {
  return {
    kind,
    dueAt,
    basis,
    ...(withoutUndueDelay ? { withoutUndueDelay: true as const } : {}),
    ...(doneAt === undefined ? {} : { doneAt }),
  };
}

/** "Unverzüglich" for a duty that needs an office or a court: the end of the next working day, a reminder. */
const endOfNextWorkingDay = (at: number) => endOfBerlinDay(nextWorkingDay(berlinDay(at)));

/** The start of a § 42 measure as one of Nr. 1 or 2 (ground not yet chosen counts: the duty shows early). */
const nr1Or2Start = (facts: DeadlineFacts) =>
  facts.ground === undefined || NR_1_AND_2.includes(facts.ground) ? facts.decisionAt : undefined;

/**
 * § 42 Abs. 3 S. 1: in the cases of Abs. 1 S. 1 Nr. 1 and 2 inform the Personensorge- or Erziehungsberechtigten
 * "unverzüglich". The law sets no hour: the grace (default 2 h after the decision) is a reminder. Not for Nr. 3 and
 * § 42a: there the duty is to have a Vormund or Pfleger appointed ({@link appointGuardian}).
 */
export function informCustodians(facts: DeadlineFacts, graceMs = DEFAULT_CUSTODIANS_GRACE_MS): Obligation | undefined {
  const start = nr1Or2Start(facts);
  if (start === undefined) return undefined;
  return obligation('informCustodians', start + graceMs, BASES.informCustodians, facts.custodiansInformedAt, true);
}

/**
 * § 42 Abs. 2 S. 1 (and § 8 Abs. 1 S. 2): explain the measure to the child "unverzüglich", comprehensively and in an
 * understandable form. For § 42a the Beteiligung of § 42a Abs. 3 S. 2 and § 8 Abs. 1 carry the same duty.
 */
export function explainToChild(facts: DeadlineFacts, graceMs = DEFAULT_CUSTODIANS_GRACE_MS): Obligation | undefined {
  const start = earliest(facts.decisionAt, facts.provisionalIntakeAt);
  if (start === undefined) return undefined;
  const basis = facts.ground === '42a' ? BASES.explainToChild42a : BASES.explainToChild;
  return obligation('explainToChild', start + graceMs, basis, facts.childInformedAt, true);
}

/**
 * § 42 Abs. 5 (for § 42a via § 42a Abs. 1 S. 3): without a court decision a Freiheitsentziehung must end by the end
 * of the day after it began (calendar day in Berlin, weekends and holidays included). Done when it ended or a court
 * decided.
 */
export function endFreedomDeprivation(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.freedomDeprivationStartAt;
  if (start === undefined) return undefined;
  return obligation(
    'endFreedomDeprivation',
    endOfBerlinDay(addDays(berlinDay(start), 1)),
    BASES.endFreedomDeprivation,
    earliest(facts.freedomDeprivationEndAt, facts.courtDecisionAt),
  );
}

/**
 * The family court, "unverzüglich": after an objection (§ 42 Abs. 3 S. 2 Nr. 2, or hand the child back, Nr. 1),
 * when the custodians cannot be reached (§ 42 Abs. 3 S. 3), or when the office finds the court's action necessary
 * for the risk assessment (§ 8a Abs. 2 S. 1), with or without an objection. Reminder: the end of the first working
 * day after the earliest trigger. Handing the child back settles only the objection's duty.
 */
export function applyToFamilyCourt(facts: DeadlineFacts): Obligation | undefined {
  const triggers: [number | undefined, string][] = [
    [facts.objectionAt, BASES.courtObjection],
    [facts.custodiansUnreachableAt, BASES.courtUnreachable],
    [facts.courtNeededAt, BASES.courtNeeded],
  ];
  const present = triggers.filter((t): t is [number, string] => t[0] !== undefined);
  if (present.length === 0) return undefined;
  const start = Math.min(...present.map(([at]) => at));
  const onlyObjection = present.length === 1 && present[0][0] === facts.objectionAt;
  const doneAt = onlyObjection
    ? earliest(facts.courtApplicationAt, facts.returnedToCustodiansAt)
    : facts.courtApplicationAt;
  const basis = BASES.applyToFamilyCourt(present.map(([, p]) => p));
  return obligation('applyToFamilyCourt', endOfNextWorkingDay(start), basis, doneAt, true);
}

/**
 * § 8a Abs. 1 S. 1 and 2: the risk is assessed "im Zusammenwirken mehrerer Fachkräfte", involving the child and the
 * custodians where that does not endanger the protection. When the night allowed only one worker's decision, it is
 * caught up: reminder at the end of the next working day after the decision. For Nr. 1 and 2; an unaccompanied
 * minor's measure rests on the unaccompanied entry, not on a risk assessment.
 */
export function jointRiskAssessment(facts: DeadlineFacts): Obligation | undefined {
  const start = nr1Or2Start(facts);
  if (start === undefined) return undefined;
  return obligation(
    'jointRiskAssessment',
    endOfNextWorkingDay(start),
    BASES.jointRiskAssessment,
    facts.jointAssessmentAt,
  );
}

/**
 * § 42 Abs. 3 S. 5: if the Personensorgeberechtigten do not object, a Hilfeplanverfahren is initiated "unverzüglich".
 * Starts once all were informed without an objection; done when initiated or when the measure ended (the end states
 * the follow-up, e.g. return without need of help). Reminder: end of the next working day.
 */
export function helpPlan(facts: DeadlineFacts): Obligation | undefined {
  const start = nr1Or2Start(facts) === undefined ? undefined : facts.custodiansInformedAt;
  if (start === undefined || facts.objectionAt !== undefined || facts.custodiansUnreachableAt !== undefined) {
    return undefined;
  }
  return obligation(
    'helpPlan',
    endOfNextWorkingDay(start),
    BASES.helpPlan,
    earliest(facts.helpPlanStartedAt, facts.endedAt),
    true,
  );
}

/**
 * § 42 Abs. 3 S. 4: for Nr. 3 "unverzüglich" have a Vormund or Pfleger appointed. During a § 42a measure the office
 * represents the child itself (§ 42a Abs. 3 S. 1); once the distribution is excluded the office keeps the child
 * (§ 88a Abs. 2 S. 2) and the duty starts then. Reminder: end of the next working day.
 */
export function appointGuardian(facts: DeadlineFacts): Obligation | undefined {
  if (facts.ground === '42_1_3' && facts.decisionAt !== undefined) {
    return obligation(
      'appointGuardian',
      endOfNextWorkingDay(facts.decisionAt),
      BASES.appointGuardian,
      facts.guardianApplicationAt,
      true,
    );
  }
  if (facts.ground === '42a' && facts.distributionExcludedAt !== undefined) {
    return obligation(
      'appointGuardian',
      endOfNextWorkingDay(facts.distributionExcludedAt),
      BASES.appointGuardian42a,
      facts.guardianApplicationAt,
      true,
    );
  }
  return undefined;
}

/**
 * § 42 Abs. 2 S. 5: for Nr. 3 the office applies for asylum "unverzüglich" where facts suggest the child needs
 * international protection. The duty shown is to settle that question: done by the application or by recording
 * that no need exists. Reminder: end of the next working day.
 */
export function asylumApplication(facts: DeadlineFacts): Obligation | undefined {
  if (facts.ground !== '42_1_3' || facts.decisionAt === undefined) return undefined;
  return obligation(
    'asylumApplication',
    endOfNextWorkingDay(facts.decisionAt),
    BASES.asylumApplication,
    facts.asylumSettledAt,
    true,
  );
}

/** § 42a Abs. 3a: with a doubt about the identity, the identity check (§ 49 AufenthG) "unverzüglich". */
export function identityCheck(facts: DeadlineFacts): Obligation | undefined {
  if (facts.identityDoubtAt === undefined) return undefined;
  return obligation(
    'identityCheck',
    endOfNextWorkingDay(facts.identityDoubtAt),
    BASES.identityCheck,
    facts.identityCheckAt,
    true,
  );
}

/** The end of the seventh Werktag after the start of the § 42a measure (§ 42a Abs. 4 S. 1). */
const seventhWerktag = (start: number) => endOfBerlinDay(addWerktage(berlinDay(start), STATE_OFFICE_WERKTAGE));

/**
 * § 42a Abs. 4 S. 1: report the provisional intake to the state office within seven Werktage after its start.
 * Werktage are Monday to Saturday except public holidays (SH); counted from the day after the start (§ 26 Abs. 1
 * SGB X, § 187 Abs. 1 BGB); due at the end of the seventh. A period ending on a Saturday is not moved to Monday
 * (§ 26 Abs. 3 SGB X is read as not applying to the office's own duty - the earlier date; see legal-rules.md).
 */
export function reportToStateOffice(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  return obligation(
    'reportToStateOffice',
    seventhWerktag(start),
    BASES.reportToStateOffice,
    facts.stateOfficeReportedAt,
  );
}

/**
 * § 42a Abs. 2 S. 1 Nr. 1-4: the initial assessment, together with the child. Its results go with the report to the
 * state office (§ 42a Abs. 4 S. 2), so it is due with that report.
 */
export function initialAssessment(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  return obligation('initialAssessment', seventhWerktag(start), BASES.initialAssessment, facts.initialAssessmentAt);
}

/** § 42a Abs. 2 S. 1 Nr. 4 Hs. 2: a medical statement on the health "soll" be obtained for the assessment. */
export function healthCheck(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  return obligation('healthCheck', seventhWerktag(start), BASES.healthCheck, facts.healthCheckAt);
}

/**
 * § 42f Abs. 1 and 2: the age is established "im Rahmen der vorläufigen Inobhutnahme" (documents, else a qualified
 * visual assessment; a medical examination only in doubt, after explanation and with consent). The law sets no day;
 * the distribution needs the result, so it is due with the report to the state office (the earlier reading).
 */
export function ageAssessment(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  return obligation('ageAssessment', seventhWerktag(start), BASES.ageAssessment, facts.ageAssessedAt);
}

/**
 * § 42f with §§ 31, 33 SGB X: the age finding is notified as a written decision with the legal remedies (Widerspruch
 * and action have no suspensive effect, § 42f Abs. 3). Reminder: end of the next working day after the assessment.
 */
export function ageDecision(facts: DeadlineFacts): Obligation | undefined {
  if (facts.provisionalIntakeAt === undefined || facts.ageAssessedAt === undefined) return undefined;
  return obligation(
    'ageDecision',
    endOfNextWorkingDay(facts.ageAssessedAt),
    BASES.ageDecision,
    facts.ageDecisionIssuedAt,
    true,
  );
}

/**
 * § 42b Abs. 4 Nr. 4: the distribution is excluded if it does not happen within one month after the start of the
 * provisional intake. Not a duty the office can complete (the state office and the Bundesverwaltungsamt distribute):
 * shown as the limit the office watches; done once the distribution was decided or excluded. The month runs from the
 * start of the § 42a measure - the earlier of the readings (legal-rules.md) - and ends with the day of the same number
 * (§ 26 Abs. 1 SGB X, §§ 187 Abs. 1, 188 Abs. 2, 3 BGB): 31.01. -> 28./29.02., end of day in Berlin.
 */
export function distributionLimit(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  const lastDay = addMonthsClamped(berlinDay(start), 1);
  return obligation(
    'distributionLimit',
    endOfBerlinDay(lastDay),
    BASES.distributionLimit,
    earliest(facts.distributionDecidedAt, facts.distributionExcludedAt),
  );
}

/**
 * Local rule (domain.md step 12): hand the record to the responsible ASD the next working morning, i.e. at the
 * first 08:30 on a working day after the measure began. An intake at 02:00 on a Tuesday is due 08:30 that Tuesday;
 * one on Friday evening is due Monday 08:30 (or Tuesday after Ostermontag).
 */
export function handoverToAsd(facts: DeadlineFacts): Obligation | undefined {
  const start = earliest(facts.decisionAt, facts.provisionalIntakeAt);
  if (start === undefined) return undefined;
  const startDay = berlinDay(start);
  const sameMorning = berlinTime(startDay, HANDOVER_HOUR, HANDOVER_MINUTE);
  const dueAt =
    isWorkingDay(startDay) && start < sameMorning
      ? sameMorning
      : berlinTime(nextWorkingDay(startDay), HANDOVER_HOUR, HANDOVER_MINUTE);
  return obligation('handoverToAsd', dueAt, BASES.handoverToAsd, facts.handedOverAt);
}
