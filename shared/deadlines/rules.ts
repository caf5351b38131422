/**
 * The deadline rules of domain.md ("The night, step by step"), one pure function each: facts of a record in,
 * the obligation out (or nothing where the rule does not apply). The legal texts were not read for this module;
 * each rule says what it assumes.
 */
import { addDays, addMonthsClamped, berlinDay, berlinTime, endOfBerlinDay } from './calendar';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from './holidays';

/**
 * The facts a record has to offer, as instants (ms since epoch). All optional: a rule applies once its triggering
 * fact is there and is done once its completing fact is there. The intake schema maps onto this; nothing else.
 */
export interface DeadlineFacts {
  /** §42: when the Inobhutnahme was decided (start of the measure). */
  decisionAt?: number;
  /** §42 Abs. 3: when the custodians (Personensorgeberechtigte) were informed; the first one informed counts. */
  custodiansInformedAt?: number;
  /** §42 Abs. 5: start and end of a Freiheitsentziehung. */
  freedomDeprivationStartAt?: number;
  freedomDeprivationEndAt?: number;
  /** §42 Abs. 5: the court's decision on the Freiheitsentziehung (not the family court's decision of §42 Abs. 3). */
  courtDecisionAt?: number;
  /** §42 Abs. 3: when the custodians objected to the Inobhutnahme. */
  objectionAt?: number;
  /** §42 Abs. 3: when the family court was asked for a decision after the objection. */
  courtApplicationAt?: number;
  /** §42 Abs. 3: when the child was handed back to the custodians (the alternative to asking the court). */
  returnedToCustodiansAt?: number;
  /** §42a: start of the provisional intake of an unaccompanied minor. */
  provisionalIntakeAt?: number;
  /** §42a: when the provisional intake was reported to the state office for distribution. */
  stateOfficeReportedAt?: number;
  /** §42b: when the distribution was decided (allocated, or decided not to distribute). */
  distributionDecidedAt?: number;
  /** Local rule: when the record was handed to the responsible ASD. */
  handedOverAt?: number;
}

export const OBLIGATION_KINDS = [
  'informCustodians',
  'endFreedomDeprivation',
  'reportToStateOffice',
  'distributionLimit',
  'handoverToAsd',
  'applyToFamilyCourt',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface Obligation {
  kind: ObligationKind;
  /** The last instant at which the obligation is met in time (ms since epoch). */
  dueAt: number;
  /** The legal (or local) source, shown beside the deadline. */
  basis: string;
  doneAt?: number;
}

const HOUR = 3_600_000;

/** Default for "unverzüglich" when informing custodians; see {@link informCustodians}. */
export const DEFAULT_CUSTODIANS_GRACE_MS = 2 * HOUR;

/** The on-call service ends at 08:30 on working days (domain.md: weekdays 16:00-08:30). */
const HANDOVER_HOUR = 8;
const HANDOVER_MINUTE = 30;

/** §42a: working days for the report to the state office. */
const STATE_OFFICE_WORKING_DAYS = 7;

function earliest(...instants: (number | undefined)[]): number | undefined {
  const present = instants.filter((t): t is number => t !== undefined);
  return present.length ? Math.min(...present) : undefined;
}

function obligation(kind: ObligationKind, dueAt: number, basis: string, doneAt: number | undefined): Obligation {
  return doneAt === undefined ? { kind, dueAt, basis } : { kind, dueAt, basis, doneAt };
}

/**
 * §42 Abs. 3: inform the custodians "unverzüglich" (without culpable delay). The law sets no hour: the grace
 * (default 2 h after the decision) is a reminder threshold for the worker, not a legal limit. Applies to §42
 * decisions; for a §42a intake the mapper sets decisionAt only if custodians are to be informed (doubt noted).
 */
export function informCustodians(facts: DeadlineFacts, graceMs = DEFAULT_CUSTODIANS_GRACE_MS): Obligation | undefined {
  if (facts.decisionAt === undefined) return undefined;
  return obligation('informCustodians', facts.decisionAt + graceMs, '§42 Abs. 3 SGB VIII', facts.custodiansInformedAt);
}

/**
 * §42 Abs. 5: without a court decision a Freiheitsentziehung must end by the end of the day after it began
 * (calendar day in Berlin, weekends and holidays included). Done when it ended or a court decided.
 */
export function endFreedomDeprivation(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.freedomDeprivationStartAt;
  if (start === undefined) return undefined;
  return obligation(
    'endFreedomDeprivation',
    endOfBerlinDay(addDays(berlinDay(start), 1)),
    '§42 Abs. 5 SGB VIII',
    earliest(facts.freedomDeprivationEndAt, facts.courtDecisionAt),
  );
}

/**
 * §42a (Abs. 4, verify): report the provisional intake to the state office within seven working days of its start.
 * Counted from the day after the intake (§187 Abs. 1 BGB), Monday-Friday except SH holidays, due at the end of the
 * seventh. Doubt: the law says "Werktage", which in German law often includes Saturday; Monday-Friday as briefed
 * makes the deadline later by up to a day or two.
 */
export function reportToStateOffice(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  const lastDay = addWorkingDays(berlinDay(start), STATE_OFFICE_WORKING_DAYS);
  return obligation(
    'reportToStateOffice',
    endOfBerlinDay(lastDay),
    '§42a Abs. 4 SGB VIII',
    facts.stateOfficeReportedAt,
  );
}

/**
 * §42b Abs. 4: distribution is excluded once a month has passed since the provisional intake began. The month ends
 * with the day of the same number in the next month, or that month's last day (§§187 Abs. 1, 188 Abs. 2, 3 BGB,
 * assumed to apply): 31.01. -> 28./29.02., end of day in Berlin.
 */
export function distributionLimit(facts: DeadlineFacts): Obligation | undefined {
  const start = facts.provisionalIntakeAt;
  if (start === undefined) return undefined;
  const lastDay = addMonthsClamped(berlinDay(start), 1);
  return obligation('distributionLimit', endOfBerlinDay(lastDay), '§42b Abs. 4 SGB VIII', facts.distributionDecidedAt);
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
  return obligation('handoverToAsd', dueAt, 'örtliche Regelung', facts.handedOverAt);
}

/**
 * §42 Abs. 3: if the custodians object, the office must "unverzüglich" obtain a family court decision (or return
 * the child to them). Briefed as "usually the next working day": due at the end of the first working day after the
 * objection. Done by whichever of the two came first.
 */
export function applyToFamilyCourt(facts: DeadlineFacts): Obligation | undefined {
  if (facts.objectionAt === undefined) return undefined;
  const dueAt = endOfBerlinDay(nextWorkingDay(berlinDay(facts.objectionAt)));
  const doneAt = earliest(facts.courtApplicationAt, facts.returnedToCustodiansAt);
  return obligation('applyToFamilyCourt', dueAt, '§42 Abs. 3 SGB VIII', doneAt);
}
