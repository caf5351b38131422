import type { AgeGroup } from '../../catalogues/ageGroup';
import type { MismatchCode } from '../../placement/match';
import type {
  Exclusion,
  Facility,
  FacilityArea,
  FacilityProblem,
  FacilityType,
  Specialisation,
} from '../../schema/facility';
import type { Hold, HoldAgeGroup, HoldStatus, OverbookReason } from '../../schema/hold';
import { domain } from './domain';

type Labels<K extends string> = Record<K, string>;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const AGE_GROUP_LABELS = {
  under_3: 'unter 3 Jahre',
  '3_to_6': '3 bis unter 6 Jahre',
  '6_to_9': '6 bis unter 9 Jahre',
  '9_to_12': '9 bis unter 12 Jahre',
  '12_to_14': '12 bis unter 14 Jahre',
  '14_to_16': '14 bis unter 16 Jahre',
  '16_to_18': '16 bis unter 18 Jahre',
} satisfies Labels<AgeGroup>;

/**
 * Labels of the Verbund placement board: facilities, holds, why a facility does not fit, the age of a report.
 * Labels of sexes are in the night-record catalogue (same codes).
 */
export const placement = {
  facilityTypes: {
    inobhutnahme: 'Inobhutnahmeeinrichtung',
    kinderschutzhaus: 'Kinderschutzhaus',
    bereitschaftspflege: 'Bereitschaftspflegefamilie',
    klinik: 'Klinik',
    sonstige: 'Sonstige Einrichtung',
  } satisfies Labels<FacilityType>,
  areas: { ...domain.offices, outside: 'Außerhalb des Verbunds' } satisfies Labels<FacilityArea>,
  specialisations: {
    infants: 'Säuglinge und Kleinkinder',
    unaccompanied_minors: 'Unbegleitete minderjährige Ausländer (UMA)',
    trauma: 'Traumapädagogik',
    disability: 'Kinder und Jugendliche mit Behinderung',
    psychiatric_care: 'Kinder- und jugendpsychiatrische Versorgung',
    addiction: 'Suchtproblematik',
    pregnant_young_mothers: 'Schwangere und junge Mütter',
  } satisfies Labels<Specialisation>,
  exclusions: {
    acute_suicidality: 'Akute Suizidalität',
    acute_intoxication: 'Akute Intoxikation (Alkohol, Drogen)',
    danger_to_others: 'Akute Fremdgefährdung',
    intensive_care: 'Hoher Pflege- oder Behandlungsbedarf',
  } satisfies Labels<Exclusion>,
  ageGroups: AGE_GROUP_LABELS,
  /** A placement's age group: a statistics group, or none known (shared/schema/hold.ts HOLD_AGE_GROUPS). */
  holdAgeGroups: { ...AGE_GROUP_LABELS, unknown: 'Alter unbekannt' } satisfies Labels<HoldAgeGroup>,
  holdStatus: {
    requested: 'Angefragt',
    held: 'Gehalten',
    confirmed: 'Zugesagt',
    occupied: 'Aufgenommen',
    refused: 'Abgelehnt',
    released: 'Freigegeben',
    expired: 'Abgelaufen',
  } satisfies Labels<HoldStatus>,
  overbooked: 'Überbucht',
  /** A hold made offline, not yet accepted by the server. */
  provisional: 'Vorläufig – noch nicht bestätigt',
  facilityFields: {
    id: 'Kennung',
    officeId: 'Zuständiges Jugendamt',
    updatedAt: 'Geändert am',
    updatedBy: 'Geändert von',
    name: 'Name der Einrichtung',
    provider: 'Träger',
    type: 'Art',
    area: 'Gebiet',
    address: 'Anschrift',
    'address.street': 'Straße und Hausnummer',
    'address.postalCode': 'Postleitzahl',
    'address.town': 'Ort',
    dutyPhone: 'Telefon (rund um die Uhr)',
    ageMin: 'Alter von',
    ageMax: 'Alter bis',
    sexes: 'Aufnahme von',
    motherChildPlaces: 'Mutter-Kind-Zimmer: Plätze',
    siblingGroupMax: 'Geschwister (höchstens gemeinsam)',
    specialisations: 'Schwerpunkte',
    exclusions: 'Ausschlüsse',
    totalPlaces: 'Plätze gesamt',
    freeReports: 'Freie Plätze (gemeldet)',
    motherChildFreeReports: 'Mutter-Kind-Zimmer: freie Plätze (gemeldet)',
    holdExpiryHours: 'Reservierung verfällt nach (Stunden)',
    conflicts: 'Konflikte',
  } satisfies Labels<keyof Facility | 'address.street' | 'address.postalCode' | 'address.town'>,
  facilityHints: {
    name: 'Bei Bereitschaftspflegefamilien keinen Familiennamen, sondern z. B. „Bereitschaftspflege Segeberg 1“.',
    address: 'Bei Bereitschaftspflegefamilien nur Postleitzahl und Ort.',
  },
  facilityProblems: {
    age_range_inverted: 'Das Mindestalter ist höher als das Höchstalter.',
    free_exceeds_total: 'Es sind mehr freie Plätze gemeldet, als die Einrichtung insgesamt hat.',
    mother_child_free_exceeds_total: 'Im Mutter-Kind-Zimmer sind mehr freie Plätze gemeldet, als es Plätze hat.',
  } satisfies Labels<FacilityProblem>,
  facilityRules: {
    reportChanged:
      'Eine gespeicherte Meldung freier Plätze kann nicht mehr geändert werden; bitte eine neue Meldung abgeben.',
  },
  holdFields: {
    id: 'Kennung',
    facilityId: 'Einrichtung',
    officeId: 'Jugendamt',
    updatedAt: 'Geändert am',
    updatedBy: 'Geändert von',
    createdAt: 'Angelegt am',
    intakeRef: 'Inobhutnahme',
    ageGroup: 'Altersgruppe',
    sex: 'Geschlecht',
    from: 'Gehalten ab',
    expiresAt: 'Verfällt um',
    status: 'Status',
    refusalReason: 'Grund der Absage',
    overbookReason: 'Grund der Überbuchung',
    room: 'Zimmer',
    admittedAt: 'Aufgenommen am',
    overbooked: 'Überbucht',
    conflicts: 'Konflikte',
  } satisfies Labels<keyof Hold>,
  overbookReasons: {
    emergency_no_alternative: 'Notfall, kein anderer Platz erreichbar',
    facility_agreed: 'Einrichtung hat der Überbelegung zugestimmt',
    keep_siblings_together: 'Geschwister bleiben zusammen',
    other: 'Sonstiger Grund (bitte im Protokoll festhalten)',
  } satisfies Labels<OverbookReason>,
  /** Why a facility does not fit the child (placement/match.ts). */
  mismatches: {
    too_young: (ageMin: number) => `Aufnahme erst ab ${ageMin} Jahren`,
    too_old: (ageMax: number) => `Aufnahme nur bis ${ageMax} Jahre`,
    sex_not_accepted: () => 'Nimmt dieses Geschlecht nicht auf',
    no_sibling_groups: () => 'Nimmt keine Geschwister gemeinsam auf',
    sibling_group_too_large: (max: number) => `Höchstens ${max} Geschwister gemeinsam`,
    no_mother_and_child: () => 'Kein Mutter-Kind-Platz',
    other_area: () => 'Außerhalb des gewählten Gebiets',
    missing_specialisation: (label: string) => `Ohne Schwerpunkt: ${label}`,
    excluded: (label: string) => `Ausgeschlossen: ${label}`,
    not_enough_free_places: (free: number, needed: number) =>
      free <= 0
        ? 'Kein freier Platz gemeldet'
        : `Nur ${free} ${plural(free, 'freier Platz', 'freie Plätze')}, benötigt ${needed}`,
  } satisfies Record<MismatchCode, (...args: never[]) => string>,
  /** Free places on a card: negative numbers say how far the facility is over-booked. */
  freePlaces: (free: number) =>
    free < 0
      ? `${-free} ${plural(-free, 'Platz', 'Plätze')} überbucht`
      : `${free} ${plural(free, 'Platz', 'Plätze')} frei`,
  /** The mother-and-child room's own count, beside the ordinary places (placement/rooms.ts). */
  motherChildRoom: (free: number, places: number) =>
    free < 0
      ? `Mutter-Kind-Zimmer: ${-free} ${plural(-free, 'Platz', 'Plätze')} überbucht`
      : `Mutter-Kind-Zimmer: ${free} von ${places} frei`,
  /** The age of a free-places report (placement/staleness.ts). */
  stand: {
    label: (time: string, ago: string) => `Stand: ${time} (${ago})`,
    justNow: 'gerade eben',
    minutesAgo: (minutes: number) => `vor ${minutes} min`,
    hoursAgo: (hours: number, minutes: number) =>
      minutes === 0 ? `vor ${hours} Std.` : `vor ${hours} Std. ${minutes} min`,
    daysAgo: (days: number) => `vor ${days} ${plural(days, 'Tag', 'Tagen')}`,
    inFuture: 'Zeitangabe liegt in der Zukunft – bitte Uhrzeit prüfen',
    stale: 'Veraltet – bitte vor der Aufnahme anrufen',
  },
} as const;
