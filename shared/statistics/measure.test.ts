import { describe, expect, it } from 'vitest';

import { LEGAL_GROUNDS } from '../catalogues/nightRecord';
import { demoNightRecord } from '../demo/nightRecord';
import type { Intake } from '../schema/intake';
import { catalogueFor } from './catalogue';
import { gapFields, gapText } from './labels';
import { measuresOf, measureStatistics, type StatisticsIntake } from './measure';

const at = (iso: string) => Date.parse(iso);
const START = at('2025-05-10T22:00+02:00');
const END = at('2025-05-12T12:00+02:00');
const catalogue = catalogueFor(2025);

/** A complete record (the demo night) with its statistics facts and an end, then `change` applied. */
function record(change: (doc: Intake) => void = () => {}): StatisticsIntake {
  const night = demoNightRecord(START - 45 * 60_000, {
    firstName: 'Lina',
    lastName: 'Beispiel',
    birthDate: '2011-05-10',
  });
  const doc: Intake = {
    ...night,
    id: 'r1',
    officeId: 'segeberg',
    createdBy: 'u',
    createdAt: START,
    updatedAt: START,
    updatedBy: 'u',
    status: 'submitted',
    conflicts: [],
    decision: { ...night.decision, startAt: START },
    statistics: { ...night.statistics, repeatedThisYear: false, ranAwayBefore: false },
    end: { endedAt: END, reason: 'return_to_custodians' },
  };
  change(doc);
  return doc;
}
const map = (change?: (doc: Intake) => void) => measureStatistics(record(change), catalogue);

describe('a complete record', () => {
  it('maps every field and has no gap', () => {
    expect(map()).toEqual({
      id: 'r1',
      measureId: 'r1',
      carrier: 'public',
      measureKind: '42',
      sex: 'female',
      ageGroup: '14_to_16',
      foreignOrigin: 'no',
      residenceBefore: 'single_parent',
      accommodation: 'suitable_person',
      initiatedBy: 'police',
      previousAssessment8a: 'no',
      repeated: 'no',
      objection: 'no',
      ranAway: 'no',
      occasion: 'urgent_danger',
      reasons: ['neglect'],
      start: START,
      end: END,
      durationDays: 2,
      endReason: 'return_to_custodians',
      gaps: [],
    });
  });
});

describe('Art des Trägers', () => {
  it.each([
    [true, 'free'],
    [false, 'public'],
  ])('freeProvider %s -> %s', (free, carrier) => {
    expect(map((d) => (d.placement!.freeProvider = free)).carrier).toBe(carrier);
  });

  it('is a gap when not recorded', () => {
    const m = map((d) => delete d.placement!.freeProvider);
    expect(m.carrier).toBeUndefined();
    expect(m.gaps).toEqual([{ field: 'carrier', problem: 'missing' }]);
  });
});

describe('Art der Maßnahme and Anlass from the legal ground', () => {
  it.each([
    ['42_1_1', '42', 'self_referral'],
    ['42_1_2a', '42', 'urgent_danger'],
    ['42_1_2b', '42', 'urgent_danger'],
    ['42_1_3', '42', 'unaccompanied_entry'],
    ['42a', '42a', 'unaccompanied_entry'],
  ] as const)('%s -> § %s, %s', (ground, kind, occasion) => {
    const m = map((d) => (d.decision!.ground = ground));
    expect([m.measureKind, m.occasion]).toEqual([kind, occasion]);
  });

  it('covers every legal ground', () => {
    expect(Object.keys(catalogue.measureKind).sort()).toEqual([...LEGAL_GROUNDS].sort());
  });

  it('leaves both open without a ground', () => {
    const m = map((d) => delete d.decision!.ground);
    expect(m.gaps).toEqual([
      { field: 'measureKind', problem: 'missing' },
      { field: 'occasion', problem: 'missing' },
    ]);
  });
});

describe('Geschlecht', () => {
  it.each(['male', 'female', 'diverse', 'unspecified'] as const)('%s', (sex) => {
    expect(map((d) => (d.statistics!.sex = sex)).sex).toBe(sex);
  });
  it('is a gap when not recorded', () => {
    expect(map((d) => delete d.statistics!.sex).gaps).toEqual([{ field: 'sex', problem: 'missing' }]);
  });
});

