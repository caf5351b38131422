import type { Intake } from '../shared/schema/intake';

/** Fictional intakes for the benchmarks: same shape and size as what the app writes, deterministic. */
const FIRST = ['Mia', 'Leon', 'Emma', 'Noah', 'Lina', 'Finn', 'Ella', 'Paul', 'Ida', 'Ben'];
const LAST = ['Musterkind', 'Beispiel', 'Erfunden', 'Probe', 'Testfall', 'Platzhalter', 'Vorlage', 'Muster'];

export const BENCH_BASE_TIME = Date.UTC(2025, 0, 1);

export function benchIntake(
  i: number,
  officeId = 'segeberg',
  userId = 'bereitschaft.segeberg',
  prefix = 'bench',
): Intake {
  const at = BENCH_BASE_TIME + i * 60_000;
  return {
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    officeId: officeId as Intake['officeId'],
    createdBy: userId,
    createdAt: at,
    updatedAt: at,
    updatedBy: userId,
    receivedAt: at - 30 * 60_000,
    child: { firstName: FIRST[i % FIRST.length], lastName: `${LAST[i % LAST.length]} ${i}`, estimatedAge: i % 18 },
    initiatedBy: 'police',
    situation: `Fiktiver Fall ${i}: Die Polizei meldet ein allein angetroffenes Kind, Eltern nicht erreichbar. Unterbringung in der Nacht erforderlich, Kind unverletzt.`,
    // Drafts: submitting needs the whole night record, which these do not carry.
    status: 'draft',
    conflicts: [],
  };
}
