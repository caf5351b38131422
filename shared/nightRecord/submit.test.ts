import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import type { Intake } from '../schema/intake';
import { missingLabel } from './fieldLabel';
import { missingForSubmit, submitGaps, type SubmittableIntake } from './submit';

const START = Date.UTC(2025, 4, 17, 0, 30);
const complete = (): SubmittableIntake => structuredClone(demoNightRecord(START));
const withStatus = (doc: SubmittableIntake, status: Intake['status']) => ({ ...doc, status });

describe('missingForSubmit', () => {
  it('finds nothing missing in a complete record', () => {
    expect(missingForSubmit(complete())).toEqual([]);
  });

  it('names every legally required field of an empty draft, in the order of the night', () => {
    expect(missingForSubmit({ child: { firstName: '', lastName: '' }, situation: '' })).toEqual([
      'child.firstName',
      'child.lastName',
      'child.birthDate',
      'initiatedBy',
      'situation',
      'risk.assessment',
      'risk.childSeenInPerson',
      'decision.ground',
      'decision.decidedAt',
      'decision.startAt',
      'decision.reasons',
      'placement.facilityName',
      'placement.admittedAt',
      'placement.accommodation',
      'trustedPerson.offered',
      'custodians',
      'responsibility.locationBeforeOfficeId',
      'statistics.sex',
    ]);
  });

  const cases: { name: string; change: (doc: SubmittableIntake) => void; missing: string[] }[] = [
    {
      name: 'an estimated age stands for the birth date',
      change: (d) => void (d.child = { firstName: 'A', lastName: 'B', estimatedAge: 0 }),
      missing: [],
    },
    { name: '"not seen in person" is an answer', change: (d) => void (d.risk!.childSeenInPerson = false), missing: [] },
    {
      name: 'a blank text counts as missing',
      change: (d) => void (d.decision!.reasons = '  '),
      missing: ['decision.reasons'],
    },
    {
      name: 'a custodian neither informed nor tried',
      change: (d) => void (d.custodians = [{ id: 'c9', role: 'father', name: 'X' }]),
      missing: ['custodians[c9].informedAt'],
    },
    {
      name: 'informed, but not how',
      change: (d) => void (d.custodians = [{ id: 'c9', informedAt: START }]),
      missing: ['custodians[c9].channel'],
    },
    {
      name: 'an objection without its time',
      change: (d) => void (d.custodians = [{ id: 'c9', informedAt: START, channel: 'phone', objection: true }]),
      missing: ['custodians[c9].objectionAt'],
    },
    {
      name: 'an unaccompanied minor needs no custodians',
      change: (d) => void ((d.decision!.ground = '42_1_3'), (d.custodians = [])),
      missing: [],
    },
    {
      name: 'a §42a intake needs its start and, without papers, an age assessment with reasons',
      change: (d) => void ((d.decision!.ground = '42a'), (d.custodians = [])),
      missing: ['provisional.startAt', 'ageAssessment.method', 'ageAssessment.reasons'],
    },
    {
      name: 'a qualified visual assessment names two staff',
      change: (d) =>
        void (
          (d.decision!.ground = '42a'),
          (d.provisional = { startAt: START }),
          (d.ageAssessment = { method: 'qualified_visual', reasons: 'Erscheinungsbild', staff1: 'Fachkraft A' })
        ),
      missing: ['ageAssessment.staff2'],
    },
    {
      name: 'a birth date spares the age assessment',
      change: (d) =>
        void ((d.decision!.ground = '42a'), (d.provisional = { startAt: START }), (d.child.birthDate = '2010-01-01')),
      missing: [],
    },
    {
      name: 'a Freiheitsentziehung, once begun, needs reason and start',
      change: (d) => void (d.freedomDeprivation = { policeInvolved: true }),
      missing: ['freedomDeprivation.startAt', 'freedomDeprivation.reason'],
    },
    {
      name: 'a deviating responsible office needs a reason',
      change: (d) => void (d.responsibility = { locationBeforeOfficeId: 'segeberg', overrideOfficeId: 'stormarn' }),
      missing: ['responsibility.overrideReason'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const doc = complete();
      c.change(doc);
      expect(missingForSubmit(doc)).toEqual(c.missing);
    });
  }

  it('names the gaps in German, a list item by its person', () => {
    const doc = complete();
    doc.custodians = [{ id: 'c9', role: 'father', name: 'Max Beispiel' }];
    expect(missingForSubmit(doc).map((p) => missingLabel(p, doc))).toEqual([
      '7 · Personensorgeberechtigte (Vater, Max Beispiel) – Informiert am – oder die Erreichbarkeitsversuche',
    ]);
    expect(missingLabel('child.birthDate')).toBe('Geburtsdatum oder geschätztes Alter');
    expect(missingLabel('decision.ground')).toBe('3 · Entscheidung und Rechtsgrundlage – Rechtsgrundlage');
  });
});

describe('submitGaps', () => {
  const sparse: SubmittableIntake = {
    child: { firstName: 'A', lastName: 'B', estimatedAge: 3 },
    initiatedBy: 'child',
    situation: 'kurz',
  };

  it('lets a draft have gaps and refuses a submission with gaps', () => {
    expect(submitGaps(withStatus(sparse, 'draft'))).toEqual([]);
    expect(submitGaps(withStatus(sparse, 'submitted'), withStatus(sparse, 'draft'))).toContain('decision.ground');
    expect(submitGaps(withStatus(complete(), 'submitted'), withStatus(sparse, 'draft'))).toEqual([]);
  });

  it('lets a record submitted under older rules be corrected, but no write may open a new gap', () => {
    const older = withStatus(sparse, 'submitted');
    expect(submitGaps({ ...older, situation: 'korrigiert' }, older)).toEqual([]);
    expect(submitGaps({ ...older, initiatedBy: undefined }, older)).toEqual(['initiatedBy']);
  });
});
