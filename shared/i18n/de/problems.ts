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
} as const;
