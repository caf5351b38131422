import { DEFAULT_HOLD_EXPIRY_HOURS, type Facility } from '../schema/facility';

/**
 * Demo facilities of the Verbund (domain.md). The Jugendschutzhaus Norderstedt (14 places for 14-17 year olds plus
 * one mother-and-child room, counted on its own) and the Kinderschutzhaus Elmshorn
 * of Perspektive gGmbH are named in the Verbund's press release; their details, the children's home in Bad
 * Oldesloe with its provider, and all phone numbers (fictional 555 range) are invented. No streets: protective
 * addresses are not published. Foster families are private people and appear only as "Bereitschaftspflege
 * <Kreis> 1" with postcode and town.
 *
 * Reports are placed relative to `now` so that the demo board always looks alive: most were reported within
 * the last hours, one (Herzogtum Lauenburg) is older than the stale threshold and one facility is full.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const COORDINATOR = 'koordination';

type Base = Omit<
  Facility,
  'updatedAt' | 'updatedBy' | 'freeReports' | 'motherChildFreeReports' | 'holdExpiryHours' | 'conflicts'
>;
const place = (base: Base, free: number, reportedAgoMs: number, now: number): Facility => {
  const reportedAt = now - reportedAgoMs;
  return {
    ...base,
    updatedAt: reportedAt,
    updatedBy: COORDINATOR,
    freeReports: [{ id: `${base.id}-demo`, free, reportedAt, reportedBy: COORDINATOR }],
    // The room is reported on with the house: free unless the demo says otherwise.
    motherChildFreeReports:
      base.motherChildPlaces > 0
        ? [{ id: `${base.id}-demo-mk`, free: base.motherChildPlaces, reportedAt, reportedBy: COORDINATOR }]
        : [],
    holdExpiryHours: DEFAULT_HOLD_EXPIRY_HOURS,
    conflicts: [],
  };
};

const fosterFamily = (
  kreis: 'segeberg' | 'stormarn' | 'herzogtum-lauenburg' | 'pinneberg',
  label: string,
  postalCode: string,
  town: string,
  dutyPhone: string,
): Base => ({
  id: `bereitschaftspflege-${kreis}-1`,
  officeId: kreis,
  name: `Bereitschaftspflege ${label} 1`,
  provider: `Jugendamt Kreis ${label}`,
  type: 'bereitschaftspflege',
  area: kreis,
  address: { postalCode, town },
  dutyPhone,
  ageMin: 0,
  ageMax: 10,
  sexes: ['male', 'female', 'diverse'],
  motherChildPlaces: 0,
  siblingGroupMax: 2,
  specialisations: ['infants'],
  exclusions: ['acute_suicidality', 'acute_intoxication', 'danger_to_others'],
  totalPlaces: 2,
});

export function demoFacilities(now: number): Facility[] {
  return [
    place(
      {
        id: 'jugendschutzhaus-norderstedt',
        officeId: 'norderstedt',
        name: 'Jugendschutzhaus Norderstedt',
        provider: 'Perspektive gGmbH',
        type: 'inobhutnahme',
        area: 'norderstedt',
        address: { postalCode: '22846', town: 'Norderstedt' },
        dutyPhone: '040 555-0140',
        ageMin: 14,
        ageMax: 17,
        sexes: ['male', 'female', 'diverse'],
        motherChildPlaces: 1,
        siblingGroupMax: 2,
        specialisations: ['unaccompanied_minors', 'pregnant_young_mothers'],
        exclusions: ['acute_intoxication'],
        totalPlaces: 14,
      },
      3,
      37 * MIN,
      now,
    ),
    place(
      {
        id: 'kinderschutzhaus-elmshorn',
        officeId: 'pinneberg',
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
        exclusions: ['acute_intoxication', 'danger_to_others'],
        totalPlaces: 8,
      },
      1,
      2 * HOUR,
      now,
    ),
    place(
      {
        id: 'kinderhaus-travetal-bad-oldesloe',
        officeId: 'stormarn',
        name: 'Kinderhaus Travetal',
        provider: 'Travetal Jugendhilfe e. V.',
        type: 'sonstige',
        area: 'stormarn',
        address: { postalCode: '23843', town: 'Bad Oldesloe' },
        dutyPhone: '04531 555-0300',
        ageMin: 6,
        ageMax: 17,
        sexes: ['male', 'female'],
        motherChildPlaces: 0,
        siblingGroupMax: 3,
        specialisations: ['trauma', 'disability'],
        exclusions: ['acute_suicidality'],
        totalPlaces: 10,
      },
      0,
      5 * HOUR,
      now,
    ),
    place(fosterFamily('segeberg', 'Segeberg', '23795', 'Bad Segeberg', '04551 555-0210'), 1, 90 * MIN, now),
    place(fosterFamily('stormarn', 'Stormarn', '22926', 'Ahrensburg', '04102 555-0220'), 2, 3 * HOUR, now),
    place(
      fosterFamily('herzogtum-lauenburg', 'Herzogtum Lauenburg', '23909', 'Ratzeburg', '04541 555-0230'),
      1,
      26 * HOUR,
      now,
    ),
    place(fosterFamily('pinneberg', 'Pinneberg', '25421', 'Pinneberg', '04101 555-0240'), 1, 45 * MIN, now),
  ];
}