describe('Altersgruppe at the start', () => {
  const withChild = (child: Partial<Intake['child']>, startIso = '2025-05-10T22:00+02:00') =>
    map((d) => {
      d.child = { firstName: 'A', lastName: 'B', ...child };
      d.decision!.startAt = at(startIso);
    });

  it.each([
    ['2011-05-10', '14_to_16', '14th birthday on the day of the start'],
    ['2011-05-11', '12_to_14', '14th birthday the day after'],
    ['2022-05-10', '3_to_6', '3rd birthday on the day'],
    ['2022-05-11', 'under_3', 'one day short of 3'],
    ['2019-05-10', '6_to_9', '6 on the day'],
    ['2016-05-10', '9_to_12', '9 on the day'],
    ['2013-05-10', '12_to_14', '12 on the day'],
    ['2009-05-10', '16_to_18', '16 on the day'],
    ['2025-05-10', 'under_3', 'born that day'],
  ] as const)('born %s -> %s (%s)', (birthDate, group, _why) => {
    expect(withChild({ birthDate }).ageGroup).toBe(group);
  });

  it('counts the birthday on the Berlin calendar day, not the UTC day', () => {
    // 14.06.2025 00:30 in Berlin is 13.06. 22:30 UTC: the 16th birthday has come in Berlin.
    expect(withChild({ birthDate: '2009-06-14' }, '2025-06-14T00:30+02:00').ageGroup).toBe('16_to_18');
    expect(withChild({ birthDate: '2009-06-14' }, '2025-06-13T23:30+02:00').ageGroup).toBe('14_to_16');
  });

  it('is no minor on the 18th birthday', () => {
    const m = withChild({ birthDate: '2007-05-10' });
    expect(m.ageGroup).toBeUndefined();
    expect(m.gaps).toEqual([{ field: 'ageGroup', problem: 'not_a_minor' }]);
    expect(withChild({ birthDate: '2007-05-11' }).ageGroup).toBe('16_to_18');
  });

  it('takes the estimate without a birth date, the age assessment over the estimate, the birth date over both', () => {
    expect(withChild({ estimatedAge: 13 }).ageGroup).toBe('12_to_14');
    const assessed = (child: Partial<Intake['child']>, assessedAge: number) =>
      map((d) => {
        d.child = { firstName: 'A', lastName: 'B', ...child };
        d.ageAssessment = { method: 'qualified_visual', assessedAge };
      }).ageGroup;
    expect(assessed({ estimatedAge: 13 }, 16)).toBe('16_to_18');
    expect(assessed({ birthDate: '2011-05-10', estimatedAge: 17 }, 17)).toBe('14_to_16');
  });

  it('§ 99 Abs. 2 SGB VIII: a measure ended as adult by the age assessment (§ 42f) counts with the age claimed at the start', () => {
    const ended = map((d) => {
      d.decision = { ground: '42a', startAt: START };
      d.child = { firstName: 'A', lastName: 'B', claimedAge: 16, estimatedAge: 17 };
      d.ageAssessment = { method: 'qualified_visual', assessedAge: 19, result: 'adult' };
      d.end = { endedAt: END, reason: 'adult' };
    });
    expect(ended.ageGroup).toBe('16_to_18');
    expect(ended.gaps).not.toContainEqual({ field: 'ageGroup', problem: 'not_a_minor' });
    // Only the assessment's adult age known: a gap to fill (the claimed age), never "not a minor at the start".
    const onlyAssessed = map((d) => {
      d.child = { firstName: 'A', lastName: 'B' };
      d.ageAssessment = { method: 'qualified_visual', assessedAge: 19 };
      d.end = { endedAt: END, reason: 'adult' };
    });
    expect(onlyAssessed.gaps).toContainEqual({ field: 'ageGroup', problem: 'missing' });
  });

  it('is a gap without birth date and age, or with a birth date but no start', () => {
    expect(withChild({}).gaps).toEqual([{ field: 'ageGroup', problem: 'missing' }]);
    const noStart = map((d) => delete d.decision!.startAt);
    expect(noStart.gaps.map((g) => g.field)).toEqual(['ageGroup', 'start', 'durationDays']);
    const estimatedNoStart = map((d) => {
      d.child = { firstName: 'A', lastName: 'B', estimatedAge: 10 };
      delete d.decision!.startAt;
    });
    expect(estimatedNoStart.ageGroup).toBe('9_to_12');
  });
});

