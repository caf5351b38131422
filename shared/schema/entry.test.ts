import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { RXDB_SCHEMA_KEYWORDS } from './common';
import { entryRxSchema, type EntryWire, entryWireSchema } from './entry';

const ajv = new Ajv({ allErrors: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(entryWireSchema);

const sample: EntryWire = {
  id: 'e-1',
  officeId: 'segeberg',
  intakeId: 'intake-1',
  kind: 'placement',
  at: 1_764_000_000_000,
  createdBy: 'bereitschaft.segeberg',
  createdAt: 1_764_000_000_000,
  updatedAt: 1_764_000_000_000,
  text: 'Kein Platz frei.',
  placement: { facilityName: 'Kinderschutzhaus Elmshorn', answer: 'refused', reason: 'no_place' },
  _deleted: false,
};

describe('entry schema', () => {
  it('accepts a placement attempt and a plain note', () => {
    expect(validWire(sample), JSON.stringify(validWire.errors)).toBe(true);
    const { placement: _p, ...note } = sample;
    expect(validWire({ ...note, kind: 'note' })).toBe(true);
  });

  it.each([
    ['an unknown kind', { ...sample, kind: 'gossip' }],
    ['an unknown answer', { ...sample, placement: { facilityName: 'X', answer: 'maybe' } }],
    ['a placement without a place', { ...sample, placement: { answer: 'requested' } }],
    ['an unknown refusal reason', { ...sample, placement: { facilityName: 'X', answer: 'refused', reason: 'rain' } }],
    ['a missing intake', (({ intakeId: _i, ...rest }) => rest)(sample)],
    ['an unknown field', { ...sample, editedAt: 1 }],
  ])('rejects %s', (_name, doc) => {
    expect(validWire(doc)).toBe(false);
  });

  it('encrypts what was said and keeps the intake and time clear for the index', () => {
    expect(entryRxSchema.encrypted).toEqual(['text', 'placement']);
    expect(entryRxSchema.indexes.flat()).toEqual(['intakeId', 'at', 'updatedAt']);
  });
});
