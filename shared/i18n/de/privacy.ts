/** Data protection in the app (issue 16): entrusted data (§ 65 SGB VIII), the access request (Art. 15 DSGVO). */
export const privacy = {
  withheld: {
    title: 'Anvertraute Angaben zurückgehalten (§ 65 SGB VIII)',
    intro:
      'Das abgebende Jugendamt hat Angaben als anvertraut markiert und keine Rechtsgrundlage für ihre Weitergabe festgehalten. Sie fehlen in dieser Kopie.',
    fields: (labels: string[]) => `Felder: ${labels.join(', ')}`,
    entries: (n: number) => (n === 1 ? '1 Protokolleintrag ohne Text' : `${n} Protokolleinträge ohne Text`),
  },
  removed: {
    title: 'Vom Laptop entfernt',
    intro: (days: number) =>
      `Beendete und übergebene Inobhutnahmen werden ${days} Tage nach der letzten Änderung von diesem Laptop entfernt (Löschkonzept). Sie liegen weiter auf dem Server; mit Verbindung holen Sie eine zurück, um sie zu öffnen.`,
    listLabel: 'Vom Laptop entfernte Inobhutnahmen',
    row: (receivedAt: string, state: string) => `Anruf vom ${receivedAt} (${state})`,
    states: { closed: 'beendet', handed_over: 'übergeben' },
    fetch: (receivedAt: string) => `Vom Server laden: Anruf vom ${receivedAt}`,
    fetchShort: 'Vom Server laden und öffnen',
    offline: 'Ohne Verbindung zum Server kann diese Inobhutnahme nicht geladen werden.',
    failed: (reason: string) => `Die Inobhutnahme konnte nicht geladen werden: ${reason}`,
  },
  syncLog: {
    open: 'Synchronisationsprotokoll',
    title: 'Synchronisationsprotokoll dieses Laptops',
    intro: (days: number) =>
      `Was dieser Laptop in den letzten ${days} Tagen an den Server gesendet, von ihm empfangen und was der Server abgelehnt hat – ohne Inhalte, nur Anzahlen und Gründe.`,
    empty: 'In den letzten 30 Tagen wurde nichts übertragen.',
    tableLabel: 'Einträge des Synchronisationsprotokolls, neueste zuerst',
    columns: { at: 'Zeitpunkt', kind: 'Vorgang', collection: 'Bereich', count: 'Anzahl', reason: 'Grund' },
    kinds: {
      sent: 'gesendet',
      received: 'empfangen',
      refused: 'abgelehnt',
      conflict: 'abweichender Stand auf dem Server, zusammengeführt',
    },
    collections: {
      intakes: 'Inobhutnahmen',
      entries: 'Protokolleinträge',
      facilities: 'Einrichtungen',
      holds: 'Platzreservierungen',
      contacts: 'Telefonverzeichnis',
    },
    export: 'Für den Support speichern (CSV)',
    fileName: (date: string) => `synchronisationsprotokoll-${date}.csv`,
    csvHeader: ['Zeitpunkt', 'Vorgang', 'Bereich', 'Anzahl', 'Grund', 'Kennung'],
    close: 'Schließen',
  },
} as const;
