/** The obligations dashboard: every due or overdue deadline of the office's open records, with who is responsible. */
export const obligations = {
  nav: 'Fristen',
  title: 'Fällige Fristen',
  intro:
    'Alle fälligen und überfälligen Fristen der offenen Inobhutnahmen Ihres Jugendamts, überfällige zuerst. ' +
    'Berechnet auf diesem Gerät aus den hier synchronisierten Akten; aktualisiert sich mit der Uhr und mit jeder Änderung.',
  responsibleHint:
    'Zuständig ist bis zur Übergabe, wer die Akte im Bereitschaftsdienst angelegt hat, ab der Übergabe der ASD des ' +
    'zuständigen Jugendamts.',
  /** The responsible after the handover: the ASD of the office, by its caseworker where named. */
  asd: (office: string, caseworker: string | undefined) =>
    caseworker ? `${caseworker} (ASD ${office})` : `ASD ${office}`,
  tableLabel: 'Fällige und überfällige Fristen',
  columns: {
    child: 'Kind',
    kind: 'Pflicht',
    due: 'Fällig bis',
    status: 'Stand',
    responsible: 'Zuständig',
  },
  filters: {
    kind: 'Pflicht',
    allKinds: 'Alle Pflichten',
    responsible: 'Zuständig',
    allResponsible: 'Alle Zuständigen',
    overdueOnly: 'Nur überfällige',
    option: (label: string, count: number) => `${label} (${count})`,
  },
  summary: (total: number, overdue: number, dueSoon: number) =>
    `${total === 1 ? '1 Frist' : `${total} Fristen`} fällig: ${overdue} überfällig, ${dueSoon} bald fällig`,
  shown: (shown: number, total: number) => `${shown} von ${total} angezeigt`,
  none: 'Keine Frist ist fällig oder überfällig.',
  noMatch: 'Keine Frist passt zu den Filtern.',
  /** The row's accessible name: Enter or a click opens the record. */
  openRecord: (child: string, kind: string) => `Akte von ${child} öffnen – ${kind}`,
  openHint: 'Eingabetaste oder Klick öffnet die Akte; Pfeiltasten wechseln die Zeile.',
  you: (name: string) => `${name} (Sie)`,
  unsynced: 'nicht synchronisiert',
} as const;
