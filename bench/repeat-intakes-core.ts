import { findRepeatIntakes, type RepeatRecord } from '../shared/intakes/repeatIntakes';
import { summarize, type Summary } from './stats';

/**
 * The repeat-intake match (shared/intakes/repeatIntakes.ts) as the record's panel runs it: over every record of the
 * local store, once per change of the child's name or birth date. The store is made of fictional children with
 * names from small lists, so many records share a first or a last name and a few share both.
 */
const FIRST = ['Lea', 'Mia', 'Ben', 'Noah', 'Emma', 'Finn', 'Lina', 'Paul', 'Ida', 'Ole', 'Malte', 'Jördis', 'Sönke'];
const LAST = ['Müller', 'Schmidt', 'Hansen', 'Petersen', 'Jensen', 'Möller', 'Lüders', 'Thomsen', 'Kröger', 'Voß'];
const OFFICES = ['segeberg', 'stormarn', 'herzogtum-lauenburg', 'pinneberg', 'norderstedt'];
const DAY = 86_400_000;

export type RepeatBenchResult = { records: number; runs: number; matches: number; match: Summary };

export function makeRecords(n: number, now: number): RepeatRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const year = 2008 + (i % 10);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      id: `bench-${i}`,
      officeId: OFFICES[i % OFFICES.length],
      receivedAt: now - (1 + (i % 700)) * DAY,
      child: {
        firstName: FIRST[i % FIRST.length],
        lastName: LAST[Math.floor(i / FIRST.length) % LAST.length],
        ...(i % 4 === 0 ? { estimatedAge: 6 + (i % 11) } : { birthDate: `${year}-${month}-${day}` }),
      },
      ...(i % 3 === 0 ? { placement: { facilityName: `Einrichtung ${i % 40}` } } : {}),
    };
  });
}

export function benchRepeatIntakes(records: number, runs: number): RepeatBenchResult {
  const now = Date.parse('2026-11-20T02:00+01:00');
  const store = makeRecords(records, now);
  // A child of the store, typed again with the names the other way round and in another spelling.
  const known = store[records - 7].child;
  const current: RepeatRecord = {
    id: 'typed',
    officeId: store[records - 7].officeId,
    receivedAt: now,
    child: { ...known, firstName: known.lastName.replace('ü', 'ue'), lastName: known.firstName.toUpperCase() },
  };
  const times: number[] = [];
  let matches = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    matches = findRepeatIntakes(current, store, current.officeId).length;
    times.push(performance.now() - t0);
  }
  return { records, runs, matches, match: summarize(times) };
}
