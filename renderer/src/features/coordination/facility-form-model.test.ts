import { Ajv } from 'ajv';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { facilityWireSchema } from '../../../../shared/schema/facility';
import {
  emptyFacilityValues,
  type FacilityFormValues,
  facilityInputOf,
  facilityValuesOf,
  validateFacility,
} from './facility-form-model';

const valid = (): FacilityFormValues => ({
  ...emptyFacilityValues('stormarn'),
  name: 'Kinderhaus am Teich',
  provider: 'Teich Jugendhilfe e. V.',
  street: 'Teichweg 1',
  postalCode: '23843',
  town: 'Bad Oldesloe',
  dutyPhone: '04531 555-0400',
  totalPlaces: 6,
  initialFree: 2,
});

describe('facility form', () => {
  it('accepts a complete facility, and what it writes passes the schema', () => {
    expect(validateFacility(valid(), true)).toEqual({});
    const ajv = new Ajv({ strict: false });
    const doc = {
      id: 'kinderhaus-am-teich',
      ...facilityInputOf(valid()),
      updatedAt: 1,
      updatedBy: 'koordination',
      freeReports: [{ id: 'r', free: 2, reportedAt: 1, reportedBy: 'koordination' }],
      motherChildFreeReports: [],
      conflicts: [],
      _deleted: false,
    };
    expect(ajv.validate(facilityWireSchema, doc)).toBe(true);
  });

  it('says in German what the schema and the server would refuse', () => {
    const errors = validateFacility(
      {
        ...valid(),
        name: 'Haus\nLisa M.',
        provider: '',
        town: 'info@example.org',
        postalCode: '2384',
        dutyPhone: 'Frau Müller',
        sexes: [],
        ageMin: 15,
        ageMax: 14,
        initialFree: 7,
      },
      true,
    );
    expect(errors).toEqual({
      name: expect.stringContaining('Eine Zeile'),
      provider: 'Bitte ausfüllen.',
      town: expect.stringContaining('ohne „@“'),
      postalCode: expect.stringContaining('Postleitzahl'),
      dutyPhone: expect.stringContaining('Ziffern'),
      sexes: expect.any(String),
      ageMax: 'Das Mindestalter ist höher als das Höchstalter.',
      initialFree: 'Es sind mehr freie Plätze gemeldet, als die Einrichtung insgesamt hat.',
    });
  });

  it('refuses a street for a foster family (private people)', () => {
    expect(validateFacility({ ...valid(), type: 'bereitschaftspflege' }, true).street).toBe(
      'Bei Bereitschaftspflegefamilien keine Straße angeben.',
    );
    expect(validateFacility({ ...valid(), type: 'bereitschaftspflege', street: '' }, true)).toEqual({});
  });

  it('round-trips a stored facility unchanged', () => {
    for (const f of demoFacilities(Date.UTC(2025, 10, 24))) {
      const {
        id: _i,
        updatedAt: _u,
        updatedBy: _b,
        freeReports: _r,
        motherChildFreeReports: _m,
        conflicts: _c,
        ...content
      } = f;
      void [_i, _u, _b, _r, _m, _c];
      expect(facilityInputOf(facilityValuesOf(f))).toEqual(content);
      expect(validateFacility(facilityValuesOf(f), false)).toEqual({});
    }
  });
});
