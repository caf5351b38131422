import Ajv from 'ajv';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';

import { mergeDocuments } from '../sync/merge';
import { RXDB_SCHEMA_KEYWORDS } from './common';
import { facilityProblems, facilityRxSchema, type FacilityWire, facilityWireSchema } from './facility';

// strict as RxDB's ajv validator compiles it.
const ajv = new Ajv({ allErrors: true, strict: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(facilityWireSchema);
const validRx = ajv.compile(facilityRxSchema);

const T0 = Date.UTC(2025, 10, 24, 1, 0);
const sample: FacilityWire = {
  id: 'kinderschutzhaus-elmshorn',
  officeId: 'pinneberg',
  updatedAt: T0,
  updatedBy: 'koordination',
  name: 'Kinderschutzhaus Elmshorn',
  provider: 'Perspektive gGmbH',
  type: 'kinderschutzhaus',
  area: 'pinneberg',
  address: { postalCode: '25335', town: 'Elmshorn' },
  dutyPhone: '04121 555-0100',
  ageMin: 0,
  ageMax: 13,
  sexes: ['male', 'female', 'diverse'],
  motherChildPlaces: 0,
  siblingGroupMax: 4,
  specialisations: ['infants', 'trauma'],
  exclusions: ['acute_intoxication'],
  totalPlaces: 8,
  freeReports: [{ id: 'r0', free: 2, reportedAt: T0, reportedBy: 'koordination' }],
  motherChildFreeReports: [],
  holdExpiryHours: 4,
  conflicts: [],
  _deleted: false,
};
const fosterFamily: FacilityWire = {
  ...sample,
  id: 'bereitschaftspflege-segeberg-1',
  officeId: 'segeberg',
  name: 'Bereitschaftspflege Segeberg 1',
  provider: 'Jugendamt Kreis Segeberg',
  type: 'bereitschaftspflege',
  area: 'segeberg',
  address: { postalCode: '23795', town: 'Bad Segeberg' },
};

describe('facility schema', () => {
  it('accepts a facility and a foster family without street', () => {
    expect(validWire(sample), JSON.stringify(validWire.errors)).toBe(true);
    expect(validWire(fosterFamily), JSON.stringify(validWire.errors)).toBe(true);
    expect(validWire({ ...sample, address: { ...sample.address, street: 'Musterweg 12' } })).toBe(true);
  });

  it.each([
    ['a remarks field', { ...sample, remarks: 'zurzeit bei uns: Lisa M., 15' }],
    ['a list of children', { ...sample, children: ['Lisa M.'] }],
    ['a multi-line name', { ...sample, name: 'Kinderschutzhaus Elmshorn\nbelegt mit Lisa M., 15' }],
    ['a name longer than a line', { ...sample, name: 'K'.repeat(81) }],
    ['an e-mail address as provider', { ...sample, provider: 'lisa.m@example.org' }],
    ['a name in the phone number', { ...sample, dutyPhone: '04121 555-0100 Frau Muster' }],
    [
      'a street for a foster family (private people)',
      {
        ...fosterFamily,
        address: { ...fosterFamily.address, street: 'Birkenweg 3' },
      },
    ],
    ['an extra key in the address', { ...sample, address: { ...sample.address, contact: 'Herr Muster' } }],
    ['a free-text specialisation', { ...sample, specialisations: ['Lisa braucht Ruhe'] }],
    ['an unknown type', { ...sample, type: 'wohngruppe' }],
    ['an adult age', { ...sample, ageMax: 18 }],
    ['no sexes', { ...sample, sexes: [] }],
    ['"ohne Angabe" as an accepted sex', { ...sample, sexes: ['unspecified'] }],
    ['a negative free count', { ...sample, freeReports: [{ ...sample.freeReports[0], free: -1 }] }],
    ['a reporter note', { ...sample, freeReports: [{ ...sample.freeReports[0], note: 'Lisa M. kommt morgen' }] }],
    ['no report', { ...sample, freeReports: [] }],
    [
      'a conflict naming an unknown field',
      {
        ...sample,
        conflicts: [{ id: 'c1', field: 'remarks', value: '"Lisa M."', by: 'u1', at: T0 }],
      },
    ],
    [
      'a conflict value with a line break',
      {
        ...sample,
        conflicts: [{ id: 'c1', field: 'name', value: '"a"\n"Lisa M."', by: 'u1', at: T0 }],
      },
    ],
    ['a missing _deleted', (({ _deleted, ...rest }) => rest)(sample)],
  ])('rejects %s', (_name, doc) => {
    expect(validWire(doc)).toBe(false);
  });

  it('keeps the foster-family rule in the RxDB schema too', () => {
    const { _deleted, ...stored } = fosterFamily;
    expect(validRx(stored)).toBe(true);
    expect(validRx({ ...stored, address: { ...stored.address, street: 'Birkenweg 3' } })).toBe(false);
  });

  it('keeps both free-places reports of two coordinators offline, and the schema accepts the result', () => {
    const a = { id: 'r-a', free: 1, reportedAt: T0 + 10, reportedBy: 'k-a' };
    const b = { id: 'r-b', free: 0, reportedAt: T0 + 20, reportedBy: 'k-b' };
    const local = { ...sample, freeReports: [...sample.freeReports, a], updatedAt: T0 + 10, updatedBy: 'k-a' };
    const remote = { ...sample, freeReports: [...sample.freeReports, b], updatedAt: T0 + 20, updatedBy: 'k-b' };
    const merged = mergeDocuments(sample, local, remote);
    expect(merged.freeReports).toEqual([sample.freeReports[0], b, a]);
    expect(merged.conflicts).toEqual([]);
    expect(validWire(merged), JSON.stringify(validWire.errors)).toBe(true);
  });

  it('records a concurrent edit of the town as a conflict the schema accepts', () => {
    const local = {
      ...sample,
      address: { ...sample.address, town: 'Elmshorn-Nord' },
      updatedAt: T0 + 10,
      updatedBy: 'k-a',
    };
    const remote = {
      ...sample,
      address: { ...sample.address, town: 'Elmshorn-Süd' },
      updatedAt: T0 + 20,
      updatedBy: 'k-b',
    };
    const merged = mergeDocuments(sample, local, remote);
    expect(merged.address.town).toBe('Elmshorn-Süd');
    expect(merged.conflicts).toEqual([expect.objectContaining({ field: 'address.town', value: '"Elmshorn-Nord"' })]);
    expect(validWire(merged), JSON.stringify(validWire.errors)).toBe(true);
  });

  it('is a valid RxDB schema', () => {
    expect(() => checkSchema(facilityRxSchema)).not.toThrow();
  });
});

describe('facility rules across fields', () => {
  it('finds an inverted age range and more free than total places', () => {
    expect(facilityProblems(sample)).toEqual([]);
    expect(facilityProblems({ ...sample, ageMin: 14, ageMax: 13 })).toEqual(['age_range_inverted']);
    expect(facilityProblems({ ...sample, totalPlaces: 1 })).toEqual(['free_exceeds_total']);
    const older = { id: 'r-old', free: 9, reportedAt: T0 - 1000, reportedBy: 'k' };
    expect(facilityProblems({ ...sample, freeReports: [older, ...sample.freeReports] })).toEqual([]);
    expect(facilityProblems({ ...sample, ageMin: 14, ageMax: 14, totalPlaces: 2 })).toEqual([]);
  });
});
