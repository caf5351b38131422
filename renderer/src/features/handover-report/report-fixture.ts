import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import type { Entry } from '../../../../shared/schema/entry';
import type { Intake } from '../../../../shared/schema/intake';

/**
 * A fictional record for the report's tests: the demo night (call Tuesday 24.11.2026 23:00 Berlin), submitted
 * by the on-call worker, with a short log. Every person is made up.
 */
export const MIN = 60_000;
export const CALL_AT = Date.UTC(2026, 10, 24, 22, 0); // 23:00 Berlin (CET)
export const WORKER = { id: 'u-worker-1', displayName: 'Jana Fiktiv' };
export const SUPERVISOR = { id: 'u-lead-1', displayName: 'Dr. Petra Beispiel' };

export function reportIntake(overrides: Partial<Intake> = {}): Intake {
  return {
    id: 'intake-report-1',
    officeId: 'segeberg',
    createdBy: WORKER.id,
    createdAt: CALL_AT,
    updatedAt: CALL_AT + 200 * MIN,
    updatedBy: WORKER.id,
    status: 'submitted',
    conflicts: [],
    ...demoNightRecord(CALL_AT),
    handover: {
      summary: 'Mia ist gut in der Bereitschaftspflege angekommen.',
      openTasks: 'Mutter erneut anrufen.',
      caseworker: 'Herr Muster (ASD Nord)',
    },
    ...overrides,
  };
}

function entry(id: string, minutes: number, kind: Entry['kind'], text: string, extra: Partial<Entry> = {}): Entry {
  const at = CALL_AT + minutes * MIN;
  return {
    id,
    officeId: 'segeberg',
    intakeId: 'intake-report-1',
    kind,
    at,
    createdBy: WORKER.id,
    createdAt: at,
    updatedAt: at,
    text,
    ...extra,
  };
}

/** Given out of order on purpose: the report sorts by time. */
export function reportEntries(): Entry[] {
  return [
    entry('e-3', 70, 'placement', 'Rückruf in 10 Minuten zugesagt', {
      placement: { facilityName: 'Kinderhaus Fiktiv', answer: 'refused', reason: 'no_place' },
    }),
    entry('e-1', 2, 'call', 'Polizei meldet Kind allein in der Wohnung'),
    entry('e-2', 40, 'decision', 'Inobhutnahme nach § 42 Abs. 1 Nr. 2a entschieden'),
    entry('e-4', 150, 'placement', '', {
      placement: { facilityName: 'Bereitschaftspflege Segeberg 1', answer: 'accepted' },
    }),
    entry('e-5', 160, 'note', 'Absage kam vom Kinderhaus, nicht vom Träger', { correctsId: 'e-3' }),
    { ...entry('e-other', 5, 'note', 'Eintrag eines anderen Falls'), intakeId: 'intake-other' },
  ];
}

/**
 * A fictional unaccompanied 16-year-old (issue 13): § 42a from Friday 01:00, then § 42 Abs. 1 Nr. 3 as the linked
 * measure, with an interpreter, the initial assessment, the health sheet and a location kept secret.
 */
export function unaccompaniedIntake(): Intake {
  const start = CALL_AT;
  return reportIntake({
    child: { firstName: 'Amir', lastName: 'Fiktiv', estimatedAge: 16, claimedAge: 16 },
    initiatedBy: 'police',
    situation: 'Fiktiver Fall: Jugendlicher nachts allein am Bahnhof, unbegleitet eingereist.',
    call: { callerName: 'PK Beispiel (fiktiv)', policeFileNumber: 'DEMO-BPOL-0042', childLocation: 'Bahnhof' },
    risk: { indicators: ['unaccompanied'], childSeenInPerson: true },
    decision: {
      ground: '42_1_3',
      decidedAt: start + 3 * 24 * 60 * MIN,
      startAt: start + 3 * 24 * 60 * MIN,
      childInformedAt: start + 30 * MIN,
      childInformedHow: 'Mit Dolmetscher auf Dari erklärt',
    },
    placement: { facilityName: 'Jugendschutzhaus Norderstedt (fiktiv)', admittedAt: start + 120 * MIN },
    transport: {
      belongings: 'Rucksack, Handy, Ladekabel',
      medication: 'Salbutamol-Spray',
      insuranceCard: false,
      documents: 'Kopie der Registrierung (BÜMA)',
    },
    health: {
      insurer: 'keine (Krankenhilfe nach § 40 SGB VIII)',
      allergies: 'Penicillin',
      medicationPlan: 'Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich',
      injuries: 'Schürfwunde am Unterarm',
      injuriesPhotographed: true,
      photographedBy: 'Fachkraft Jana Fiktiv',
      medicalExamination: 'Kinderärztliche Untersuchung',
      medicalExaminationConsent: 'Jugendlicher, mit Dolmetscher aufgeklärt',
      contactAllowed: 'Bruder in Kiel (fiktiv)',
      contactForbidden: 'Begleiter aus der Unterkunft',
      locationSecret: true,
      locationSecretReason: 'Hinweise auf Schleuser',
      pickupForbidden: 'Begleiter aus der Unterkunft',
    },
    custody: { status: 'unknown' },
    custodians: [],
    provisional: {
      startAt: start + 20 * MIN,
      welfare: 'Verteilung gefährdet das Wohl nicht',
      relatives: 'Bruder in Kiel',
      siblings: 'keine weiteren',
      health: 'Asthma, sonst gesund',
      interpreter: 'Herr Dolmetsch (Dari, fiktiv)',
      medicalStatement: 'Ärztliche Stellungnahme angefragt',
      initialAssessmentAt: start + 24 * 60 * MIN,
      distributionOutcome: 'excluded',
      distributionDecidedAt: start + 2 * 24 * 60 * MIN,
    },
    ageAssessment: { method: 'qualified_visual', staff1: 'Fachkraft A', staff2: 'Fachkraft B', assessedAge: 16 },
    responsibility: {},
    statistics: undefined,
  });
}
