import { describe, expect, it } from 'vitest';

import {
  ageAssessment,
  ageDecision,
  applyToFamilyCourt,
  appointGuardian,
  asylumApplication,
  distributionLimit,
  endFreedomDeprivation,
  explainToChild,
  handoverToAsd,
  healthCheck,
  helpPlan,
  identityCheck,
  informCustodians,
  initialAssessment,
  jointRiskAssessment,
  reportToStateOffice,
} from './rules';

/** Instants are written with their Berlin offset, so the expectations read as wall-clock times and hold in any TZ. */
const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('§ 42 Abs. 3 S. 1 SGB VIII: inform custodians "unverzüglich" (reminder 2 h after the decision)', () => {
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
    expect(o).toMatchObject({
      kind: 'informCustodians',
      basis: '§ 42 Abs. 3 S. 1 SGB VIII (alle Personensorge- und Erziehungsberechtigten)',
      withoutUndueDelay: true,
    });
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

  it.each([
    ['42_1_1', true],
    ['42_1_2a', true],
    ['42_1_2b', true],
    ['42_1_3', false],
    ['42a', false],
  ] as const)('§ 42 Abs. 3 S. 1 SGB VIII applies to Nr. 1 and 2 only: ground %s -> %s', (ground, applies) => {
    expect(informCustodians({ ground, decisionAt: at('2025-06-10T03:00+02:00') }) !== undefined).toBe(applies);
  });
});

