import { type AgeGroup, ageGroupOf } from '../catalogues/ageGroup';
import { ageYearsAt } from '../placement/newHold';
import type { Intake } from '../schema/intake';
import { berlinDaysBetween } from './berlinCalendar';
import type {
  Carrier,
  MeasureKind,
  Occasion,
  StatAccommodation,
  StatEndReason,
  StatInitiator,
  StatisticsCatalogue,
  StatReason,
  StatResidence,
  StatSex,
  YesNo,
} from './catalogue';

/** The fields of one measure in the statistics, in the order of the export's columns. */
export const STATISTICS_FIELDS = [
  'carrier',
  'measureKind',
  'sex',
  'ageGroup',
  'foreignOrigin',
  'residenceBefore',
  'accommodation',
  'initiatedBy',
  'previousAssessment8a',
  'repeated',
  'objection',
  'ranAway',
  'occasion',
  'reasons',
  'start',
  'end',
  'durationDays',
  'endReason',
] as const;
export type StatisticsField = (typeof STATISTICS_FIELDS)[number];

/**
 * Why a field cannot be reported: not recorded; recorded with a code the report year has no category for (e.g.
 * "unbekannt"); an age of 18 or more at the start; an end before the start.
 */
export const GAP_PROBLEMS = ['missing', 'not_reportable', 'not_a_minor', 'end_before_start'] as const;
export type GapProblem = (typeof GAP_PROBLEMS)[number];
export type Gap = { field: StatisticsField; problem: GapProblem };

/** Where in the night record each statistics field comes from: the fields to fill in to close a gap. */
export const FIELD_SOURCES: Record<StatisticsField, readonly string[]> = {
  carrier: ['placement.freeProvider'],
  measureKind: ['decision.ground'],
  sex: ['statistics.sex'],
  ageGroup: ['child.birthDate', 'child.claimedAge'],
  foreignOrigin: ['statistics.foreignOriginParent'],
  residenceBefore: ['statistics.residenceBefore'],
  accommodation: ['placement.accommodation'],
  initiatedBy: ['initiatedBy'],
  previousAssessment8a: ['risk.previousAssessment8a'],
  repeated: ['statistics.repeatedThisYear'],
  objection: ['custodians.objection'],
  ranAway: ['statistics.ranAwayBefore'],
  occasion: ['decision.ground'],
  reasons: ['statistics.reasons'],
  start: ['decision.startAt'],
  end: ['end.endedAt'],
  durationDays: ['decision.startAt', 'end.endedAt'],
  endReason: ['end.reason'],
};

/** One measure as the statistics sees it: categories of the report year; a field is absent exactly when it has a gap. */
export type MeasureStatistics = {
  /** The record's id (to open it). */
  id: string;
  /** The measure's id: the record's, or for the § 42a measure before a linked § 42 measure the record's + "#42a". */
  measureId: string;
  carrier?: Carrier;
  measureKind?: MeasureKind;
  sex?: StatSex;
  ageGroup?: AgeGroup;
  foreignOrigin?: YesNo;
  residenceBefore?: StatResidence;
  accommodation?: StatAccommodation;
  initiatedBy?: StatInitiator;
  previousAssessment8a?: YesNo;
  repeated?: YesNo;
  objection?: YesNo;
  ranAway?: YesNo;
  occasion?: Occasion;
  reasons?: readonly StatReason[];
  start?: number;
  end?: number;
  durationDays?: number;
  endReason?: StatEndReason;
  gaps: Gap[];
};

export type StatisticsIntake = Pick<Intake, 'id' | 'child'> & Partial<Intake>;

/**
 * The start of the measure: the decision's start, or for a provisional intake (§ 42a) recorded without it, the
 * start of the provisional intake.
 */
export function measureStart(intake: StatisticsIntake): number | undefined {
  return intake.decision?.startAt ?? (intake.decision?.ground === '42a' ? intake.provisional?.startAt : undefined);
}

/**
 * Completed years at the start ("notfalls geschätzt"): from the birth date on the Berlin calendar day; without
 * one, the age the young person stated at the start, then the age of the assessment (§ 42f, the qualified
 * estimate), then the worker's estimate at the call. A measure ended because the assessment found the person adult
 * is counted in the statistics with the age group of the age claimed at the start: the assessment's adult age is
 * never used for it (it would make the measure "not a minor at the start").
 */
export function ageAtStart(intake: StatisticsIntake, start: number | undefined): number | undefined {
  const { birthDate, estimatedAge, claimedAge } = intake.child;
  if (birthDate) return start === undefined ? undefined : ageYearsAt({ birthDate }, start);
  const assessed = intake.end?.reason === 'adult' ? undefined : intake.ageAssessment?.assessedAge;
  return claimedAge ?? assessed ?? estimatedAge;
}

/**
 * The measures of one record for the statistics. The usual sequence § 42a -> § 42 Abs. 1 S. 1 Nr. 3 by the same
 * office is one record (one story for the worker) but two measures (§ 99 Abs. 2 counts each): the § 42a measure
 * from its start to the start of the § 42 measure, ended by that measure; and the § 42 measure itself.
 */
