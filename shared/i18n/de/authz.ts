/**
 * The authorisation table as docs/security-server.md prints it (shared/rules/authzTable.ts generates it from the
 * rule book; a test keeps the page and the code equal).
 */
export const authz = {
  roles: { oncall: 'Bereitschaft', supervisor: 'Leitung', coordinator: 'Koordination', admin: 'Administration' },
  scopes: { own: 'eigenes Amt', all: 'alle Ämter', none: '–' },
  header: { what: 'Daten und Vorgang', narrowed: 'Eingeschränkt durch das Regelwerk' },
  resources: {
    intakes: 'Fälle (`intakes`)',
    entries: 'Protokoll (`entries`)',
    facilities: 'Einrichtungen (`facilities`)',
    holds: 'Platzreservierungen (`holds`)',
    contacts: 'Telefonverzeichnis (`contacts`)',
    users: 'Benutzerkonten',
    devices: 'Geräte',
    audit: 'Audit-Protokoll',
    overview: 'Verbund-Übersicht (nur Anzahlen und Zeiten)',
    directory: 'Namensverzeichnis des eigenen Amts',
    session: 'eigene Sitzung',
  } as Record<string, string>,
  operations: {
    read: 'lesen',
    write: 'schreiben',
    review: 'in Prüfung nehmen, zurückgeben, abschließen',
    countersign: 'gegenzeichnen',
    handover: 'übergeben',
    delete: 'löschen',
    discardDraft: 'eigenen Entwurf löschen',
    export: 'exportieren',
    statistics: 'Bundesstatistik des Amts erstellen',
    accessRequest: 'Auskunft an eine betroffene Person erstellen (Art. 15 DSGVO)',
    revoke: 'sperren',
    logout: 'abmelden',
  } as Record<string, string>,
  /** What the rule book narrows beyond the office (shared/rules/intake.ts, entries.ts, server/sync/*.ts). */
  narrowed: {
    'intakes.write':
      'Autor und Bearbeiter sind die angemeldete Person; ab der Gegenzeichnung gesperrt (nur leere spätere Tatsachen)',
    'intakes.review': 'nur eingereichte Berichte, Schritt für Schritt vom gespeicherten Stand; Rückgabe mit Kommentar',
    'intakes.countersign':
      'nie den selbst geschriebenen Bericht (Vier-Augen-Prinzip), ohne offene Konflikte und Änderungen',
    'intakes.handover': 'erst nach der Gegenzeichnung, an ein anderes Amt',
    'intakes.delete': 'nur vor der Gegenzeichnung; Gegengezeichnetes wird abgeschlossen, nie gelöscht',
    'intakes.discardDraft': 'nur eigene Entwürfe, die nie eingereicht wurden',
    'entries.read':
      'dazu das Protokoll eines an das Amt übergebenen Falls, anvertraute Einträge ohne Rechtsgrundlage ohne Text (§ 65 SGB VIII)',
    'entries.write':
      'nur zu Fällen des eigenen oder an es übergebenen Amts; unveränderlich, Autor ist die angemeldete Person',
    'intakes.read':
      'dazu an das Amt übergebene Fälle (nur lesen), ohne anvertraute Angaben, für die keine Rechtsgrundlage die Übergabe erlaubt (§ 65 SGB VIII)',
    'intakes.accessRequest':
      'Fälle des eigenen und an das Amt übergebene; anvertraute Angaben nur mit Einwilligung (§ 65 Abs. 1 Nr. 1 SGB VIII)',
    'facilities.write': 'Bearbeiter und Meldende sind die angemeldete Person',
    'holds.write': 'Bearbeiter ist die angemeldete Person',
    'contacts.write':
      'Leitung und Administration: Einträge des eigenen Amts; Koordination: nur die Verbund-Einträge; Bearbeiter ist die angemeldete Person',
    'users.write': 'nur die Rollen Bereitschaft, Leitung, Administration; Koordination nur über `npm run user:add`',
  } as Record<string, string>,
} as const;
