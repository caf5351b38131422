import Ajv from 'ajv';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';

import { mergeDocuments } from '../sync/merge';
import { RXDB_SCHEMA_KEYWORDS } from './common';
import { forbiddenHoldChanges, holdRxSchema, type HoldWire, holdWireSchema, isAllowedHoldTransition } from './hold';

// strict as RxDB's ajv validator compiles it.
const ajv = new Ajv({ allErrors: true, strict: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(holdWireSchema);

const T0 = Date.UTC(2025, 10, 24, 1, 0);
const HOUR = 3_600_000;
const sample: HoldWire = {
  id: '6f1c2a4e-8b0d-4c3e-9f5a-1d2e3f4a5b6c',
  facilityId: 'jugendschutzhaus-norderstedt',
  officeId: 'segeberg',
  updatedAt: T0,
  updatedBy: 'u-segeberg-1',
  createdAt: T0,
  intakeRef: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  ageGroup: '14_to_16',
  sex: 'female',
  from: T0,
  expiresAt: T0 + 4 * HOUR,
  status: 'held',
  overbooked: false,
  conflicts: [],
  _deleted: false,
};

describe('hold schema', () => {
  it('accepts a hold on the wire', () => {
    expect(validWire(sample), JSON.stringify(validWire.errors)).toBe(true);
  });

  it.each([
    ['a childName field', { ...sample, childName: 'Mia Beispiel' }],
    ['a name inside intakeRef', { ...sample, intakeRef: 'Mia-Beispiel-2011' }],
    ['a name appended to a UUID in intakeRef', { ...sample, intakeRef: `${sample.intakeRef}-mia` }],
    ['an upper-case UUID in intakeRef (one spelling only)', { ...sample, intakeRef: sample.intakeRef.toUpperCase() }],
    ['a name as the hold id', { ...sample, id: 'mia-beispiel' }],
    ['a birth date instead of an age group', { ...sample, ageGroup: '2011-03-09' }],
    ['an age in years instead of an age group', { ...sample, ageGroup: 14 }],
    ['an unknown sex code', { ...sample, sex: 'w' }],
    ['an unknown status', { ...sample, status: 'reserved' }],
    ['an unknown office', { ...sample, officeId: 'hamburg' }],
    ['a missing overbooked flag', (({ overbooked: _, ...rest }) => rest)(sample)],
    ['a missing _deleted', (({ _deleted, ...rest }) => rest)(sample)],
    [
      'a name smuggled into a conflict value',
      {
        ...sample,
        conflicts: [{ id: 'c1', field: 'status', value: '"Mia Beispiel"', by: 'u1', at: T0 }],
      },
    ],
    [
      'a conflict on a field that cannot change',
      {
        ...sample,
        conflicts: [{ id: 'c1', field: 'intakeRef', value: '"held"', by: 'u1', at: T0 }],
      },
    ],
    [
      'an extra key inside a conflict',
      {
        ...sample,
        conflicts: [{ id: 'c1', field: 'status', value: '"held"', by: 'u1', at: T0, note: 'Mia' }],
      },
    ],
  ])('rejects %s', (_name, doc) => {
    expect(validWire(doc)).toBe(false);
  });

  it('keeps the losing value of a concurrent status change in a form the schema accepts', () => {
    const local = { ...sample, status: 'occupied' as const, updatedAt: T0 + 10, updatedBy: 'u-a' };
    const remote = { ...sample, status: 'released' as const, updatedAt: T0 + 20, updatedBy: 'u-b' };
    const merged = mergeDocuments(sample, local, remote);
    expect(merged.status).toBe('released');
    expect(merged.conflicts).toEqual([expect.objectContaining({ field: 'status', value: '"occupied"', by: 'u-a' })]);
    expect(validWire(merged), JSON.stringify(validWire.errors)).toBe(true);
  });

  it('is a valid RxDB schema with clear, indexable fields only', () => {
    expect(() => checkSchema(holdRxSchema)).not.toThrow();
    expect('encrypted' in holdRxSchema).toBe(false);
  });
});

describe('hold rules', () => {
  it.each([
    [undefined, 'held', true],
    [undefined, 'occupied', true],
    [undefined, 'released', false],
    [undefined, 'expired', false],
    ['held', 'occupied', true],
    ['held', 'released', true],
    ['held', 'expired', true],
    ['occupied', 'released', true],
    ['occupied', 'held', false],
    ['occupied', 'expired', false],
    ['released', 'held', false],
    ['expired', 'occupied', false],
    ['expired', 'expired', true],
    [undefined, 'requested', true],
    [undefined, 'confirmed', true],
    [undefined, 'refused', true],
    ['requested', 'held', true],
    ['requested', 'confirmed', true],
    ['held', 'confirmed', true],
    ['held', 'requested', false],
    ['confirmed', 'held', false],
    ['confirmed', 'expired', false],
    ['confirmed', 'occupied', true],
    ['refused', 'held', false],
    ['refused', 'confirmed', false],
  ] as const)('status %s -> %s allowed: %s', (from, to, allowed) => {
    expect(isAllowedHoldTransition(from, to)).toBe(allowed);
  });

  it('lets a client change status, age group and sex but nothing fixed and never the overbooked flag', () => {
    const { _deleted, ...before } = sample;
    expect(
      forbiddenHoldChanges(before, {
        ...before,
        status: 'occupied',
        ageGroup: '16_to_18',
        sex: 'diverse',
        updatedAt: T0 + 1,
      }),
    ).toEqual([]);
    expect(forbiddenHoldChanges(before, { ...before, facilityId: 'other', expiresAt: T0 + 9 * HOUR })).toEqual([
      'facilityId',
      'expiresAt',
    ]);
    expect(forbiddenHoldChanges(before, { ...before, overbooked: true })).toEqual(['overbooked']);
    expect(forbiddenHoldChanges(undefined, { ...before, overbooked: true })).toEqual(['overbooked']);
    expect(forbiddenHoldChanges(undefined, before)).toEqual([]);
  });
});
