import { ageGroupOf } from '../catalogues/ageGroup';
import { foldedWords } from '../contacts/fold';
import { berlinDay } from '../deadlines/calendar';
import { ageYearsAt } from '../placement/newHold';

/**
 * Earlier intakes of the same child in this office ("Wiederholte Inobhutnahme"): the statistics ask whether the
 * measure was repeated within the year (§ 99 SGB VIII, "Wiederholte Maßnahme im Jahr"), and the worker at night
 * wants to know the child was here before and where it was placed.
 *
 * A record matches when
 * - it belongs to the office or was handed over to it (need-to-know: nothing else is searched),
 * - the names are the same words, whatever their order, case, diacritics or umlaut spelling ("Müller, Lea" =
 *   "Lea Mueller"; a first and last name typed the wrong way round),
 * - and the birth dates are equal, or, where one record has only an estimated age, the child's ages fall into the
 *   same statistics age group at the time of the new record.
 * Only records that began before the new one count; the worker may dismiss a wrong match.
 */
export type RepeatChild = { firstName: string; lastName: string; birthDate?: string; estimatedAge?: number };

export type RepeatRecord = {
  id: string;
  officeId: string;
  receivedAt: number;
  child: RepeatChild;
  decision?: { startAt?: number };
  placement?: { facilityName?: string };
  review?: { handedOverTo?: string };
};

export type RepeatMatch = { id: string; at: number; facilityName?: string };

const YEAR_MS = 365.2425 * 86_400_000;

/** When the measure began, or, before the decision is written down, when the call came in. */
export function measureStart(r: Pick<RepeatRecord, 'receivedAt' | 'decision'>): number {
  return r.decision?.startAt ?? r.receivedAt;
}

/** The child's name as a key: its words folded and sorted, so order and spelling variants agree. */
export function nameKey(child: Pick<RepeatChild, 'firstName' | 'lastName'>): string | null {
  const first = foldedWords(child.firstName);
  const last = foldedWords(child.lastName);
  if (first.length === 0 || last.length === 0) return null;
  return [...first, ...last].sort().join(' ');
}

/** The age a record's child has at `at`: from the birth date, or the estimate then plus the years since. */
function ageAt(child: RepeatChild, recordedAt: number, at: number): number | undefined {
  if (child.birthDate) return ageYearsAt(child, at);
  if (child.estimatedAge === undefined) return undefined;
  return child.estimatedAge + Math.floor(Math.max(0, at - recordedAt) / YEAR_MS);
}

function sameChildByAge(current: RepeatChild, at: number, earlier: RepeatChild, earlierAt: number): boolean {
  if (current.birthDate && earlier.birthDate) return current.birthDate === earlier.birthDate;
  const now = ageAt(current, at, at);
  const then = ageAt(earlier, earlierAt, at);
  if (now === undefined || then === undefined) return false;
  const group = ageGroupOf(now);
  return group !== undefined && group === ageGroupOf(then);
}

/** Earlier records of the same child in `officeId`, newest first (see above). */
export function findRepeatIntakes(
  current: RepeatRecord,
  records: Iterable<RepeatRecord>,
  officeId: string,
  dismissed: ReadonlySet<string> = new Set(),
): RepeatMatch[] {
  const key = nameKey(current.child);
  if (key === null) return [];
  if (!current.child.birthDate && current.child.estimatedAge === undefined) return [];
  const at = measureStart(current);
  const matches: RepeatMatch[] = [];
  for (const r of records) {
    if (r.id === current.id || dismissed.has(r.id)) continue;
    if (r.officeId !== officeId && r.review?.handedOverTo !== officeId) continue;
    const earlierAt = measureStart(r);
    if (earlierAt >= at) continue;
    if (nameKey(r.child) !== key) continue;
    if (!sameChildByAge(current.child, at, r.child, earlierAt)) continue;
    matches.push({
      id: r.id,
      at: earlierAt,
      ...(r.placement?.facilityName ? { facilityName: r.placement.facilityName } : {}),
    });
  }
  return matches.sort((a, b) => b.at - a.at);
}

/** "Wiederholte Maßnahme im Jahr": an earlier measure began in the same calendar year (Berlin) as this one. */
export function repeatedThisYear(
  current: Pick<RepeatRecord, 'receivedAt' | 'decision'>,
  matches: readonly RepeatMatch[],
) {
  return matchesThisYear(current, matches).length > 0;
}

function matchesThisYear(current: Pick<RepeatRecord, 'receivedAt' | 'decision'>, matches: readonly RepeatMatch[]) {
  const year = berlinDay(measureStart(current)).year;
  return matches.filter((m) => berlinDay(m.at).year === year);
}

/** What the record's panel needs to know of the record it fills. */
export type RepeatFillState = Pick<RepeatRecord, 'receivedAt' | 'decision'> & {
  statistics?: { repeatedThisYear?: boolean };
  earlierIntakes?: { filledFrom?: readonly string[] };
};
export type RepeatFillEdit = readonly [path: string, value: unknown];

/**
 * How the panel fills "Wiederholte Maßnahme im Jahr" from the matches: it answers "yes" only where nobody has
 * answered yet, and remembers from which records; when those matches go (dismissed as another child, or the name
 * or birth date corrected), it takes back only its own answer. A worker's own answer is never overwritten.
 * Returns no edits when the record already says what the matches say.
 */
export function repeatFill(record: RepeatFillState, matches: readonly RepeatMatch[]): RepeatFillEdit[] {
  const thisYear = matchesThisYear(record, matches).map((m) => m.id);
  const answer = record.statistics?.repeatedThisYear;
  const filledFrom = record.earlierIntakes?.filledFrom ?? [];
  if (thisYear.length > 0 && answer === undefined) {
    return [
      ['statistics.repeatedThisYear', true],
      ['earlierIntakes.filledFrom', thisYear],
    ];
  }
  if (thisYear.length === 0 && filledFrom.length > 0) {
    return [
      ...(answer === true ? ([['statistics.repeatedThisYear', undefined]] as const) : []),
      ['earlierIntakes.filledFrom', undefined],
    ];
  }
  return [];
}
