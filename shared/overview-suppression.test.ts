import { OFFICE_IDS, type OfficeId } from './offices';
import {
  type CallToPlacementOf,
  DURATION_BUCKETS,
  type OverviewCounts,
  perOffice,
  PLACEMENT_AREAS,
  REFUSAL_UNSPECIFIED,
  SUPPRESSED,
} from './overview';
import { suppressSmallCounts } from './overview-suppression';

const X = SUPPRESSED;
const tally = (c: Partial<Record<OfficeId, number>>) => {
  const byOffice = perOffice((o) => c[o] ?? 0);
  return { ...byOffice, verbund: OFFICE_IDS.reduce((n, o) => n + byOffice[o], 0) };
};
const durations = (measured: number, median: number | null, implausible = 0): CallToPlacementOf<number> => ({
  measured,
  medianMinutes: median,
  buckets: Object.fromEntries(DURATION_BUCKETS.map((b, i) => [b, i === 0 ? measured : 0])) as never,
  implausible,
});

/** Exact counts of one week: intakes per office as given, nothing else. */
function counts(
  week: Partial<Record<OfficeId, number>>,
  byOffice = perOffice(() => durations(0, null)),
): OverviewCounts {
  const measured = OFFICE_IDS.reduce((n, o) => n + byOffice[o].measured, 0);
  return {
    from: '2025-03-03',
    to: '2025-03-09',
    weeks: ['2025-03-03'],
    intakes: { byWeek: [{ week: '2025-03-03', ...tally(week) }], total: tally(week) },
    callToPlacement: { byOffice, verbund: durations(measured, measured ? 42 : null) },
    refusals: {
      byWeek: [{ week: '2025-03-03', ...tally({}) }],
      total: tally({}),
      byReason: perOffice(() => ({ [REFUSAL_UNSPECIFIED]: 0 }) as never),
    },
    placementAreas: perOffice(() => Object.fromEntries(PLACEMENT_AREAS.map((a) => [a, 0])) as never),
  };
}

describe('suppressSmallCounts', () => {
  it('hides counts of one and two, shows zero and three', () => {
    const o = suppressSmallCounts(counts({ segeberg: 1, stormarn: 2, pinneberg: 3 }));
    expect(o.intakes.byWeek[0]).toMatchObject({ segeberg: X, stormarn: X, pinneberg: 3, norderstedt: 0, verbund: 6 });
  });

  it('hides one more figure where a shown sum would give a hidden one away', () => {
    // 4 = 3 + 1: the 3 would reveal the 1.
    const o = suppressSmallCounts(counts({ segeberg: 3, stormarn: 1 }));
    expect(o.intakes.byWeek[0]).toMatchObject({ segeberg: X, stormarn: X, verbund: 4 });
    expect(o.intakes.total).toMatchObject({ segeberg: X, stormarn: X, verbund: 4 });
  });

  it('hides the sum when it is itself small, and then needs nothing more', () => {
    const o = suppressSmallCounts(counts({ norderstedt: 2 }));
    expect(o.intakes.byWeek[0]).toMatchObject({ norderstedt: X, verbund: X, segeberg: 0 });
  });

  it('never shows a median over fewer than three cases, and hides it with its count', () => {
    const byOffice = perOffice((o) =>
      o === 'segeberg' ? durations(1, 77) : o === 'stormarn' ? durations(5, 60) : durations(0, null),
    );
    const o = suppressSmallCounts(counts({}, byOffice));
    expect(o.callToPlacement.byOffice.segeberg).toMatchObject({ measured: X, medianMinutes: X });
    // 6 (Verbund) - 5 would give Segeberg's 1 away: Stormarn's count and median are hidden as well.
    expect(o.callToPlacement.byOffice.stormarn).toMatchObject({ measured: X, medianMinutes: X });
    expect(o.callToPlacement.verbund).toMatchObject({ measured: 6, medianMinutes: 42 });
    expect(o.callToPlacement.byOffice.pinneberg).toMatchObject({ measured: 0, medianMinutes: null });
  });
});
