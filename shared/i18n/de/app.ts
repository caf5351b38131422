import type { ResponsibilityBasis } from '../../nightRecord/responsibility';

/** Strings of the app's screens (renderer). Grouped by feature. */
export const app = {
  name: 'Obhut',

  /** Date and time fields (renderer/src/app/inputs): German whatever the operating system's language. */
  dateEntry: {
    placeholderDate: 'TT.MM.JJJJ',
    placeholderDateTime: 'TT.MM.JJJJ hh:mm',
    placeholderTime: 'hh:mm',
  },

  /** The local store (renderer/src/data/sealed-storage.ts): its one-time upgrade at unlock, records that do not open. */
  store: {
    upgradeTitle: 'Die Daten auf diesem Gerät werden umgestellt',
    upgradeText:
      'Die Daten auf diesem Gerät werden einmalig in das neue, schnellere Verschlüsselungsformat übertragen. ' +
      'Wird das Gerät dabei ausgeschaltet, geht nichts verloren: Die Umstellung wird beim nächsten Öffnen ' +
      'fortgesetzt.',
    upgradeProgress: (what: string, done: string, total: string) => `${what}: ${done} von ${total}`,
    kinds: {
      intakes: 'Vorgänge',
      entries: 'Protokolleinträge',
      facilities: 'Einrichtungen',
      holds: 'Platzanfragen',
      contacts: 'Telefonverzeichnis',
      rejections: 'Abgelehnte Änderungen',
    } as Record<string, string>,
    otherKind: 'Weitere Daten',
    /** One record of each collection, for the list of damaged ones. */
    record: {
      intakes: 'Vorgang',
      entries: 'Protokolleintrag',
      facilities: 'Einrichtung',
      holds: 'Platzanfrage',
      contacts: 'Verzeichniseintrag',
      rejections: 'Abgelehnte Änderung',
    } as Record<string, string>,
    otherRecord: 'Eintrag',
    damagedTitle: 'Beschädigte Daten auf diesem Gerät',
    damagedText: (n: number) =>
      `${n === 1 ? 'Ein Eintrag' : `${n} Einträge`} auf diesem Gerät ${n === 1 ? 'lässt' : 'lassen'} sich nicht ` +
      'mehr entschlüsseln: Die gespeicherten Daten wurden verändert oder sind beschädigt. Alle übrigen Daten ' +
      'sind lesbar. Was bereits beim Server ist, geht nicht verloren. Bitte melden Sie dies Ihrer IT und nennen ' +
      'Sie die Kennung.',
    damagedRecord: (kind: string, id: string) => `${kind}, Kennung ${id}`,
  },

  shell: {
    tagline: 'Inobhutnahmen im Bereitschaftsdienst',
    signedInAs: (name: string, office: string) => `${name} · ${office}`,
    logout: 'Abmelden',
    areaMenu: (current: string) => `Bereich wählen (jetzt: ${current})`,
    /** The header of a table column that holds only buttons (read by screen readers, not shown). */
    actionsColumn: 'Aktionen',
    loading: 'Daten werden geöffnet …',
    offlineSession: 'Offline angemeldet: Die Anmeldung beim Server folgt, sobald er erreichbar ist.',
    authFailed: 'Der Server hat Ihre Anmeldung nicht angenommen. Bitte melden Sie sich erneut an.',
    reauthenticate: 'Erneut anmelden',
    logoutPending: {
      title: 'Noch nicht übertragene Änderungen',
      sealed: (n: number, until: string) =>
        `${n === 1 ? '1 Änderung ist' : `${n} Änderungen sind`} noch nicht beim Server. ` +
        'Sie bleiben verschlüsselt auf diesem Gerät und werden unter Ihrem Namen übertragen, sobald das Gerät ' +
        'wieder Verbindung hat – auch wenn Sie sich nicht wieder anmelden und jemand anderes hier weiterarbeitet. ' +
        `Lesen kann sie hier niemand. Das gilt bis ${until}; danach werden sie erst übertragen, wenn Sie sich ` +
        'auf diesem Gerät wieder anmelden.',
      stranded: (n: number) =>
        `${n === 1 ? '1 Änderung ist' : `${n} Änderungen sind`} noch nicht beim Server. Dieses Gerät hatte in ` +
        'Ihrer Sitzung keine Verbindung zum Server, deshalb können sie ohne Sie nicht übertragen werden: Sie ' +
        'werden erst übertragen, wenn Sie sich auf diesem Gerät wieder anmelden. Bleiben Sie möglichst ' +
        'angemeldet (oder sperren Sie nur), bis die Verbindung wieder da ist.',
      others: 'Wer sich hier anmeldet, sieht nur, dass Änderungen von Ihnen warten, nicht welche.',
      stay: 'Angemeldet bleiben',
      confirm: 'Trotzdem abmelden',
    },
  },

  login: {
    title: 'Anmeldung',
    intro: 'Melden Sie sich mit Ihrem Dienstkonto an. Ohne Verbindung öffnet Obhut die Daten dieses Geräts.',
    username: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    server: (url: string) => `Server: ${url}`,
    required: 'Bitte ausfüllen.',
    errors: {
      offline:
        'Der Server ist nicht erreichbar, und auf diesem Gerät gibt es noch keine Anmeldung für diesen Benutzer. ' +
        'Die erste Anmeldung braucht eine Verbindung.',
      local_key_mismatch:
        'Die Daten auf diesem Gerät sind mit einem früheren Passwort geschützt. Bitte wenden Sie sich an die ' +
        'Administration, bevor Sie weiterarbeiten.',
      unexpected: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    },
    /** What a refused login has left (issue 12.3): attempts, the lock's end, and whom to call at night. */
    limits: {
      attemptsLeft: (n: number) =>
        n === 1
          ? 'Noch 1 Versuch, dann wird die Anmeldung vorübergehend gesperrt.'
          : `Noch ${n} Versuche, dann wird die Anmeldung vorübergehend gesperrt.`,
      lockedUntil: (when: string) => `Die Anmeldung ist bis ${when} Uhr gesperrt.`,
      lockedNoEnd: 'Die Anmeldung ist vorübergehend gesperrt.',
      localStillOpens:
        'Auf einem Laptop, auf dem Sie schon angemeldet waren, öffnen Sie Ihre Daten weiterhin mit Ihrem Passwort.',
      callNamed: (name: string, phone: string) => `Hilfe, auch nachts: ${name}, Telefon ${phone}.`,
      callPhone: (phone: string) => `Hilfe, auch nachts: Administration, Telefon ${phone}.`,
      callAdmin: 'Bitte wenden Sie sich an Ihre Administration.',
    },
  },

  status: {
    label: 'Synchronisation',
    online: 'Online',
    offline: 'Offline',
    connecting: 'Verbindung wird hergestellt …',
    lastSynced: (when: string) => `Zuletzt synchronisiert: ${when}`,
    neverSynced: 'Noch nicht synchronisiert',
    pending: (n: number) =>
      n === 0
        ? 'Alle Änderungen synchronisiert'
        : n === 1
          ? '1 Änderung noch nicht synchronisiert'
          : `${n} Änderungen noch nicht synchronisiert`,
    rejected: (n: number) => (n === 1 ? '1 Änderung abgelehnt' : `${n} Änderungen abgelehnt`),
    rejectedItem: (what: string, reason: string) => `${what}: ${reason}`,
    conflicts: (n: number) => (n === 1 ? '1 Konflikt' : `${n} Konflikte`),
    authFailed: 'Anmeldung beim Server erforderlich',
    outboxLabel: 'Hinterlegte Änderungen auf diesem Gerät',
    outboxWaiting: (n: number, name: string) =>
      `${n === 1 ? '1 Änderung' : `${n} Änderungen`} von ${name} ${n === 1 ? 'wartet' : 'warten'} auf Übertragung`,
    outboxWaitingForLogin: (n: number, name: string) =>
      `${n === 1 ? '1 Änderung' : `${n} Änderungen`} von ${name} ${n === 1 ? 'wartet' : 'warten'} auf die ` +
      `nächste Anmeldung von ${name} auf diesem Gerät`,
    outboxTooLarge: (n: number, name: string) =>
      `${n === 1 ? '1 Änderung' : `${n} Änderungen`} von ${name} ${n === 1 ? 'ist' : 'sind'} zu umfangreich, um ohne ` +
      `${name} übertragen zu werden, und ${n === 1 ? 'wartet' : 'warten'} auf die nächste Anmeldung von ${name} ` +
      'auf diesem Gerät',
  },

  intakes: {
    title: 'Inobhutnahmen',
    new: 'Neue Inobhutnahme',
    empty: 'Noch keine Inobhutnahmen für dieses Jugendamt.',
    noMatch: 'Keine Inobhutnahme passt zur Suche.',
    more: 'Weitere Einträge anzeigen',
    listLabel: 'Inobhutnahmen des Jugendamts',
    columns: {
      child: 'Kind',
      receivedAt: 'Anruf eingegangen',
      status: 'Status',
      deadlines: 'Fristen',
      sync: 'Synchronisation',
    },
    search: {
      label: 'Suche',
      name: 'Name des Kindes',
      namePlaceholder: 'Vor- oder Nachname',
      from: 'Anruf ab',
      to: 'Anruf bis',
      status: 'Status',
      anyStatus: 'Alle',
      invalidRange: 'Das Enddatum liegt vor dem Anfangsdatum.',
      count: (shown: number, all: number) =>
        shown === all ? `${all} Inobhutnahmen` : `${shown} von ${all} Inobhutnahmen`,
    },
    unnamed: '(ohne Namen)',
    markers: {
      pending: 'nicht synchronisiert',
      conflict: 'Konflikt',
      rejected: 'abgelehnt',
      overdue: (n: number) => (n === 1 ? '1 Frist überfällig' : `${n} Fristen überfällig`),
      nextDue: (what: string, when: string) => `${what} bis ${when}`,
      noDeadlines: '–',
    },
    open: (name: string) => `${name} öffnen`,
    back: 'Zurück zur Liste',
    notFound: 'Diese Inobhutnahme gibt es auf diesem Gerät nicht (mehr).',
  },

  /** The night record (issue 3): form, log, placement search, deadlines, conflicts. */
  nightRecord: {
    titleNew: 'Neue Inobhutnahme',
    title: (name: string) => `Inobhutnahme: ${name}`,
    keyboardHint:
      'Alles wird beim Tippen auf diesem Gerät gespeichert. Tab: nächstes Feld · Alt+N: nächstes fehlendes Feld · Alt+1 … 9: Abschnitt · Strg+Enter: fertig, zurück zur Liste · in Zeitfeldern J: jetzt',
    done: 'Fertig – zur Liste',
    submit: 'Zur Prüfung vorlegen',
    submitted: 'Zur Prüfung vorgelegt. Korrekturen sind weiter möglich; die Leitung sieht den neuesten Stand.',
    submitFailed: 'Vorlegen nicht möglich:',
    save: {
      idle: 'Noch nichts eingegeben',
      pending: 'Wird gleich gespeichert …',
      saving: 'Wird gespeichert …',
      saved: 'Auf diesem Gerät gespeichert',
      failed: 'Speichern fehlgeschlagen – bitte prüfen Sie die markierten Felder.',
    },
    sync: {
      pending: 'Noch nicht synchronisiert',
      synced: 'Synchronisiert',
    },
    sectionsNav: 'Abschnitte',
    sections: { child: 'Kind' },
    birthDateOrAge: 'Geburtsdatum oder geschätztes Alter',
    years: 'Jahre',
    now: 'J: jetzt · -15: vor 15 Minuten',
    choose: 'Bitte wählen',
    yes: 'Ja',
    no: 'Nein',
    empty: '(leer)',
    freedomDeprivationHint:
      'Nur bei Gefahr für Leib oder Leben; ohne Gerichtsentscheidung spätestens mit Ablauf des Folgetages beenden.',
    attemptsHint: 'Wenn nicht erreicht: wann, wie, mit welchem Ergebnis',
    overrideHint: 'Nur wenn abweichend von der Ableitung; bitte begründen.',
    consultedItem: (n: number) => `Fachkraft ${n}`,
    custodianItem: (n: number) => `Person ${n}`,
    addConsulted: 'Fachkraft hinzufügen',
    addCustodian: 'Personensorgeberechtigte Person hinzufügen',
    removeItem: (what: string) => `${what} entfernen`,
    noCustodians: 'Noch keine Person erfasst.',
    validation: {
      requiredForSubmit: 'Für die Vorlage zur Prüfung erforderlich.',
      invalidDateTime: 'Bitte Datum und Uhrzeit als TT.MM.JJJJ hh:mm angeben (J: jetzt).',
      futureDateTime: 'Der Zeitpunkt liegt in der Zukunft.',
      invalidDate: 'Bitte ein gültiges Datum als TT.MM.JJJJ angeben.',
      futureDate: 'Das Datum liegt in der Zukunft.',
      range: (min: number, max: number) => `Bitte eine ganze Zahl zwischen ${min} und ${max} angeben.`,
      tooLong: (max: number) => `Höchstens ${max} Zeichen.`,
      unknownOption: 'Bitte einen Eintrag aus der Liste wählen.',
      endBeforeStart: 'Das Ende liegt vor dem Beginn.',
      endBeforeMeasure: 'Das Ende liegt vor dem Beginn der Maßnahme.',
      overrideReason: 'Bitte begründen Sie die abweichende Zuständigkeit.',
    },
    missing: {
      title: (n: number) =>
        n === 1 ? 'Für die Vorlage fehlt noch 1 Angabe' : `Für die Vorlage fehlen noch ${n} Angaben`,
      complete: 'Alle für die Vorlage nötigen Angaben sind da.',
      goTo: (label: string) => `Zu „${label}“ springen`,
    },
    responsibility: {
      derived: (office: string, basis: string) => `Zuständig: ${office} (${basis})`,
      overridden: (office: string, derived: string) =>
        `Zuständig: ${office} – abweichend von der Ableitung (${derived})`,
      unknown: 'Zuständigkeit: noch offen – bitte den tatsächlichen Aufenthalt vor der Maßnahme angeben.',
      unknownAllocation:
        'Zuständigkeit: richtet sich nach der Zuweisungsentscheidung (§ 88a Abs. 2 S. 1 SGB VIII) – bitte das ' +
        'zugewiesene Jugendamt angeben oder, wenn die Verteilung ausgeschlossen ist, dies in Abschnitt 9 eintragen.',
      handover: (office: string) => `Der Fall ist an ${office} zu übergeben.`,
      followUp: (office: string) => `Für anschließende Hilfen voraussichtlich zuständig (§ 86 SGB VIII): ${office}`,
      bases: {
        '§87': '§ 87 S. 1 SGB VIII: tatsächlicher Aufenthalt vor der Maßnahme',
        '§88a Abs. 1': '§ 88a Abs. 1 SGB VIII: tatsächlicher Aufenthalt vor der vorläufigen Inobhutnahme',
        '§88a Abs. 2 S. 1': '§ 88a Abs. 2 S. 1 SGB VIII: Zuweisungsentscheidung',
        '§88a Abs. 2 S. 2':
          '§ 88a Abs. 2 S. 2 SGB VIII: Verteilung ausgeschlossen, Jugendamt der vorläufigen Inobhutnahme',
        override: 'abweichend festgelegt',
      } satisfies Record<ResponsibilityBasis, string>,
    },
    deadlines: {
      title: 'Fristen',
      none: 'Noch keine Fristen: Sie beginnen mit der Entscheidung.',
      due: (when: string) => `fällig ${when}`,
      doneAt: (when: string) => `erledigt ${when}`,
    },
    conflicts: {
      title: 'Konflikte',
      intro:
        'Diese Angaben wurden gleichzeitig an anderer Stelle geändert. Gespeichert ist der Wert, der zuerst beim Server war; ' +
        'der andere ist hier aufbewahrt, bis jemand entscheidet.',
      field: 'Angabe',
      current: 'Aktueller Wert',
      kept: 'Anderer Wert',
      you: 'Ihnen',
      take: 'Anderen Wert übernehmen',
      takeLabel: (field: string) => `Anderen Wert übernehmen: ${field}`,
      keep: 'Aktuellen behalten',
      keepLabel: (field: string) => `Aktuellen behalten: ${field}`,
      actions: 'Entscheidung',
      diffHint: 'Markiert ist, was nur in einem der beiden Werte steht.',
      ownLost: (field: string, who: string) =>
        `Ihr Wert bei „${field}“ wurde durch einen früheren Wert von ${who} ersetzt und ist hier aufbewahrt.`,
      /** A conflict recorded before the server noted who wrote the value that stayed. */
      ownLostUnknown: (field: string) =>
        `Ihr Wert bei „${field}“ wurde durch einen früheren Wert ersetzt und ist hier aufbewahrt.`,
      /** Who wrote a value, on which device, and when (the server's record of the write). */
      wroteBy: (who: string) => `von ${who}`,
      onDevice: (device: string) => `auf Gerät ${device}`,
      device: (device: string) => `Gerät ${device}`,
      deviceNamed: (name: string, shortId: string) => `„${name}“ (${shortId})`,
      deviceIdOnly: (shortId: string) => `${shortId} (Name unbekannt, nur Kennung)`,
      deviceUnknown: 'Gerät nicht erfasst',
      originUnknown: 'Wer diesen Wert geschrieben hat, ist zu diesem älteren Konflikt nicht erfasst.',
      deviceHint:
        'Geräte stehen mit ihrem Namen und dem Anfang ihrer Kennung, wie die Administration sie unter Verwaltung › Geräte sieht.',
    },
    /** The worker's side of the morning review (issue 7); the supervisor's texts are de.review.ui. */
    review: {
      returnedTitle: 'Von der Leitung zur Korrektur zurückgegeben',
      returnedHint: 'Bitte korrigieren oder ergänzen Sie den Bericht und legen Sie ihn danach erneut zur Prüfung vor.',
      resubmit: 'Erneut zur Prüfung vorlegen',
      resubmitFailed: 'Erneut vorlegen nicht möglich:',
      resubmitted: 'Nach Korrektur erneut zur Prüfung vorgelegt.',
      locked: 'Gegengezeichnet und gesperrt.',
      lateFacts:
        'Noch leere Felder für spätere Tatsachen (z. B. Ende der Maßnahme, Gericht, erreichte Personensorgeberechtigte, Statistik) ' +
        'können Sie einmal ausfüllen; gespeichert wird beim Verlassen des Feldes, danach ist auch dieses Feld gesperrt. ' +
        'Alles andere, auch Korrekturen, tragen Sie bitte als Nachtrag unten im Protokoll ein.',
      keyboardHintLocked:
        'Tab: nächstes Feld · Strg+Enter: zurück zur Liste · Nachträge tragen Sie unten im Protokoll ein.',
      notWritten: (values: string) =>
        `Nicht gespeichert, weil der Bericht inzwischen gesperrt ist oder das Feld inzwischen ausgefüllt wurde: ${values}. ` +
        'Tragen Sie dies bitte als Nachtrag unten im Protokoll ein.',
      notWrittenSeen: 'Zur Kenntnis genommen',
      keyboardHintReceived:
        'Nur lesen. Strg+Enter: zurück zur Liste · Eigene Einträge tragen Sie unten im Protokoll ein.',
    },
    rejection: {
      title: 'Der Server hat die letzte Änderung abgelehnt',
      hint: 'Ihre Eingaben sind auf diesem Gerät gespeichert. Bitte ergänzen oder korrigieren Sie sie.',
      hintLocked:
        'Der Bericht ist inzwischen gegengezeichnet; der Server nimmt die Änderungen dieses Geräts nicht mehr an. ' +
        'Übernehmen Sie den Stand des Servers: Ihre abweichenden Angaben werden dabei als Eintrag im Protokoll festgehalten.',
      restore: 'Stand des Servers übernehmen',
      restoreFailed: 'Der Stand des Servers konnte nicht übernommen werden:',
      notTaken: (values: string) => `Nicht übernommen nach Ablehnung durch den Server: ${values}`,
      seen: 'Zur Kenntnis genommen',
    },
    log: {
      title: 'Protokoll',
      empty: 'Noch keine Einträge.',
      kind: 'Art',
      at: 'Zeitpunkt',
      atHint: 'leer: jetzt',
      text: 'Eintrag',
      add: 'Eintragen',
      by: (who: string) => `von ${who}`,
      correcting: (what: string) => `Korrektur zu: ${what}`,
      corrects: (what: string) => `korrigiert den Eintrag ${what}`,
      correct: 'Korrigieren',
      cancelCorrection: 'Keine Korrektur',
      immutableHint: 'Einträge sind unveränderlich; Korrekturen werden als neuer Eintrag ergänzt.',
      rejected: 'Vom Server abgelehnt',
      restore: 'Stand des Servers wiederherstellen',
      placement: (facility: string, answer: string) => `${facility}: ${answer}`,
      textRequired: 'Bitte einen Text eingeben.',
    },
    placementSearch: {
      title: 'Platzsuche',
      intro: 'Jede Anfrage wird mit Uhrzeit protokolliert: angefragt, abgelehnt oder zugesagt.',
      facility: 'Einrichtung oder Person',
      facilityRequired: 'Bitte die Einrichtung angeben.',
      request: 'Angefragt',
      refuse: 'Abgelehnt',
      accept: 'Zugesagt',
      reason: 'Grund der Absage',
      asked: 'Angefragt',
      answer: 'Antwort',
      empty: 'Noch keine Anfrage.',
      actionsFor: (facility: string) => `Antwort von ${facility}`,
      refuseLabel: (facility: string) => `${facility}: abgelehnt`,
      acceptLabel: (facility: string) => `${facility}: zugesagt`,
      count: (asked: number, refused: number) => `${asked} angefragt, ${refused} abgelehnt`,
    },
  },

  nav: {
    label: 'Bereiche',
    intakes: 'Inobhutnahmen',
    board: 'Platzbörse',
    coordination: 'Koordination',
  },

  /** The Verbund placement board (issue 4). Facility and hold labels are in placement.ts. */
  board: {
    title: 'Platzbörse des Verbunds',
    searchForIntake: 'Freien Platz in der Platzbörse suchen',
    intro: 'Freie Plätze aller fünf Jugendämter und ihrer Träger. Passende Einrichtungen stehen oben.',
    offlineSnapshot: (when: string) =>
      `Offline: Sie sehen den letzten Stand dieses Geräts (${when}). Inzwischen können Plätze vergeben sein – bitte vor der Aufnahme anrufen.`,
    neverSynced: 'Offline und noch nie synchronisiert: Auf diesem Gerät liegt noch kein Stand der Platzbörse vor.',
    filters: {
      title: 'Suche',
      age: 'Alter (Jahre)',
      agePlaceholder: 'z. B. 15',
      sex: 'Geschlecht',
      sexAny: 'Alle',
      siblings: 'Geschwister, die mit aufgenommen werden',
      motherAndChild: 'Mutter-Kind-Platz',
      areas: 'Gebiet',
      areasPlaceholder: 'Ganzer Verbund',
      onlyFitting: 'Nur passende anzeigen',
      reset: 'Suche zurücksetzen',
      intake: 'Für Inobhutnahme',
      intakePlaceholder: 'Inobhutnahme wählen',
      intakeNone: 'Ohne Inobhutnahme (nur ansehen)',
    },
    count: (shown: number, fitting: number) =>
      `${shown} ${shown === 1 ? 'Einrichtung' : 'Einrichtungen'}, davon ${fitting} passend`,
    empty: 'Keine Einrichtung entspricht der Suche.',
    showMore: (more: number, shown: number, total: number) =>
      `Weitere ${more} anzeigen (${shown} von ${total} angezeigt)`,
    noFacilities: 'Auf diesem Gerät sind noch keine Einrichtungen gespeichert.',
    card: {
      ages: (min: number, max: number) => `${min}–${max} Jahre`,
      phone: (phone: string) => `Tel. ${phone}`,
      fits: 'Passt',
      doesNotFit: 'Passt nicht',
      stale: 'Veraltet',
      holdsOfOthers: (n: number) =>
        n === 1 ? '1 Reservierung eines anderen Jugendamts' : `${n} Reservierungen anderer Jugendämter`,
      siblings: (max: number) => `bis ${max} Geschwister`,
    },
    hold: {
      action: 'Platz halten',
      actionLabel: (facility: string) => `Platz halten: ${facility}`,
      title: (facility: string) => `Platz halten: ${facility}`,
      intake: 'Inobhutnahme',
      ageGroup: 'Altersgruppe',
      sex: 'Geschlecht',
      confirm: 'Platz halten',
      cancel: 'Abbrechen',
      required: 'Bitte auswählen.',
      noIntakes: 'Legen Sie zuerst die Inobhutnahme an; der Platz wird für sie gehalten.',
      held: (facility: string, until: string) => `Platz in ${facility} gehalten bis ${until}.`,
      failed: 'Der Platz konnte nicht gehalten werden. Bitte versuchen Sie es erneut.',
      onlyOwnOffice: 'Plätze halten können Bereitschaftsdienst und Leitung der Jugendämter.',
      fullWarning:
        'Die Platzbörse zeigt hier keinen freien Platz. Wenn Sie den Platz trotzdem halten, ist die Einrichtung ' +
        'sofort als überbucht markiert, und die anderen Jugendämter sehen das.',
      overbookReason: 'Grund für die Überbuchung',
      confirmOverbooking: 'Trotzdem halten (überbucht)',
    },
    ownHolds: {
      title: 'Reservierungen Ihres Jugendamts',
      until: (time: string) => `bis ${time}`,
      since: (time: string) => `seit ${time}`,
      confirm: 'Aufnahme bestätigen',
      release: 'Freigeben',
      intake: (name: string) => `für ${name}`,
      unknownIntake: 'Inobhutnahme nicht auf diesem Gerät',
      rejected: (reason: string) => `Vom Server abgelehnt: ${reason}`,
    },
    overbooked: {
      title: 'Überbucht – bitte klären',
      text: 'Mehr Reservierungen als gemeldete freie Plätze. Bitte stimmen Sie sich ab mit:',
      office: (office: string, phone: string) => `${office}: Bereitschaftsdienst ${phone}`,
      facility: (phone: string) => `Einrichtung: ${phone}`,
    },
    attemptText: (facility: string, until: string) => `Platz in ${facility} gehalten bis ${until} (Platzbörse).`,
    attemptTextOverbooked: (facility: string, until: string, reason: string) =>
      `Platz in ${facility} gehalten bis ${until} (Platzbörse), obwohl kein Platz frei war – überbucht. Grund: ${reason}.`,
  },

  /** The coordinator's view (role coordinator). */
  coordination: {
    title: 'Verbund-Koordination',
    tabs: {
      report: 'Freie Plätze melden',
      facilities: 'Einrichtungen',
      occupancy: 'Belegung',
      holds: 'Reservierungen',
    },
    report: {
      intro:
        'Je Einrichtung die Zahl der freien Plätze eingeben und mit Enter melden. Die Meldung setzt die Zählung der Reservierungen zurück.',
      facility: 'Einrichtung',
      current: 'Jetzt angezeigt',
      stand: 'Stand',
      newValue: 'Freie Plätze jetzt',
      inputLabel: (facility: string) => `Freie Plätze jetzt: ${facility}`,
      submit: 'Melden',
      submitLabel: (facility: string) => `Freie Plätze melden: ${facility}`,
      reported: (facility: string, free: number) => `${facility}: ${free} frei gemeldet.`,
      tooMany: (total: number) => `Höchstens ${total} (Plätze gesamt).`,
      tooManyInRoom: (places: number) => `Höchstens ${places} (Plätze im Mutter-Kind-Zimmer).`,
      motherChildRoom: (facility: string) => `${facility} – Mutter-Kind-Zimmer`,
    },
    facilities: {
      new: 'Neue Einrichtung',
      edit: 'Bearbeiten',
      editLabel: (facility: string) => `Bearbeiten: ${facility}`,
      editTitle: (facility: string) => `Einrichtung bearbeiten: ${facility}`,
      newTitle: 'Neue Einrichtung',
      save: 'Speichern',
      cancel: 'Abbrechen',
      saved: 'Gespeichert. Die Änderung wird synchronisiert, sobald eine Verbindung besteht.',
      initialFree: 'Freie Plätze (erste Meldung)',
      motherChildPlacesHint: 'Wird getrennt von den Plätzen gesamt gezählt; 0 = kein Mutter-Kind-Zimmer.',
      required: 'Bitte ausfüllen.',
      invalidPhone: 'Bitte nur Ziffern, Leerzeichen und ( ) / - angeben, mindestens 6 Zeichen.',
      invalidPostalCode: 'Bitte eine fünfstellige Postleitzahl angeben.',
      invalidText: 'Eine Zeile ohne „@“ (keine E-Mail-Adressen, keine Namen von Personen).',
      noStreetForFoster: 'Bei Bereitschaftspflegefamilien keine Straße angeben.',
      atLeastOneSex: 'Bitte mindestens eine Angabe wählen.',
    },
    occupancy: {
      title: 'Belegte und gehaltene Plätze je Jugendamt (letzte 7 Tage)',
      empty: 'Noch keine Reservierungen.',
      table: 'Aktuell belegt oder gehalten',
    },
    holds: {
      overbooked: 'Überbuchte Einrichtungen',
      expired: 'Abgelaufene Reservierungen (letzte 7 Tage)',
      longRunning: 'Lang laufende Belegungen (über 48 Stunden)',
      none: 'Keine.',
      columns: {
        facility: 'Einrichtung',
        office: 'Jugendamt',
        phone: 'Bereitschaftsdienst',
        ageGroup: 'Altersgruppe',
        from: 'Seit',
        expiresAt: 'Verfallen um',
        status: 'Status',
        free: 'Freie Plätze',
      },
    },
  },
} as const;
