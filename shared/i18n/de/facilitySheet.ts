/**
 * The one-page sheet for the facility at admission ("Aufnahmeblatt für die Einrichtung", § 42 Abs. 2 S. 3 SGB VIII):
 * its headings and notes. Field labels come from nightRecord.ts, so the sheet names a fact as the form does.
 */
export const facilitySheet = {
  title: 'Aufnahmeblatt für die Einrichtung',
  subtitle: 'Gesundheit und Kontakte – § 42 Abs. 2 S. 3 SGB VIII',
  sections: {
    child: 'Kind und Aufnahme',
    health: 'Gesundheit und Medikamente',
    injuries: 'Verletzungen und Befunde',
    examination: 'Ärztliche Untersuchung',
    contacts: 'Kontakte und Abholung',
    handedOver: 'Mitgegeben',
  },
  fields: {
    name: 'Name',
    birthDate: 'Geburtsdatum',
    estimatedAge: 'Geschätztes Alter',
    claimedAge: 'Angegebenes Alter (Selbstauskunft)',
    years: (n: number) => `${n} Jahre`,
    office: 'Jugendamt (Bereitschaftsdienst)',
    medicationHandedOver: 'Mitgegebene Medikamente',
  },
  /** Printed where the record holds nothing: the facility must not read a gap as "none". */
  notRecorded: 'nicht erfasst',
  yes: 'Ja',
  no: 'Nein',
  /** Printed above the sections, so nobody at the door overlooks them. */
  alerts: {
    locationSecret: 'Aufenthaltsort geheim halten: keine Auskunft an Dritte, auch nicht an Angehörige.',
    contactForbidden: (who: string) => `Kein Kontakt mit: ${who}`,
    pickupForbidden: (who: string) => `Darf das Kind nicht von Schule/Kita abholen: ${who}`,
  },
} as const;
