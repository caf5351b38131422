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