describe('§ 42 Abs. 5 S. 2 SGB VIII: Freiheitsentziehung ends by the end of the next day', () => {
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
    expect(o?.basis).toBe('§ 42 Abs. 5 S. 2 SGB VIII');
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

describe('§ 42a Abs. 4 S. 1 SGB VIII: report to the state office by the end of the 7th Werktag (Mon-Sat)', () => {
  it.each([
    [
      'Friday 02.05.2025: Saturday 10.05., not Tuesday 13.05. (Mon-Fri count)',
      '2025-05-02T10:00+02:00',
      '2025-05-10T23:59:59.999+02:00',
    ],
    ['Monday, a plain week: the Saturday counts', '2025-11-03T10:00+01:00', '2025-11-11T23:59:59.999+01:00'],
    [
      'Saturday 00:30 in Berlin (Friday in UTC): counts from Monday',
      '2025-11-08T00:30+01:00',
      '2025-11-17T23:59:59.999+01:00',
    ],
    [
      'SH holiday Reformationstag (Fri 31.10.) skipped, due on a Saturday (not moved by § 26 Abs. 3 SGB X)',
      '2025-10-30T22:00+01:00',
      '2025-11-08T23:59:59.999+01:00',
    ],
    [
      'DST: Friday over the autumn change and Reformationstag',
      '2025-10-24T21:00+02:00',
      '2025-11-03T23:59:59.999+01:00',
    ],
    ['DST: spring change inside the period', '2025-03-27T20:00+01:00', '2025-04-04T23:59:59.999+02:00'],
    ['Maundy Thursday: Karfreitag and Ostermontag skipped', '2025-04-17T23:00+02:00', '2025-04-28T23:59:59.999+02:00'],
    ['Friday before Pfingstmontag', '2025-06-06T20:00+02:00', '2025-06-16T23:59:59.999+02:00'],
    ['Fronleichnam is a Werktag in SH', '2025-06-15T20:00+02:00', '2025-06-23T23:59:59.999+02:00'],
    ['Tag der Arbeit on a Saturday (2027) is no Werktag', '2027-04-26T20:00+02:00', '2027-05-05T23:59:59.999+02:00'],
    ['year end: over Christmas and New Year', '2025-12-22T20:00+01:00', '2026-01-02T23:59:59.999+01:00'],
  ])('%s', (_case, start, due) => {
    const o = reportToStateOffice({ provisionalIntakeAt: at(start) });
    expect(o?.basis).toBe('§ 42a Abs. 4 S. 1 SGB VIII (7 Werktage, Mo–Sa ohne Feiertage)');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('§ 42a Abs. 4 S. 1 SGB VIII: Werktage include Saturday, so the old Monday-Friday date is later than the law', () => {
    const o = reportToStateOffice({ provisionalIntakeAt: at('2025-05-02T10:00+02:00') });
    expect(o!.dueAt).toBeLessThan(at('2025-05-13T23:59:59.999+02:00'));
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

describe('§ 42a Abs. 2, § 42f SGB VIII: initial assessment, health statement and age assessment go with the report', () => {
  const start = at('2025-05-02T10:00+02:00');
  it.each([
    [
      'initial assessment (§ 42a Abs. 2 S. 1, Abs. 4 S. 2)',
      initialAssessment,
      '§ 42a Abs. 2 S. 1, Abs. 4 S. 2 SGB VIII',
    ],
    ['medical statement (§ 42a Abs. 2 S. 1 Nr. 4)', healthCheck, '§ 42a Abs. 2 S. 1 Nr. 4 SGB VIII'],
    ['age assessment (§ 42f Abs. 1, 2)', ageAssessment, '§ 42f Abs. 1, 2 SGB VIII'],
  ] as const)('%s: due Saturday 10.05.2025 with the report', (_case, rule, basis) => {
    const o = rule({ provisionalIntakeAt: start });
    expect(o?.basis).toBe(basis);
    expect(iso(o?.dueAt)).toBe(iso(at('2025-05-10T23:59:59.999+02:00')));
    expect(rule({ decisionAt: start })).toBeUndefined();
  });

  it('done by its own fact', () => {
    const done = at('2025-05-05T12:00+02:00');
    expect(initialAssessment({ provisionalIntakeAt: start, initialAssessmentAt: done })?.doneAt).toBe(done);
    expect(healthCheck({ provisionalIntakeAt: start, healthCheckAt: done })?.doneAt).toBe(done);
    expect(ageAssessment({ provisionalIntakeAt: start, ageAssessedAt: done })?.doneAt).toBe(done);
  });

  it('§ 42f Abs. 3 SGB VIII, § 33 SGB X: the written decision follows the assessment (Saturday -> Monday)', () => {
    expect(ageDecision({ provisionalIntakeAt: start })).toBeUndefined();
    const o = ageDecision({ provisionalIntakeAt: start, ageAssessedAt: at('2025-05-10T11:00+02:00') });
    expect(o).toMatchObject({ basis: '§ 42f Abs. 3 SGB VIII, § 33 SGB X', withoutUndueDelay: true });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-05-12T23:59:59.999+02:00')));
  });
});

describe('§ 42a Abs. 3a SGB VIII: identity check only with a doubt', () => {
  it('due the next working day (SH holiday Reformationstag 2025 skipped), done by the check', () => {
    expect(identityCheck({ provisionalIntakeAt: at('2025-10-30T20:00+01:00') })).toBeUndefined();
    const o = identityCheck({ identityDoubtAt: at('2025-10-30T20:00+01:00') });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-11-03T23:59:59.999+01:00')));
    const checked = at('2025-11-03T10:00+01:00');
    expect(identityCheck({ identityDoubtAt: at('2025-10-30T20:00+01:00'), identityCheckAt: checked })?.doneAt).toBe(
      checked,
    );
  });
});

describe('§ 42b Abs. 4 Nr. 4 SGB VIII: distribution excluded one month after the start of the § 42a measure', () => {
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
    expect(o?.basis).toBe('§ 42b Abs. 4 Nr. 4 SGB VIII (ab Beginn der vorläufigen Inobhutnahme)');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('is done when the distribution was decided', () => {
    const decided = at('2025-11-20T10:00+01:00');
    const o = distributionLimit({ provisionalIntakeAt: at('2025-11-12T15:00+01:00'), distributionDecidedAt: decided });
    expect(o?.doneAt).toBe(decided);
    const excluded = distributionLimit({
      provisionalIntakeAt: at('2025-11-12T15:00+01:00'),
      distributionExcludedAt: decided,
    });
    expect(excluded?.doneAt).toBe(decided);
  });

  it('§ 42b Abs. 4 Nr. 4 SGB VIII: runs from the start of the § 42a measure, not from the later age assessment (earlier reading)', () => {
    const o = distributionLimit({
      provisionalIntakeAt: at('2025-12-15T10:00+01:00'),
      ageAssessedAt: at('2025-12-20T10:00+01:00'),
    });
    expect(iso(o?.dueAt)).toBe(iso(at('2026-01-15T23:59:59.999+01:00')));
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

describe('§ 42 Abs. 3 S. 2 SGB VIII: family court after an objection by the end of the next working day', () => {
  it.each([
    ['Tuesday: Wednesday', '2025-11-04T10:00+01:00', '2025-11-05T23:59:59.999+01:00'],
    ['Friday before the autumn change: Monday', '2025-10-24T18:00+02:00', '2025-10-27T23:59:59.999+01:00'],
    ['Thursday before Reformationstag: Monday', '2025-10-30T10:00+01:00', '2025-11-03T23:59:59.999+01:00'],
    ['Maundy Thursday 2026: Tuesday after Ostermontag', '2026-04-02T10:00+02:00', '2026-04-07T23:59:59.999+02:00'],
    ['Friday before Pfingstmontag 2026: Tuesday', '2026-05-22T10:00+02:00', '2026-05-26T23:59:59.999+02:00'],
    ['Silvester: 2 January', '2025-12-31T10:00+01:00', '2026-01-02T23:59:59.999+01:00'],
  ])('%s', (_case, objection, due) => {
    const o = applyToFamilyCourt({ objectionAt: at(objection) });
    expect(o?.basis).toBe('§ 42 Abs. 3 S. 2 SGB VIII');
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

  it('does not apply without an objection, unreachable custodians or a § 8a Abs. 2 finding', () => {
    expect(applyToFamilyCourt({ decisionAt: at('2025-11-04T10:00+01:00') })).toBeUndefined();
  });

  it('§ 42 Abs. 3 S. 3 SGB VIII: custodians not reachable trigger the court too; a Saturday finding is due Monday', () => {
    const o = applyToFamilyCourt({ custodiansUnreachableAt: at('2025-11-08T03:00+01:00') });
    expect(o).toMatchObject({ basis: '§ 42 Abs. 3 S. 3 SGB VIII', withoutUndueDelay: true });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-11-10T23:59:59.999+01:00')));
    // Nobody to hand the child back to: only the application settles it.
    expect(
      applyToFamilyCourt({
        custodiansUnreachableAt: at('2025-11-08T03:00+01:00'),
        returnedToCustodiansAt: at('2025-11-09T03:00+01:00'),
      })?.doneAt,
    ).toBeUndefined();
  });

  it('§ 8a Abs. 2 S. 1 SGB VIII: the court is reachable without an objection; the earliest trigger counts', () => {
    const o = applyToFamilyCourt({
      courtNeededAt: at('2025-12-31T10:00+01:00'),
      objectionAt: at('2026-01-02T10:00+01:00'),
      returnedToCustodiansAt: at('2026-01-02T12:00+01:00'),
    });
    expect(o?.basis).toBe('§ 42 Abs. 3 S. 2, § 8a Abs. 2 S. 1 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at('2026-01-02T23:59:59.999+01:00')));
    expect(o?.doneAt).toBeUndefined();
  });
});

describe('§ 42 Abs. 2 S. 1, § 8 Abs. 1 SGB VIII: explain the measure to the child', () => {
  it('reminder 2 h after the start, across the spring DST change; done when explained', () => {
    const o = explainToChild({ ground: '42_1_2a', decisionAt: at('2025-03-30T01:30+01:00') });
    expect(o).toMatchObject({ basis: '§ 42 Abs. 2 S. 1, § 8 Abs. 1 SGB VIII', withoutUndueDelay: true });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-03-30T04:30+02:00')));
    const told = at('2025-03-30T09:00+02:00');
    expect(explainToChild({ decisionAt: at('2025-03-30T01:30+01:00'), childInformedAt: told })?.doneAt).toBe(told);
  });

  it('§ 42a Abs. 3 S. 2, § 8 Abs. 1 SGB VIII for a provisional intake', () => {
    expect(explainToChild({ ground: '42a', provisionalIntakeAt: at('2025-05-02T10:00+02:00') })?.basis).toBe(
      '§ 42a Abs. 3 S. 2, § 8 Abs. 1 SGB VIII',
    );
  });
});

describe('§ 8a Abs. 1 SGB VIII: joint risk assessment caught up the next working day', () => {
  it.each([
    ['Saturday night: Monday', '2025-11-08T02:00+01:00', '2025-11-10T23:59:59.999+01:00'],
    ['before SH holiday Reformationstag: Monday', '2025-10-30T22:00+01:00', '2025-11-03T23:59:59.999+01:00'],
    ['year end: Silvester -> 2 January', '2025-12-31T23:00+01:00', '2026-01-02T23:59:59.999+01:00'],
  ])('%s', (_case, decision, due) => {
    const o = jointRiskAssessment({ ground: '42_1_2a', decisionAt: at(decision) });
    expect(o?.basis).toBe('§ 8a Abs. 1 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at(due)));
  });

  it('not for an unaccompanied minor (Nr. 3, § 42a); done by the joint assessment', () => {
    expect(jointRiskAssessment({ ground: '42_1_3', decisionAt: at('2025-11-08T02:00+01:00') })).toBeUndefined();
    const joint = at('2025-11-10T10:00+01:00');
    expect(jointRiskAssessment({ decisionAt: at('2025-11-08T02:00+01:00'), jointAssessmentAt: joint })?.doneAt).toBe(
      joint,
    );
  });
});

describe('§ 42 Abs. 3 S. 5 SGB VIII: Hilfeplanverfahren when the custodians do not object', () => {
  const decisionAt = at('2025-11-07T23:00+01:00');
  it('starts once all are informed (Saturday -> Monday), not after an objection', () => {
    const o = helpPlan({ ground: '42_1_2a', decisionAt, custodiansInformedAt: at('2025-11-08T09:00+01:00') });
    expect(o).toMatchObject({ basis: '§ 42 Abs. 3 S. 5 SGB VIII', withoutUndueDelay: true });
    expect(iso(o?.dueAt)).toBe(iso(at('2025-11-10T23:59:59.999+01:00')));
    expect(helpPlan({ decisionAt, custodiansInformedAt: decisionAt, objectionAt: decisionAt })).toBeUndefined();
    expect(helpPlan({ decisionAt })).toBeUndefined();
  });

  it('done when initiated or when the measure ended', () => {
    const started = at('2025-11-10T09:00+01:00');
    expect(helpPlan({ decisionAt, custodiansInformedAt: decisionAt, helpPlanStartedAt: started })?.doneAt).toBe(
      started,
    );
    expect(helpPlan({ decisionAt, custodiansInformedAt: decisionAt, endedAt: started })?.doneAt).toBe(started);
  });
});

describe('§ 42 Abs. 3 S. 4 SGB VIII: Vormund or Pfleger for an unaccompanied minor', () => {
  it('Nr. 3: due the next working day after the decision (year end), done by the application', () => {
    const o = appointGuardian({ ground: '42_1_3', decisionAt: at('2025-12-31T20:00+01:00') });
    expect(o?.basis).toBe('§ 42 Abs. 3 S. 4 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at('2026-01-02T23:59:59.999+01:00')));
    const applied = at('2026-01-02T09:00+01:00');
    expect(
      appointGuardian({ ground: '42_1_3', decisionAt: at('2025-12-31T20:00+01:00'), guardianApplicationAt: applied })
        ?.doneAt,
    ).toBe(applied);
  });

  it('§ 42a: only once the distribution is excluded (§ 88a Abs. 2 S. 2); not for Nr. 1 and 2', () => {
    expect(appointGuardian({ ground: '42a', decisionAt: at('2025-11-03T10:00+01:00') })).toBeUndefined();
    const o = appointGuardian({ ground: '42a', distributionExcludedAt: at('2025-11-08T10:00+01:00') });
    expect(o?.basis).toBe('§ 42 Abs. 3 S. 4 i. V. m. § 88a Abs. 2 S. 2 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at('2025-11-10T23:59:59.999+01:00')));
    expect(appointGuardian({ ground: '42_1_2a', decisionAt: at('2025-11-03T10:00+01:00') })).toBeUndefined();
  });
});

describe('§ 42 Abs. 2 S. 5 SGB VIII: asylum application for Nr. 3 checked without delay', () => {
  it('due the next working day (DST autumn weekend), done when settled', () => {
    const o = asylumApplication({ ground: '42_1_3', decisionAt: at('2025-10-25T20:00+02:00') });
    expect(o?.basis).toBe('§ 42 Abs. 2 S. 5 SGB VIII');
    expect(iso(o?.dueAt)).toBe(iso(at('2025-10-27T23:59:59.999+01:00')));
    expect(asylumApplication({ ground: '42a', decisionAt: at('2025-10-25T20:00+02:00') })).toBeUndefined();
  });
});
