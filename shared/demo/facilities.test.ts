import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

import { OFFICE_IDS } from '../offices';
import { freePlaces } from '../placement/freePlaces';
import { isReportStale } from '../placement/staleness';
import { RXDB_SCHEMA_KEYWORDS } from '../schema/common';
import { facilityProblems, facilityWireSchema } from '../schema/facility';
import { demoFacilities } from './facilities';

const ajv = new Ajv({ allErrors: true });
for (const k of RXDB_SCHEMA_KEYWORDS) ajv.addKeyword(k);
const validWire = ajv.compile(facilityWireSchema);

const NOW = Date.UTC(2025, 10, 24, 1, 51);
const facilities = demoFacilities(NOW);

describe('demo facilities', () => {
  it.each(facilities.map((f) => [f.id, f] as const))('%s validates against the wire schema', (_id, f) => {
    expect(validWire({ ...f, _deleted: false }), JSON.stringify(validWire.errors)).toBe(true);
    expect(facilityProblems(f)).toEqual([]);
  });

  it('has unique ids and belongs to the five offices', () => {
    expect(new Set(facilities.map((f) => f.id)).size).toBe(facilities.length);
    for (const f of facilities) expect(OFFICE_IDS).toContain(f.officeId);
  });

  it('has the Jugendschutzhaus Norderstedt of the press release', () => {
    const jsh = facilities.find((f) => f.name === 'Jugendschutzhaus Norderstedt');
    expect(jsh).toMatchObject({
      provider: 'Perspektive gGmbH',
      officeId: 'norderstedt',
      type: 'inobhutnahme',
      totalPlaces: 14,
      ageMin: 14,
      ageMax: 17,
      motherChildPlaces: 1,
    });
    // The room has its own report, apart from the 14 places.
    expect(jsh?.motherChildFreeReports).toHaveLength(1);
  });

  it("has Kinderschutzhaus Elmshorn, a children's home in Bad Oldesloe and a foster family per Kreis", () => {
    expect(facilities.find((f) => f.name === 'Kinderschutzhaus Elmshorn')).toMatchObject({
      provider: 'Perspektive gGmbH',
      officeId: 'pinneberg',
    });
    expect(facilities.find((f) => f.address.town === 'Bad Oldesloe')).toMatchObject({ officeId: 'stormarn' });
    const foster = facilities.filter((f) => f.type === 'bereitschaftspflege');
    expect(foster.map((f) => f.area).sort()).toEqual(['herzogtum-lauenburg', 'pinneberg', 'segeberg', 'stormarn']);
    for (const f of foster) expect(f.address.street).toBeUndefined();
  });

  it('uses fictional 555 phone numbers only', () => {
    for (const f of facilities) expect(f.dutyPhone).toMatch(/^0\d+ 555-\d{4}$/);
  });

  it('shows a living board: fresh reports, one stale, one full', () => {
    const stale = facilities.filter((f) => isReportStale(f.freeReports[0].reportedAt, NOW));
    expect(stale.map((f) => f.id)).toEqual(['bereitschaftspflege-herzogtum-lauenburg-1']);
    expect(facilities.filter((f) => freePlaces(f, [], NOW).free === 0)).toHaveLength(1);
  });
});
