/**
 * Strings of the desktop shell (Electron main process): machine policy problems, update checks, dialogs.
 * `{name}` marks a value filled in at run time.
 */
export const desktop = {
  settings: {
    serverUrl: 'Server-Adresse',
    officeId: 'Jugendamt',
    updateChannel: 'Update-Kanal',
    updateUrl: 'Update-Adresse',
    idleLockMinutes: 'Automatische Sperre nach Inaktivität (Minuten)',
    laptopPurgeDays: 'Abgeschlossene Inobhutnahmen vom Gerät entfernen nach (Tagen)',
    allowPlaintextKeyStorage: 'Schlüsselablage ohne Schutz durch das Betriebssystem erlauben',
    allowUpdateDownload: 'Updates herunterladen und installieren',
    nightContactName: 'Ansprechpartner bei gesperrter Anmeldung (nachts)',
    nightContactPhone: 'Telefon des Ansprechpartners bei gesperrter Anmeldung',
  },
  policy: {
    sources: {
      machine: 'Maschinenrichtlinie',
      user: 'Benutzereinstellungen',
      launch: 'Startparameter',
    },
    unreadable: '{source} ({path}) kann nicht gelesen werden ({reason}). Es gelten sichere Standardwerte.',
    invalidJson: '{source} ({path}) ist kein gültiges JSON ({reason}). Es gelten sichere Standardwerte.',
    notAnObject: '{source} ({path}) muss ein JSON-Objekt sein. Es gelten sichere Standardwerte.',
    unknownKey: '{source}: Die Einstellung „{key}“ gibt es nicht; sie wird ignoriert.',
    invalidValue: '{source}: „{key}“ ({label}) {problem}. Es gilt der Standardwert {fallback}.',
    machineOnly: '{source}: „{key}“ ({label}) kann nur die Maschinenrichtlinie festlegen; der Wert wird ignoriert.',
    noDefault: 'keiner',
    problems: {
      integer: 'muss eine ganze Zahl sein',
      boolean: 'muss true oder false sein',
      string: 'muss ein Text sein',
      minimum: 'muss mindestens {limit} sein',
      maximum: 'darf höchstens {limit} sein',
      oneOf: 'muss einer dieser Werte sein: {values}',
      url: 'muss eine vollständige Adresse sein, die mit https:// beginnt',
      plainHttp: 'verwendet unverschlüsseltes http://, das nur für localhost erlaubt ist',
      credentials: 'darf keinen Benutzernamen und kein Passwort enthalten',
      invalid: 'ist ungültig',
    },
    dialogTitle: 'Obhut – Fehler in der Konfiguration',
    dialogMessage: 'Die Konfiguration dieses Geräts ist fehlerhaft. Obhut startet mit sicheren Standardwerten.',
    dialogDetail: 'Bitte geben Sie diese Meldung an Ihre IT-Administration weiter:',
  },
  update: {
    refused: {
      unsigned: 'Das Update auf Version {version} ist nicht signiert.',
      signature_unavailable: 'Die Signatur des Updates auf Version {version} konnte nicht geladen werden.',
      malformed: 'Die Signaturdatei des Updates auf Version {version} ist beschädigt.',
      unknown_key: 'Das Update auf Version {version} wurde mit einem Schlüssel signiert, dem Obhut nicht vertraut.',
      bad_signature: 'Die Signatur des Updates auf Version {version} passt nicht zur Datei: Die Datei wurde verändert.',
    },
    refusedTitle: 'Obhut – Update abgelehnt',
    refusedDetail:
      'Das Update wurde nicht installiert und gelöscht. Obhut läuft in der bisherigen Version weiter. ' +
      'Bitte informieren Sie Ihre IT-Administration.',
    readyTitle: 'Obhut – Update bereit',
    readyMessage: 'Version {version} ist heruntergeladen und geprüft.',
    readyDetail:
      'Sie wird beim nächsten Beenden von Obhut installiert. Ungespeicherte Eingaben bleiben lokal erhalten.',
    restartNow: 'Jetzt neu starten',
    later: 'Später',
  },
  keystore: {
    unavailable:
      'Dieses Gerät kann den Schlüssel Ihrer lokalen Daten nicht sicher ablegen: Der Schlüsselbund des ' +
      'Betriebssystems fehlt oder ist gesperrt (unter Linux z. B. GNOME Keyring oder KWallet). Obhut öffnet die ' +
      'Daten deshalb nicht. Bitte wenden Sie sich an Ihre IT-Administration.',
    unreadable:
      'Der gespeicherte Schlüssel Ihrer lokalen Daten lässt sich auf diesem Gerät nicht öffnen. Melden Sie sich ' +
      'mit Verbindung zum Server an, um ihn neu einzurichten.',
  },
  window: {
    notFound: 'Nicht gefunden.',
    forbidden: 'Zugriff verweigert.',
  },
} as const;
