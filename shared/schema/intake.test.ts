import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import { RXDB_SCHEMA_KEYWORDS } from './common';
import { intakeRxSchema, type IntakeWire, intakeWireSchema, isAllowedIntakeTransition } from './intake';
import { NIGHT_RECORD_SECTIONS } from './nightRecord';

const ajv = new Ajv({ allErrors: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(intakeWireSchema);

const sample: IntakeWire = {
  id: 'intake-1',
  officeId: 'segeberg',
  createdBy: 'u1',
  createdAt: 1_764_000_000_000,
  updatedAt: 1_764_000_000_000,
  updatedBy: 'u1',
  receivedAt: 1_764_000_000_000,
  child: { firstName: 'Mia', lastName: 'Beispiel', estimatedAge: 9 },
  initiatedBy: 'police',
  situation: 'Polizei meldet Kind allein in Wohnung.',
  status: 'draft',
  conflicts: [],
  _deleted: false,
};

describe('intake schema', () => {
  it('accepts a complete intake on the wire', () => {
    expect(validWire(sample), JSON.stringify(validWire.errors)).toBe(true);
  });

  it.each([
    ['an unknown field', { ...sample, extra: 1 }],
    ['an unknown office', { ...sample, officeId: 'hamburg' }],
    ['a string time', { ...sample, receivedAt: '2025-01-01' }],
    ['a fractional time', { ...sample, receivedAt: 1.5 }],
    ['a wrong status', { ...sample, status: 'done' }],
    ['an unknown "angeregt durch"', { ...sample, initiatedBy: 'mayor' }],
    ['a birth date in the wrong form', { ...sample, child: { ...sample.child, birthDate: '01.02.2015' } }],
    ['an unknown field in the child', { ...sample, child: { ...sample.child, nickname: 'x' } }],
    ['a missing _deleted', (({ _deleted, ...rest }) => rest)(sample)],
    ['an id with a slash', { ...sample, id: 'a/b' }],
    ['an unknown legal ground', { ...sample, decision: { ground: '42_9' } }],
    ['an unknown field in a section', { ...sample, risk: { mood: 'x' } }],
    ['a custodian without id', { ...sample, custodians: [{ name: 'Mutter' }] }],
    ['an unknown risk indicator', { ...sample, risk: { indicators: ['bad_vibes'] } }],
    ['a repeated risk indicator', { ...sample, risk: { indicators: ['neglect', 'neglect'] } }],
    ['an unknown office as the place before', { ...sample, responsibility: { locationBeforeOfficeId: 'hamburg' } }],
  ])('rejects %s', (_name, doc) => {
    expect(validWire(doc)).toBe(false);
  });

  it('keeps personal data encrypted at rest and indexes only clear bookkeeping fields', () => {
    expect(intakeRxSchema.encrypted).toEqual(expect.arrayContaining(['child', 'situation', 'conflicts']));
    const indexed = intakeRxSchema.indexes.flat();
    for (const field of indexed) expect(intakeRxSchema.encrypted as readonly string[]).not.toContain(field);
  });

  it("accepts the whole night record (version 4, with the review, the legal duties' facts and an entrusted mark) on the wire", () => {
    const entrusted = [{ id: 'm1', field: 'risk.assessment', from: 'Nachbarin', markedBy: 'u1', markedAt: 1 }];
    const full = { ...sample, ...demoNightRecord(sample.receivedAt), status: 'submitted', entrusted };
    expect(validWire(full), JSON.stringify(validWire.errors)).toBe(true);
    expect(intakeRxSchema.version).toBe(6);
    expect(intakeRxSchema.encrypted).toContain('entrusted');
  });

  it('encrypts every section of the night record', () => {
    expect(intakeRxSchema.encrypted).toEqual(expect.arrayContaining([...NIGHT_RECORD_SECTIONS]));
    expect(NIGHT_RECORD_SECTIONS.slice(0, 4)).toEqual(['call', 'risk', 'decision', 'freedomDeprivation']);
  });

  it('allows submitting a draft but not reopening a submitted record', () => {
    expect(isAllowedIntakeTransition(undefined, 'submitted')).toBe(true);
    expect(isAllowedIntakeTransition('draft', 'submitted')).toBe(true);
    expect(isAllowedIntakeTransition('submitted', 'draft')).toBe(false);
  });
});
