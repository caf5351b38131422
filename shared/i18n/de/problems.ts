/** What the app says when something of its own went wrong (the error boundary, the sync status). */
export const problems = {
  boundary: {
    title: 'Die Anzeige ist auf einen Fehler gestoßen',
    message:
      'Was Sie eingegeben haben, ist auf diesem Gerät gespeichert und geht nicht verloren. Laden Sie die Anzeige neu; ' +
      'danach werden Sie nach Ihrem Passwort gefragt. Tritt der Fehler wieder auf, melden Sie ihn bitte der ' +
      'Administration (die Protokolldatei der App enthält keine Falldaten).',
    reload: 'Neu laden',
  },
  /** The last error of the synchronisation, as the status bar shows it until the next successful sync. */
  sync: {
    lastError: (text: string) => `Letzter Übertragungsfehler: ${text}`,
    network: 'Der Server ist nicht erreichbar. Ihre Änderungen bleiben auf diesem Gerät und werden später übertragen.',
    server: (status: number) =>
      `Der Server hat mit einem Fehler geantwortet (HTTP ${status}). Die Übertragung wird wiederholt.`,
    local: 'Die lokale Datenbank hat einen Fehler gemeldet. Die Übertragung wird wiederholt.',
    notYet: 'Ein gehaltener Platz wartet, bis sein Bericht übertragen ist. Die Übertragung wird wiederholt.',
  },
} as const;
