import { describe, expect, it } from 'vitest';

import {
  applyToFamilyCourt,
  distributionLimit,
  endFreedomDeprivation,
  handoverToAsd,
  informCustodians,
  reportToStateOffice,
} from './rules';

/** Instants are written with their Berlin offset, so the expectations read as wall-clock times and hold in any TZ. */
const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('§42 Abs. 3: inform custodians "unverzüglich" (reminder 2 h after the decision)', () => {
  it.each([
    ['night, summer time', '2025-06-10T03:00+02:00', '2025-06-10T05:00+02:00'],
    [
      'two elapsed hours across the spring change (01:30 CET -> 04:30 CEST)',
      '2025-03-30T01:30+01:00',
      '2025-03-30T04:30+02:00',
    ],
    [
      'two elapsed hours across the autumn change (01:30 CEST -> 02:30 CET)',
      '2025-10-26T01:30+02:00',
      '2025-10-26T02:30+01:00',
    ],
  ])('%s', (_case, decision, due) => {
    const o = informCustodians({ decisionAt: at(decision) });
    expect(o).toMatchObject({ kind: 'informCustodians', basis: '§42 Abs. 3 SGB VIII' });
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
    expect(o?.doneAt).toBeUndefined();
  });

  it('takes a configured grace', () => {
    const o = informCustodians({ decisionAt: at('2025-06-10T03:00+02:00') }, 30 * 60_000);
    expect(iso(o?.dueAt)).toBe(iso(at('2025-06-10T03:30+02:00')));
  });

  it('is done when the custodians were informed, and absent without a decision', () => {
    const informed = at('2025-06-10T07:00+02:00');
    expect(informCustodians({ decisionAt: at('2025-06-10T03:00+02:00'), custodiansInformedAt: informed })?.doneAt).toBe(
      informed,
    );
    expect(informCustodians({ custodiansInformedAt: informed })).toBeUndefined();
  });
});