export function measuresOf(intake: StatisticsIntake): { measureId: string; intake: StatisticsIntake }[] {
  const provisionalStart = intake.provisional?.startAt;
  if (intake.decision?.ground !== '42_1_3' || provisionalStart === undefined) {
    return [{ measureId: intake.id, intake }];
  }
  const followingStart = intake.decision.startAt ?? intake.decision.decidedAt;
  const provisional: StatisticsIntake = {
    ...intake,
    decision: { ground: '42a', startAt: provisionalStart },
    end: followingStart === undefined ? undefined : { endedAt: followingStart, reason: 'followed_by_42' },
  };
  return [
    { measureId: `${intake.id}#42a`, intake: provisional },
    { measureId: intake.id, intake },
  ];
}

const yesNo = (flag: boolean | undefined): YesNo | undefined => (flag === undefined ? undefined : flag ? 'yes' : 'no');

/** Maps the raw facts of one record to the categories of a report year, naming every field it cannot fill. */
export function measureStatistics(
  intake: StatisticsIntake,
  catalogue: StatisticsCatalogue,
  measureId = intake.id,
): MeasureStatistics {
  const gaps: Gap[] = [];
  const m: MeasureStatistics = { id: intake.id, measureId, gaps };

  /** Looks a raw code up in the year's mapping; absent, or without a category that year, is a gap. */
  const coded = <R extends string, S>(
    field: StatisticsField,
    raw: R | undefined,
    mapping: Record<R, S | null>,
  ): S | undefined => {
    if (raw === undefined) {
      gaps.push({ field, problem: 'missing' });
      return undefined;
    }
    const category = mapping[raw];
    if (category === null) gaps.push({ field, problem: 'not_reportable' });
    return category ?? undefined;
  };
  const flag = (field: StatisticsField, raw: boolean | undefined): YesNo | undefined => {
    if (raw === undefined) gaps.push({ field, problem: 'missing' });
    return yesNo(raw);
  };

  const ground = intake.decision?.ground;
  const start = measureStart(intake);
  const end = intake.end?.endedAt;

  const freeProvider = intake.placement?.freeProvider;
  m.carrier = freeProvider === undefined ? undefined : freeProvider ? 'free' : 'public';
  if (freeProvider === undefined) gaps.push({ field: 'carrier', problem: 'missing' });
  m.measureKind = coded('measureKind', ground, catalogue.measureKind);
  m.sex = coded('sex', intake.statistics?.sex, catalogue.sex);

  const age = ageAtStart(intake, start);
  m.ageGroup = age === undefined ? undefined : ageGroupOf(age);
  if (!m.ageGroup) gaps.push({ field: 'ageGroup', problem: age === undefined ? 'missing' : 'not_a_minor' });

  m.foreignOrigin = coded('foreignOrigin', intake.statistics?.foreignOriginParent, catalogue.foreignOrigin);
  m.residenceBefore = coded('residenceBefore', intake.statistics?.residenceBefore, catalogue.residenceBefore);
  m.accommodation = coded('accommodation', intake.placement?.accommodation, catalogue.accommodation);
  m.initiatedBy = coded('initiatedBy', intake.initiatedBy, catalogue.initiatedBy);
  m.previousAssessment8a = flag('previousAssessment8a', intake.risk?.previousAssessment8a);
  m.repeated = flag('repeated', intake.statistics?.repeatedThisYear);
  // An objection is recorded per custodian; none recorded is no objection.
  m.objection = (intake.custodians ?? []).some((c) => c.objection === true) ? 'yes' : 'no';
  m.ranAway = flag('ranAway', intake.statistics?.ranAwayBefore);
  m.occasion = coded('occasion', ground, catalogue.occasion);

  const rawReasons = intake.statistics?.reasons ?? [];
  if (rawReasons.length === 0) gaps.push({ field: 'reasons', problem: 'missing' });
  else if (rawReasons.some((r) => catalogue.reasons[r] === null))
    gaps.push({ field: 'reasons', problem: 'not_reportable' });
  else m.reasons = rawReasons.map((r) => catalogue.reasons[r]!);

  m.start = start;
  if (start === undefined) gaps.push({ field: 'start', problem: 'missing' });
  m.end = end;
  if (end === undefined) gaps.push({ field: 'end', problem: 'missing' });
  if (start !== undefined && end !== undefined) {
    const days = berlinDaysBetween(start, end);
    if (end < start) gaps.push({ field: 'durationDays', problem: 'end_before_start' });
    else m.durationDays = days;
  } else {
    gaps.push({ field: 'durationDays', problem: 'missing' });
  }
  m.endReason = coded('endReason', intake.end?.reason, catalogue.endReason);

  const order = (g: Gap) => STATISTICS_FIELDS.indexOf(g.field);
  gaps.sort((a, b) => order(a) - order(b));
  return m;
}
