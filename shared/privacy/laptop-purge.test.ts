import { describe, expect, it } from 'vitest';

import type { Intake } from '../schema/intake';
import { laptopPurgeDays, laptopPurgeDue, purgedEntry, purgedIntake } from './laptop-purge';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 10, 2, 21, 0);

function record(review?: Intake['review'], updatedAt = t0): Intake {
  return {
    id: 'r1',
    officeId: 'pinneberg',
    createdBy: 'u1',
    createdAt: t0 - DAY,
    updatedAt,
    updatedBy: 'u2',
    receivedAt: t0 - DAY,
    child: { firstName: 'Fiktiv', lastName: 'Beispiel', birthDate: '2015-01-01' },
    situation: 'Fiktiver Text.',
    status: 'submitted',
    conflicts: [],
    ...(review ? { review } : {}),
    entrusted: [{ field: 'situation', source: 'Kind', at: t0, by: 'u1' }] as unknown as Intake['entrusted'],
  };
}

const handed = record({ state: 'handed_over', handedOverTo: 'segeberg', handedOverBy: 'u2', handedOverAt: t0 });
const facts = (over: Partial<Parameters<typeof laptopPurgeDue>[1]> = {}) => ({
  now: t0 + 30 * DAY,
  days: 30,
  unconfirmed: new Set<string>(),
  entries: [{ id: 'e1' }],
  ...over,
});

describe('laptop purge rule (issue 16, docs/datenschutz/loeschkonzept.md)', () => {
  it('lets a handed-over or closed record go once the days since its last change have passed', () => {
    expect(laptopPurgeDue(handed, facts())).toBe(true);
    expect(laptopPurgeDue(handed, facts({ now: t0 + 30 * DAY - 1 }))).toBe(false);
    expect(laptopPurgeDue(record({ state: 'closed' }), facts())).toBe(true);
  });

  it('keeps records still worked on, whatever their age', () => {
    for (const state of ['new', 'in_review', 'returned', 'countersigned'] as const) {
      expect(laptopPurgeDue(record({ state }), facts({ now: t0 + 400 * DAY }))).toBe(false);
    }
    expect(laptopPurgeDue(record(undefined), facts({ now: t0 + 400 * DAY }))).toBe(false);
  });

  it('never lets go what the server has not confirmed: the record, a log line, or an open conflict', () => {
    expect(laptopPurgeDue(handed, facts({ unconfirmed: new Set(['r1']) }))).toBe(false);
    expect(laptopPurgeDue(handed, facts({ unconfirmed: new Set(['e1']) }))).toBe(false);
    const conflicted = { ...handed, conflicts: [{}] as unknown as Intake['conflicts'] };
    expect(laptopPurgeDue(conflicted, facts())).toBe(false);
  });

  it('counts from the later of the last change and a fetch again', () => {
    expect(laptopPurgeDue(handed, facts({ fetchedAgainAt: t0 + 10 * DAY }))).toBe(false);
    expect(laptopPurgeDue(handed, facts({ fetchedAgainAt: t0 + 10 * DAY, now: t0 + 40 * DAY }))).toBe(true);
  });

  it('takes the machine policy value within 1..365 days, else the default', () => {
    expect(laptopPurgeDays(7)).toBe(7);
    expect(laptopPurgeDays(undefined)).toBe(30);
    expect(laptopPurgeDays(0)).toBe(30);
    expect(laptopPurgeDays(366)).toBe(30);
    expect(laptopPurgeDays(2.5)).toBe(30);
  });

  it('keeps ids, office and times of a purged record, none of its content', () => {
    const left = JSON.stringify([
      purgedIntake(handed),
      purgedEntry({
        id: 'e1',
        officeId: 'pinneberg',
        intakeId: 'r1',
        kind: 'note',
        at: t0,
        createdBy: 'u1',
        createdAt: t0,
        updatedAt: t0,
        text: 'Fiktive Zeile.',
      }),
    ]);
    for (const content of ['Fiktiv', 'Beispiel', '2015-01-01', 'Fiktiver Text', 'Kind', 'Fiktive Zeile', 'segeberg']) {
      expect(left).not.toContain(content);
    }
    expect(purgedIntake(handed)).toMatchObject({ id: 'r1', officeId: 'pinneberg', review: { state: 'handed_over' } });
  });
});