describe('§42 Abs. 5: Freiheitsentziehung ends by the end of the next day', () => {
  it.each([
    ['afternoon', '2025-06-10T14:00+02:00', '2025-06-11T23:59:59.999+02:00'],
    [
      'just after midnight in Berlin (still the day before in UTC)',
      '2025-06-10T00:30+02:00',
      '2025-06-11T23:59:59.999+02:00',
    ],
    ['next day is the spring change (23-hour day)', '2025-03-29T23:30+01:00', '2025-03-30T23:59:59.999+02:00'],
    ['next day is the autumn change (25-hour day)', '2025-10-25T22:00+02:00', '2025-10-26T23:59:59.999+01:00'],
    [
      'Silvester into New Year: calendar days, holidays count',
      '2025-12-31T23:30+01:00',
      '2026-01-01T23:59:59.999+01:00',
    ],
    ['Friday into Saturday: weekends count', '2025-11-07T20:00+01:00', '2025-11-08T23:59:59.999+01:00'],
  ])('%s', (_case, start, due) => {
    const o = endFreedomDeprivation({ freedomDeprivationStartAt: at(start) });
    expect(o?.basis).toBe('§42 Abs. 5 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it.each([
    ['ended', { freedomDeprivationEndAt: at('2025-06-10T18:00+02:00') }, '2025-06-10T18:00+02:00'],
    ['court decided', { courtDecisionAt: at('2025-06-11T11:00+02:00') }, '2025-06-11T11:00+02:00'],
    [
      'court decided, ended later: the earlier counts',
      { courtDecisionAt: at('2025-06-11T11:00+02:00'), freedomDeprivationEndAt: at('2025-06-13T09:00+02:00') },
      '2025-06-11T11:00+02:00',
    ],
  ])('done when %s', (_case, facts, done) => {
    const o = endFreedomDeprivation({ freedomDeprivationStartAt: at('2025-06-10T14:00+02:00'), ...facts });
    expect(iso(o?.doneAt)).toBe(iso(at(done)));
  });

  it('does not apply without a start', () => {
    expect(endFreedomDeprivation({ decisionAt: at('2025-06-10T14:00+02:00') })).toBeUndefined();
  });
});

describe('§42a: report to the state office by the end of the 7th working day', () => {
  it.each([
    ['Monday, a plain week', '2025-11-03T10:00+01:00', '2025-11-12T23:59:59.999+01:00'],
    [
      'Saturday 00:30 in Berlin (Friday in UTC): counts from Monday',
      '2025-11-08T00:30+01:00',
      '2025-11-18T23:59:59.999+01:00',
    ],
    ['Thursday before Reformationstag (31.10.)', '2025-10-30T22:00+01:00', '2025-11-11T23:59:59.999+01:00'],
    ['Friday: over the autumn change and Reformationstag', '2025-10-24T21:00+02:00', '2025-11-05T23:59:59.999+01:00'],
    ['Maundy Thursday: Karfreitag and Ostermontag skipped', '2025-04-17T23:00+02:00', '2025-04-30T23:59:59.999+02:00'],
    ['Friday before Pfingstmontag', '2025-06-06T20:00+02:00', '2025-06-18T23:59:59.999+02:00'],
    ['Fronleichnam is a working day in SH', '2025-06-10T20:00+02:00', '2025-06-19T23:59:59.999+02:00'],
    ['over Christmas and New Year', '2025-12-22T20:00+01:00', '2026-01-05T23:59:59.999+01:00'],
    ['spring change inside the period', '2025-03-27T20:00+01:00', '2025-04-07T23:59:59.999+02:00'],
  ])('%s', (_case, start, due) => {
    const o = reportToStateOffice({ provisionalIntakeAt: at(start) });
    expect(o?.basis).toBe('§42a Abs. 4 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('is done when reported; absent for a §42 intake', () => {
    const reported = at('2025-11-05T09:00+01:00');
    expect(
      reportToStateOffice({ provisionalIntakeAt: at('2025-11-03T10:00+01:00'), stateOfficeReportedAt: reported })
        ?.doneAt,
    ).toBe(reported);
    expect(reportToStateOffice({ decisionAt: at('2025-11-03T10:00+01:00') })).toBeUndefined();
  });
});

describe('§42b Abs. 4: distribution excluded after one month', () => {
  it.each([
    ['mid-month', '2025-11-12T15:00+01:00', '2025-12-12T23:59:59.999+01:00'],
    ['31.01. clamps to 28.02.', '2025-01-31T15:00+01:00', '2025-02-28T23:59:59.999+01:00'],
    ['31.01. clamps to 29.02. in a leap year', '2024-01-31T15:00+01:00', '2024-02-29T23:59:59.999+01:00'],
    ['31.03. clamps to 30.04.', '2025-03-31T12:00+02:00', '2025-04-30T23:59:59.999+02:00'],
    ['over the spring change', '2025-03-15T10:00+01:00', '2025-04-15T23:59:59.999+02:00'],
    ['into the next year', '2025-12-15T10:00+01:00', '2026-01-15T23:59:59.999+01:00'],
    ['00:30 on New Year in Berlin (still Silvester in UTC)', '2025-01-01T00:30+01:00', '2025-02-01T23:59:59.999+01:00'],
  ])('%s', (_case, start, due) => {
    const o = distributionLimit({ provisionalIntakeAt: at(start) });
    expect(o?.basis).toBe('§42b Abs. 4 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('is done when the distribution was decided', () => {
    const decided = at('2025-11-20T10:00+01:00');
    const o = distributionLimit({ provisionalIntakeAt: at('2025-11-12T15:00+01:00'), distributionDecidedAt: decided });
    expect(o?.doneAt).toBe(decided);
  });
});

describe('handover to the responsible ASD at 08:30 the next working morning', () => {
  it.each([
    ['Tuesday 02:00: the same morning', '2025-11-04T02:00+01:00', '2025-11-04T08:30+01:00'],
    ['Tuesday 00:30 (Monday in UTC): the same morning', '2025-11-04T00:30+01:00', '2025-11-04T08:30+01:00'],
    ['Tuesday 08:30 sharp: the next morning', '2025-11-04T08:30+01:00', '2025-11-05T08:30+01:00'],
    ['Tuesday evening: Wednesday', '2025-11-04T19:00+01:00', '2025-11-05T08:30+01:00'],
    ['Friday night: Monday', '2025-11-07T22:00+01:00', '2025-11-10T08:30+01:00'],
    ['Saturday of the spring change: Monday in summer time', '2025-03-29T23:00+01:00', '2025-03-31T08:30+02:00'],
    ['Sunday 01:30, before the clocks go forward', '2025-03-30T01:30+01:00', '2025-03-31T08:30+02:00'],
    ['Friday before the autumn change: Monday in winter time', '2025-10-24T20:00+02:00', '2025-10-27T08:30+01:00'],
    ['Thursday before Reformationstag: Monday', '2025-10-30T20:00+01:00', '2025-11-03T08:30+01:00'],
    ['Easter Sunday 2026: Tuesday after Ostermontag', '2026-04-05T21:00+02:00', '2026-04-07T08:30+02:00'],
    ['Pfingstmontag 03:00: Tuesday', '2025-06-09T03:00+02:00', '2025-06-10T08:30+02:00'],
    ['Christmas Eve: Monday after Christmas', '2025-12-24T22:00+01:00', '2025-12-29T08:30+01:00'],
    ['Silvester night: 2 January', '2025-12-31T23:00+01:00', '2026-01-02T08:30+01:00'],
  ])('%s', (_case, start, due) => {
    const o = handoverToAsd({ decisionAt: at(start) });
    expect(o?.basis).toBe('örtliche Regelung');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('starts from the earlier of decision and provisional intake, and is done when handed over', () => {
    const handed = at('2025-11-04T08:10+01:00');
    const o = handoverToAsd({
      provisionalIntakeAt: at('2025-11-03T23:00+01:00'),
      decisionAt: at('2025-11-04T09:00+01:00'),
      handedOverAt: handed,
    });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-11-04T08:30+01:00')));
    expect(o?.doneAt).toBe(handed);
    expect(handoverToAsd({})).toBeUndefined();
  });
});

describe('§42 Abs. 3: family court after an objection by the end of the next working day', () => {
  it.each([
    ['Tuesday: Wednesday', '2025-11-04T10:00+01:00', '2025-11-05T23:59:59.999+01:00'],
    ['Friday before the autumn change: Monday', '2025-10-24T18:00+02:00', '2025-10-27T23:59:59.999+01:00'],
    ['Thursday before Reformationstag: Monday', '2025-10-30T10:00+01:00', '2025-11-03T23:59:59.999+01:00'],
    ['Maundy Thursday 2026: Tuesday after Ostermontag', '2026-04-02T10:00+02:00', '2026-04-07T23:59:59.999+02:00'],
    ['Friday before Pfingstmontag 2026: Tuesday', '2026-05-22T10:00+02:00', '2026-05-26T23:59:59.999+02:00'],
    ['Silvester: 2 January', '2025-12-31T10:00+01:00', '2026-01-02T23:59:59.999+01:00'],
  ])('%s', (_case, objection, due) => {
    const o = applyToFamilyCourt({ objectionAt: at(objection) });
    expect(o?.basis).toBe('§42 Abs. 3 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it.each([
    ['the court was asked', { courtApplicationAt: at('2025-11-05T09:00+01:00') }, '2025-11-05T09:00+01:00'],
    [
      'the child went back to the custodians',
      { returnedToCustodiansAt: at('2025-11-04T16:00+01:00') },
      '2025-11-04T16:00+01:00',
    ],
  ])('done when %s', (_case, facts, done) => {
    const o = applyToFamilyCourt({ objectionAt: at('2025-11-04T10:00+01:00'), ...facts });
    expect(iso(o?.doneAt)).toBe(iso(at(done)));
  });

  it('does not apply without an objection', () => {
    expect(applyToFamilyCourt({ decisionAt: at('2025-11-04T10:00+01:00') })).toBeUndefined();
  });
});
