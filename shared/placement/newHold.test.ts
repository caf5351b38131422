import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { demoFacilities } from '../demo/facilities';
import { RXDB_SCHEMA_KEYWORDS } from '../schema/common';
import { holdWireSchema } from '../schema/hold';
import { freePlaces } from './freePlaces';
import { ageGroupAt, newHold, placementAgeGroup } from './newHold';

const ajv = new Ajv({ allErrors: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(holdWireSchema);

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 24, 1, 51);
const jsh = demoFacilities(NOW).find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
const input = {
  id: '6f1c2a4e-8b0d-4c3e-9f5a-1d2e3f4a5b6c',
  facility: jsh,
  officeId: 'segeberg' as const,
  intakeRef: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  ageGroup: '14_to_16' as const,
  sex: 'female' as const,
  userId: 'bereitschaft.segeberg',
  now: NOW,
};

describe('a new hold', () => {
  it("is held, expires after the facility's hours, is not over-booked, and fits the schema", () => {
    const hold = newHold(input);
    expect(hold).toMatchObject({
      status: 'held',
      from: NOW,
      createdAt: NOW,
      expiresAt: NOW + 4 * HOUR,
      overbooked: false,
    });
    expect(validWire({ ...hold, _deleted: false }), JSON.stringify(validWire.errors)).toBe(true);
    expect(freePlaces(jsh, [hold], NOW).free).toBe(freePlaces(jsh, [], NOW).free - 1);
  });

  it('expires counted from an earlier promise, never from the future', () => {
    expect(newHold({ ...input, from: NOW - HOUR }).expiresAt).toBe(NOW + 3 * HOUR);
    expect(newHold({ ...input, from: NOW + HOUR }).from).toBe(NOW);
  });

  it('is refused by the schema when the intake reference is not a UUID', () => {
    expect(validWire({ ...newHold({ ...input, intakeRef: 'demo-segeberg-1' }), _deleted: false })).toBe(false);
  });
});

describe('age group of a child for a hold', () => {
  // 24.11.2025 02:51 in Berlin.
  it.each([
    [{ birthDate: '2010-11-24' }, '14_to_16'], // 15th birthday today (Berlin)
    [{ birthDate: '2010-11-25' }, '14_to_16'], // 14 until tomorrow
    [{ birthDate: '2011-11-25' }, '12_to_14'], // 13
    [{ birthDate: '2007-11-24' }, undefined], // 18 today
    [{ estimatedAge: 15 }, '14_to_16'],
    [{ birthDate: '2023-01-01', estimatedAge: 15 }, 'under_3'], // a birth date beats an estimate
    [{}, undefined],
    [{ birthDate: '2030-01-01' }, undefined],
  ])('%j -> %s', (child, group) => {
    expect(ageGroupAt(child, NOW)).toBe(group);
  });

  it('counts the birthday on the Berlin calendar day, not UTC', () => {
    // 23.11.2025 23:30 UTC is already 24.11. in Berlin.
    expect(ageGroupAt({ birthDate: '2011-11-24' }, Date.UTC(2025, 10, 23, 23, 30))).toBe('14_to_16');
    expect(ageGroupAt({ birthDate: '2011-11-24' }, Date.UTC(2025, 10, 23, 22, 30))).toBe('12_to_14');
  });
});

describe('age group a placement states (issue 12: a record without an age still gets its placement)', () => {
  it.each([
    [{ birthDate: '2010-11-24' }, '14_to_16'],
    [{ estimatedAge: 4 }, '3_to_6'],
    [{ claimedAge: 16 }, '16_to_18'], // only the age the young person states
    [{ estimatedAge: 12, claimedAge: 16 }, '12_to_14'], // an estimate beats a statement
    [{}, 'unknown'],
    [{ birthDate: '2030-01-01' }, 'unknown'],
  ])('%j -> %s', (child, group) => {
    expect(placementAgeGroup(child, NOW)).toBe(group);
  });

  it('makes a valid placement with the age group unknown, which takes its place on the board', () => {
    const hold = newHold({ ...input, ageGroup: placementAgeGroup({}, NOW), status: 'held' });
    expect(validWire({ ...hold, _deleted: false })).toBe(true);
    expect(freePlaces(jsh, [hold], NOW).holdsSinceReport).toBe(1);
  });
});