describe('Ausländische Herkunft mindestens eines Elternteils', () => {
  it.each([
    ['yes', 'yes'],
    ['no', 'no'],
  ] as const)('%s -> %s', (raw, category) => {
    expect(map((d) => (d.statistics!.foreignOriginParent = raw)).foreignOrigin).toBe(category);
  });

  it('cannot report "unknown" in 2025, nor a missing answer', () => {
    expect(map((d) => (d.statistics!.foreignOriginParent = 'unknown')).gaps).toEqual([
      { field: 'foreignOrigin', problem: 'not_reportable' },
    ]);
    expect(map((d) => delete d.statistics!.foreignOriginParent).gaps).toEqual([
      { field: 'foreignOrigin', problem: 'missing' },
    ]);
  });
});

describe('coded facts taken over as they are', () => {
  it('maps Aufenthalt vor der Maßnahme, Unterbringung and Angeregt durch', () => {
    const m = map((d) => {
      d.statistics!.residenceBefore = 'hospital_after_birth';
      d.placement!.accommodation = 'other_supervised';
      d.initiatedBy = 'school_daycare';
    });
    expect([m.residenceBefore, m.accommodation, m.initiatedBy]).toEqual([
      'hospital_after_birth',
      'other_supervised',
      'school_daycare',
    ]);
  });

  it('names each one missing', () => {
    const m = map((d) => {
      delete d.statistics!.residenceBefore;
      delete d.placement!.accommodation;
      delete d.initiatedBy;
    });
    expect(m.gaps.map((g) => g.field)).toEqual(['residenceBefore', 'accommodation', 'initiatedBy']);
  });
});

describe('yes/no facts', () => {
  it('maps § 8a, repeated and ran away as recorded', () => {
    const m = map((d) => {
      d.risk!.previousAssessment8a = true;
      d.statistics!.repeatedThisYear = true;
      d.statistics!.ranAwayBefore = true;
    });
    expect([m.previousAssessment8a, m.repeated, m.ranAway]).toEqual(['yes', 'yes', 'yes']);
  });

  it('names each one not answered', () => {
    const m = map((d) => {
      delete d.risk!.previousAssessment8a;
      delete d.statistics!.repeatedThisYear;
      delete d.statistics!.ranAwayBefore;
    });
    expect(m.gaps.map((g) => g.field)).toEqual(['previousAssessment8a', 'repeated', 'ranAway']);
  });

  it('counts an objection of any custodian; none recorded is no objection', () => {
    const custodian = (id: string, objection?: boolean) => ({ id, ...(objection !== undefined && { objection }) });
    expect(map((d) => (d.custodians = [custodian('a', false), custodian('b', true)])).objection).toBe('yes');
    expect(map((d) => (d.custodians = [custodian('a', false), custodian('b')])).objection).toBe('no');
    const none = map((d) => (d.custodians = []));
    expect(none.objection).toBe('no');
    expect(none.gaps).toEqual([]);
  });
});

describe('Gründe', () => {
  it('keeps several reasons', () => {
    expect(map((d) => (d.statistics!.reasons = ['physical_abuse', 'neglect', 'housing_problems'])).reasons).toEqual([
      'physical_abuse',
      'neglect',
      'housing_problems',
    ]);
  });

  it('needs at least one', () => {
    expect(map((d) => (d.statistics!.reasons = [])).gaps).toEqual([{ field: 'reasons', problem: 'missing' }]);
    expect(map((d) => delete d.statistics!.reasons).gaps).toEqual([{ field: 'reasons', problem: 'missing' }]);
  });
});

