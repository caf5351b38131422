import type { DurationBucket, PeriodProblem, PlacementArea } from '../../overview';

/** The Verbund overview (coordination and supervisors): counts of the five offices, no personal data. */
export const overview = {
  nav: 'Verbund-Übersicht',
  title: 'Verbund-Übersicht',
  intro:
    'Zahlen aller fünf Jugendämter des Kooperationsverbunds – nur Anzahlen und Zeiten, keine personenbezogenen Daten. Wochen laufen von Montag bis Sonntag.',
  period: {
    from: 'Von',
    to: 'Bis',
    show: 'Anzeigen',
    problems: {
      invalid_date: 'Bitte geben Sie zwei gültige Daten an.',
      from_after_to: 'Der Anfang liegt nach dem Ende.',
      too_long: 'Der Zeitraum darf höchstens 53 Wochen umfassen.',
    } satisfies Record<PeriodProblem, string>,
    shown: (from: string, to: string) => `Zeitraum ${from} bis ${to}`,
  },
  offline:
    'Die Verbund-Übersicht braucht eine Verbindung zum Server. Sie wird nicht auf diesem Gerät gespeichert. Bitte versuchen Sie es erneut, sobald Sie wieder verbunden sind.',
  retry: 'Erneut laden',
  loading: 'Die Zahlen werden geladen …',
  failed: (message: string) => `Die Übersicht konnte nicht geladen werden: ${message}`,
  office: 'Jugendamt',
  week: 'Woche',
  weekOf: (monday: string) => `Woche ab ${monday}`,
  total: 'Summe',
  verbund: 'Verbund gesamt',
  chartHint: 'Die Tabelle unter dem Diagramm enthält dieselben Zahlen.',
  /** A count of 1 or 2 (or one hidden so that it cannot be worked out from a sum). */
  suppressed: '< 3',
  suppressedHint:
    '„< 3“ steht für weniger als drei Fälle (oder für eine Zahl, aus der sie sich errechnen ließen): So lässt sich kein einzelnes Kind erkennen. Solche Werte fehlen im Diagramm.',
  intakes: {
    title: 'Inobhutnahmen je Jugendamt und Woche',
    table: 'Inobhutnahmen je Jugendamt und Woche (Tabelle)',
    empty: 'Im Zeitraum wurden keine Inobhutnahmen erfasst.',
  },
  duration: {
    title: 'Zeit vom Anruf bis zur Unterbringung',
    explain:
      'Vom Eingang des Anrufs bis zur Aufnahme in der Einrichtung, für die Inobhutnahmen des Zeitraums mit beiden Zeitangaben.',
    table: 'Zeit vom Anruf bis zur Unterbringung (Tabelle)',
    median: 'Median',
    measured: 'Gemessen',
    implausible: 'Aufnahme vor dem Anruf (nicht gezählt)',
    none: '–',
    buckets: {
      under_1h: 'unter 1 Std.',
      '1h_to_2h': '1 bis 2 Std.',
      '2h_to_4h': '2 bis 4 Std.',
      '4h_to_8h': '4 bis 8 Std.',
      '8h_or_more': '8 Std. und mehr',
    } satisfies Record<DurationBucket, string>,
    minutes: (m: number) =>
      m < 60 ? `${m} Min.` : `${Math.floor(m / 60)} Std. ${String(m % 60).padStart(2, '0')} Min.`,
  },
  refusals: {
    title: 'Abgelehnte Platzanfragen je Jugendamt und Woche',
    explain: 'Jede Ablehnung aus dem Protokoll der Platzsuche, ohne später korrigierte Einträge.',
    table: 'Abgelehnte Platzanfragen je Jugendamt und Woche (Tabelle)',
    reasonsTable: 'Abgelehnte Platzanfragen nach Grund (Tabelle)',
    unspecified: 'Ohne Angabe',
  },
  areas: {
    title: 'Unterbringungen außerhalb des eigenen Kreises',
    explain:
      'Wo die Einrichtung der Inobhutnahmen des Zeitraums liegt, vom unterbringenden Jugendamt aus gesehen. „Unbekannt“: die Einrichtung wurde nur mit Namen eingetragen.',
    table: 'Unterbringungen nach Lage der Einrichtung (Tabelle)',
    labels: {
      own: 'Im eigenen Kreis',
      other_office: 'In einem anderen Kreis des Verbunds',
      outside_verbund: 'Außerhalb des Verbunds',
      unknown: 'Lage unbekannt',
    } satisfies Record<PlacementArea, string>,
  },
} as const;
