import { OFFICE_IDS } from './offices';
import {
  type Cell,
  type OverviewCounts,
  type OverviewFigures,
  type PerOffice,
  perOffice,
  SMALL_COUNT_LIMIT,
  SUPPRESSED,
  type Tally,
  type WeeklyOf,
} from './overview';

/**
 * Small-count suppression of the Verbund overview (issue 16; Art. 5 Abs. 1 lit. c, Art. 89 DSGVO, § 64 Abs. 2a
 * SGB VIII): the overview is meant for planning, so no figure may let a reader recognise one child.
 *
 * - Primary: every count of 1 or 2 is sent as SUPPRESSED ("< 3"), and so is a median over fewer than three cases.
 * - Secondary: the page shows sums (per week over the offices, per office over the weeks, per office over the
 *   reasons, per office over the duration classes, Verbund over the offices). A line of figures and their shown sum
 *   with exactly one hidden figure would give that figure away by subtraction, so one more is hidden: the smallest
 *   non-zero figure of the line. Repeated until no line has exactly one hidden figure. This closes the simple
 *   subtraction; it is not an optimal cell suppression over all tables at once (docs/datenschutz/tom.md).
 * - A median is hidden with the count it was taken over.
 * - Zero is shown: it describes no one.
 *
 * Pure and shared so the server (which applies it before anything leaves: server/overview/routes.ts) and the tests
 * use the same rule.
 */

type Slot = { n: number; hidden: boolean };
type Line = { parts: Slot[]; total: Slot };

const slot = (n: number): Slot => ({ n, hidden: n > 0 && n < SMALL_COUNT_LIMIT });

const tallySlots = (t: Tally<number>): Tally<Slot> => ({ ...perOffice((o) => slot(t[o])), verbund: slot(t.verbund) });

function weeklySlots(w: WeeklyOf<number>): WeeklyOf<Slot> {
  return { byWeek: w.byWeek.map((row) => ({ week: row.week, ...tallySlots(row) })), total: tallySlots(w.total) };
}

const recordSlots = <K extends string>(r: Record<K, number>): Record<K, Slot> =>
  Object.fromEntries(Object.entries<number>(r).map(([k, n]) => [k, slot(n)])) as Record<K, Slot>;

/** The lines of a weekly table: each week over the offices, each office over the weeks, and the sum row. */
function weeklyLines(w: WeeklyOf<Slot>): Line[] {
  const lines: Line[] = w.byWeek.map((row) => ({ parts: OFFICE_IDS.map((o) => row[o]), total: row.verbund }));
  for (const o of OFFICE_IDS) lines.push({ parts: w.byWeek.map((row) => row[o]), total: w.total[o] });
  lines.push({ parts: w.byWeek.map((row) => row.verbund), total: w.total.verbund });
  lines.push({ parts: OFFICE_IDS.map((o) => w.total[o]), total: w.total.verbund });
  return lines;
}

/** Hides, line by line, one more figure wherever exactly one is hidden, until none is left so. */
function protectSums(lines: Line[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const figures = [...line.parts, line.total];
      if (figures.filter((s) => s.hidden).length !== 1) continue;
      const next =
        line.parts.filter((s) => !s.hidden && s.n > 0).sort((a, b) => a.n - b.n)[0] ??
        (line.total.hidden ? undefined : line.total);
      if (!next) continue;
      next.hidden = true;
      changed = true;
    }
  }
}

const cell = (s: Slot): Cell => (s.hidden ? SUPPRESSED : s.n);
const tallyCells = (t: Tally<Slot>): Tally<Cell> => ({ ...perOffice((o) => cell(t[o])), verbund: cell(t.verbund) });
const weeklyCells = (w: WeeklyOf<Slot>): WeeklyOf<Cell> => ({
  byWeek: w.byWeek.map((row) => ({ week: row.week, ...tallyCells(row) })),
  total: tallyCells(w.total),
});
const recordCells = <K extends string>(r: Record<K, Slot>): Record<K, Cell> =>
  Object.fromEntries(Object.entries<Slot>(r).map(([k, s]) => [k, cell(s)])) as Record<K, Cell>;

/** The overview as it may leave the server: exact figures of three and more, SUPPRESSED for the rest. */
export function suppressSmallCounts(counts: OverviewCounts): OverviewFigures<Cell> {
  const intakes = weeklySlots(counts.intakes);
  const refusals = weeklySlots(counts.refusals);
  const byReason = perOffice((o) => recordSlots(counts.refusals.byReason[o]));
  const durationSlots = (d: OverviewCounts['callToPlacement']['verbund']) => ({
    measured: slot(d.measured),
    buckets: recordSlots(d.buckets),
    implausible: slot(d.implausible),
  });
  const durations: PerOffice<ReturnType<typeof durationSlots>> = perOffice((o) =>
    durationSlots(counts.callToPlacement.byOffice[o]),
  );
  const verbund = durationSlots(counts.callToPlacement.verbund);
  const areas = perOffice((o) => recordSlots(counts.placementAreas[o]));

  const lines: Line[] = [...weeklyLines(intakes), ...weeklyLines(refusals)];
  for (const o of OFFICE_IDS) {
    lines.push({ parts: Object.values(byReason[o]), total: refusals.total[o] });
    lines.push({ parts: Object.values(durations[o].buckets), total: durations[o].measured });
  }
  lines.push({ parts: Object.values(verbund.buckets), total: verbund.measured });
  lines.push({ parts: OFFICE_IDS.map((o) => durations[o].measured), total: verbund.measured });
  lines.push({ parts: OFFICE_IDS.map((o) => durations[o].implausible), total: verbund.implausible });
  for (const b of Object.keys(verbund.buckets) as (keyof typeof verbund.buckets)[]) {
    lines.push({ parts: OFFICE_IDS.map((o) => durations[o].buckets[b]), total: verbund.buckets[b] });
  }
  protectSums(lines);

  const durationCells = (d: ReturnType<typeof durationSlots>, median: number | null) => ({
    measured: cell(d.measured),
    medianMinutes: median === null ? null : d.measured.hidden ? SUPPRESSED : median,
    buckets: recordCells(d.buckets),
    implausible: cell(d.implausible),
  });
  return {
    from: counts.from,
    to: counts.to,
    weeks: counts.weeks,
    intakes: weeklyCells(intakes),
    callToPlacement: {
      byOffice: perOffice((o) => durationCells(durations[o], counts.callToPlacement.byOffice[o].medianMinutes)),
      verbund: durationCells(verbund, counts.callToPlacement.verbund.medianMinutes),
    },
    refusals: { ...weeklyCells(refusals), byReason: perOffice((o) => recordCells(byReason[o])) },
    placementAreas: perOffice((o) => recordCells(areas[o])),
  };
}