describe('Beginn, Ende, Dauer', () => {
  it('takes the start of a provisional intake (§ 42a) when the decision has none, for § 42a only', () => {
    const provisional = at('2025-05-09T08:00+02:00');
    const m = map((d) => {
      d.decision = { ground: '42a' };
      d.provisional = { startAt: provisional };
    });
    expect([m.start, m.durationDays]).toEqual([provisional, 3]);
    const m42 = map((d) => {
      d.decision = { ground: '42_1_2a' };
      d.provisional = { startAt: provisional };
    });
    expect(m42.start).toBeUndefined();
  });

  it('counts calendar days in Berlin across the clock changes', () => {
    const spring = map((d) => {
      d.decision!.startAt = at('2025-03-29T23:30+01:00');
      d.end!.endedAt = at('2025-03-30T23:10+02:00');
    });
    const autumn = map((d) => {
      d.decision!.startAt = at('2025-10-26T00:10+02:00');
      d.end!.endedAt = at('2025-10-26T23:50+01:00');
    });
    expect([spring.durationDays, autumn.durationDays]).toEqual([1, 0]);
  });

  it('refuses a duration when the end lies before the start', () => {
    const m = map((d) => (d.end!.endedAt = START - 60_000));
    expect(m.durationDays).toBeUndefined();
    expect(m.gaps).toEqual([{ field: 'durationDays', problem: 'end_before_start' }]);
  });

  it('names a missing end and a missing end reason', () => {
    expect(map((d) => delete d.end).gaps).toEqual([
      { field: 'end', problem: 'missing' },
      { field: 'durationDays', problem: 'missing' },
      { field: 'endReason', problem: 'missing' },
    ]);
  });

  it.each(['foster_family', 'other_office', 'adult'] as const)('takes the end reason %s', (reason) => {
    expect(map((d) => (d.end!.reason = reason)).endReason).toBe(reason);
  });
});

describe('gaps in German', () => {
  it('names the fields in column order and says where to fill them in', () => {
    const m = map((d) => {
      delete d.end!.reason;
      delete d.statistics!.sex;
      d.statistics!.foreignOriginParent = 'unknown';
    });
    expect(gapFields(m)).toBe('Geschlecht, Ausländische Herkunft mindestens eines Elternteils, Ende/Anschlusshilfe');
    expect(m.gaps.map(gapText)).toEqual([
      'Geschlecht: fehlt – einzutragen unter Angaben für die Statistik – Geschlecht',
      'Ausländische Herkunft mindestens eines Elternteils: Angabe ist im Berichtsjahr nicht meldbar (z. B. „unbekannt“) – ' +
        'einzutragen unter Angaben für die Statistik – Ausländische Herkunft mindestens eines Elternteils',
      'Ende/Anschlusshilfe: fehlt – einzutragen unter 13 · Beendigung – Grund der Beendigung / Anschlusshilfe',
    ]);
  });

  it('names a field once when both kind and occasion lack the ground', () => {
    expect(gapFields(map((d) => delete d.decision!.ground))).toBe('Art der Maßnahme, Anlass');
  });
});

describe('§ 99 Abs. 2 SGB VIII: the sequence § 42a -> § 42 Abs. 1 S. 1 Nr. 3 is two measures of one record', () => {
  const provisionalStart = at('2025-12-30T22:00+01:00');
  const followingStart = at('2026-01-02T10:00+01:00');
  const linked = record((d) => {
    d.decision = { ground: '42_1_3', startAt: followingStart };
    d.provisional = { startAt: provisionalStart };
    d.end = { endedAt: at('2026-01-20T10:00+01:00'), reason: 'residential_care' };
  });

  it('splits over the year end: the § 42a measure ends when the § 42 measure starts', () => {
    const parts = measuresOf(linked);
    expect(parts.map((p) => p.measureId)).toEqual(['r1#42a', 'r1']);
    const [first, second] = parts.map((p) => measureStatistics(p.intake, catalogue, p.measureId));
    expect(first).toMatchObject({
      id: 'r1',
      measureKind: '42a',
      start: provisionalStart,
      end: followingStart,
      durationDays: 3,
      endReason: 'followed_by_42',
    });
    expect(second).toMatchObject({
      id: 'r1',
      measureKind: '42',
      occasion: 'unaccompanied_entry',
      start: followingStart,
    });
  });

  it('a single measure stays one', () => {
    expect(measuresOf(record()).map((p) => p.measureId)).toEqual(['r1']);
  });
});

describe('statistics catalogue per report year', () => {
  it.each([
    [2024, null],
    [2025, 'followed_by_42'],
  ] as const)('report year %s maps the end reason added with the 2025 form to %s', (year, expected) => {
    expect(catalogueFor(year).endReason.followed_by_42).toBe(expected);
    expect(catalogueFor(year).residenceBefore.reception_centre).toBe(expected && 'reception_centre');
  });
});
