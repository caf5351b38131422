/**
 * The handover report (issue 7): the printable "Übergabebericht an den ASD" per record, and the desktop's save
 * dialog for its PDF. Field and section labels come from nightRecord.ts and domain.ts.
 */
export const report = {
  title: 'Übergabebericht an den ASD',
  subtitle: 'Inobhutnahme nach §§ 42, 42a SGB VIII – Bereitschaftsdienst',
  confidential: 'Vertraulich – Sozialdaten (§ 35 SGB I, §§ 61 ff. SGB VIII)',
  createdAt: (when: string) => `Erstellt am ${when}`,
  /** Footer of every printed page, "Seite 1 von 3": the words around CSS's page counters. */
  pageCounter: { page: 'Seite', of: 'von' },
  notCountersigned: 'Dieser Bericht ist noch nicht gegengezeichnet (Vier-Augen-Prinzip).',
  conflicts: (count: number) =>
    count === 1 ? 'Ein ungeklärter Konflikt im Bericht.' : `${count} ungeklärte Konflikte im Bericht.`,
  sections: {
    summary: 'Zusammenfassung',
    decisions: 'Verlauf der Nacht',
    log: 'Protokoll',
    obligations: 'Offene Pflichten und Fristen',
    signatures: 'Unterschriften',
  },
  summary: {
    child: 'Kind',
    birthDate: 'Geburtsdatum',
    estimatedAge: 'Geschätztes Alter',
    claimedAge: 'Angegebenes Alter (Selbstauskunft)',
    years: (n: number) => `${n} Jahre`,
    office: 'Jugendamt',
    receivedAt: 'Anruf eingegangen',
    initiatedBy: 'Angeregt durch',
    situation: 'Situation',
    reviewState: 'Stand der Prüfung',
    placement: 'Untergebracht bei',
    responsibleOffice: 'Zuständiges Jugendamt',
    handedOverTo: 'Übergeben an',
    caseworker: 'Zuständige Fachkraft im ASD',
    handoverSummary: 'Zusammenfassung für den ASD',
    openTasks: 'Offene Aufgaben',
    interpreters: 'Dolmetscher/-innen',
    /** Who was told nothing of where the child is, and why (§ 42 Abs. 3, § 8a: protection before information). */
    locationNotDisclosed: 'Aufenthaltsort nicht mitgeteilt',
    locationSecret: (reason: string) => `Geheim gehalten: ${reason}`,
    notDisclosedTo: (who: string, reason: string) => `${who}: ${reason}`,
    reasonMissing: 'Grund nicht erfasst',
    interpreterIn: {
      provisional: (who: string) => `${who} (Erstscreening, § 42a Abs. 2)`,
      custodian: (who: string, custodian: string) => `${who} (Gespräch mit ${custodian})`,
    },
  },
  yes: 'Ja',
  no: 'Nein',
  none: {
    decisions: 'Keine Angaben erfasst.',
    log: 'Keine Protokolleinträge.',
    obligations: 'Keine offenen Pflichten.',
  },
  log: {
    columns: { at: 'Zeitpunkt', kind: 'Art', text: 'Eintrag', by: 'Von' },
    corrects: (what: string) => `berichtigt den Eintrag vom ${what}`,
  },
  obligations: {
    columns: { kind: 'Pflicht', status: 'Stand', due: 'Fällig', basis: 'Grundlage' },
  },
  signatures: {
    worker: 'Fachkraft des Bereitschaftsdienstes',
    supervisor: 'Leitung (Gegenzeichnung, Vier-Augen-Prinzip)',
    receiver: 'Übernommen durch den ASD',
    name: 'Name',
    date: 'Datum, Uhrzeit',
    signature: 'Unterschrift',
    countersigned: (when: string) => `Elektronisch gegengezeichnet am ${when}`,
  },
  /** The button in the supervisor's review, and what it says afterwards. */
  print: {
    button: 'Übergabebericht drucken',
    loading: 'Bericht wird vorbereitet …',
    saved: (path: string) => `Der Bericht wurde als PDF gespeichert: ${path}`,
    cancelled: 'Das Speichern wurde abgebrochen.',
    failed: (reason: string) => `Der Bericht konnte nicht gedruckt werden: ${reason}`,
    notFound: 'Der Bericht ist auf diesem Gerät nicht vorhanden.',
  },
  /**
   * Default name of the saved PDF (without ".pdf"): the date as dd.MM.yyyy and a short record reference. Never the
   * child's name: the file is not encrypted and its name shows in recent-file lists and backups.
   */
  fileName: (date: string, reference: string) => ['Übergabebericht', date, reference].filter(Boolean).join(' – '),
  /** Electron's save dialog. */
  saveDialog: {
    title: 'Übergabebericht als PDF speichern',
    button: 'Speichern',
    filter: 'PDF-Dokument',
    writeFailed: 'Die Datei konnte nicht geschrieben werden.',
    printFailed: 'Das PDF konnte nicht erzeugt werden.',
    /** The user typed a name without ".pdf", and the name with ".pdf" exists: the dialog opens again on it. */
    exists: (name: string) => `„${name}“ gibt es dort schon – ersetzen oder einen anderen Namen wählen`,
    existsRefused: (name: string) =>
      `„${name}“ gibt es dort schon und wurde nicht überschrieben. Bitte wählen Sie einen anderen Namen.`,
  },
} as const;
