/** Strings of the app's security screens (issue 5): lock screen, revoked device, administration. */
export const security = {
  lock: {
    title: 'Obhut ist gesperrt',
    lockNow: 'App sperren',
    reasons: {
      idle: (minutes: number) =>
        `Nach ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} ohne Eingabe gesperrt. Die Daten sind verschlossen.`,
      sleep: 'Gesperrt, weil das Gerät in den Ruhezustand ging.',
      screen: 'Gesperrt, weil der Bildschirm gesperrt wurde.',
      manual: 'Gesperrt. Die Daten sind verschlossen.',
    },
    intro: (name: string) => `Angemeldet ist ${name}. Geben Sie Ihr Passwort ein, um weiterzuarbeiten.`,
    pendingKept:
      'Noch nicht synchronisierte Änderungen bleiben auf diesem Gerät und werden nach dem Entsperren übertragen.',
    password: 'Passwort',
    unlock: 'Entsperren',
    switchUser: 'Abmelden und anderen Benutzer anmelden',
  },

  revoked: {
    title: 'Dieses Gerät wurde gesperrt',
    message:
      'Die Administration hat dieses Gerät gesperrt, zum Beispiel weil es als verloren gemeldet wurde. ' +
      'Obhut hat deshalb alle Daten auf diesem Gerät gelöscht.',
    lost: (n: number) =>
      n === 1
        ? '1 Änderung war noch nicht synchronisiert und ist verloren. Bitte dokumentieren Sie sie erneut auf einem anderen Gerät.'
        : `${n} Änderungen waren noch nicht synchronisiert und sind verloren. Bitte dokumentieren Sie sie erneut auf einem anderen Gerät.`,
    contact: 'Bitte wenden Sie sich an die Administration Ihres Jugendamts.',
    wiping: 'Die Daten auf diesem Gerät werden gelöscht …',
    wipeFailed:
      'Die Daten konnten nicht vollständig gelöscht werden. Bitte schließen Sie Obhut und wenden Sie sich an die Administration.',
  },

  admin: {
    nav: 'Verwaltung',
    title: 'Verwaltung',
    online: 'Die Verwaltung braucht eine Verbindung zum Server.',
    failed: 'Der Server hat die Anfrage nicht ausgeführt.',
    reload: 'Neu laden',
    tabs: { users: 'Benutzer', devices: 'Geräte', audit: 'Protokoll' },
    users: {
      label: 'Benutzerkonten des Jugendamts',
      empty: 'Keine Benutzerkonten.',
      columns: {
        username: 'Benutzername',
        displayName: 'Name',
        roles: 'Rollen',
        status: 'Status',
        actions: 'Aktionen',
      },
      active: 'Aktiv',
      disabled: 'Deaktiviert',
      disable: 'Konto deaktivieren',
      enable: 'Konto aktivieren',
      resetPassword: 'Passwort zurücksetzen',
      create: 'Benutzer anlegen',
      form: {
        title: 'Neues Benutzerkonto',
        username: 'Benutzername',
        usernameHint: 'Kleinbuchstaben, Ziffern, Punkt, Bindestrich, Unterstrich',
        displayName: 'Name',
        roles: 'Rollen',
        password: 'Erstes Passwort',
        passwordHint: 'Mindestens 12 Zeichen. Bitte persönlich übergeben.',
        submit: 'Anlegen',
        cancel: 'Abbrechen',
        required: 'Bitte ausfüllen.',
        rolesRequired: 'Bitte mindestens eine Rolle wählen.',
      },
      created: (username: string) => `Benutzerkonto „${username}“ angelegt.`,
      passwordTitle: (username: string) => `Neues Passwort für „${username}“`,
      passwordNew: 'Neues Passwort',
      passwordSave: 'Passwort setzen',
      passwordDone: (username: string) =>
        `Das Passwort von „${username}“ ist neu gesetzt; offene Anmeldungen wurden beendet.`,
      disabledDone: (username: string) => `„${username}“ ist deaktiviert; offene Anmeldungen wurden beendet.`,
      enabledDone: (username: string) => `„${username}“ ist wieder aktiviert.`,
    },
    devices: {
      label: 'Registrierte Geräte',
      empty: 'Keine Geräte registriert.',
      columns: {
        name: 'Gerät',
        user: 'Zuletzt angemeldet',
        firstSeen: 'Erstmals gesehen',
        lastSeen: 'Zuletzt gesehen',
        version: 'App-Version',
        status: 'Status',
        actions: 'Aktionen',
      },
      active: 'Aktiv',
      revokedAt: (when: string) => `Gesperrt am ${when}`,
      revoke: 'Gerät sperren und löschen',
      confirmTitle: 'Gerät sperren und löschen?',
      confirm: (name: string) =>
        `„${name}“ wird gesperrt. Beim nächsten Kontakt mit dem Server löscht Obhut alle Daten auf diesem Gerät; ` +
        'noch nicht synchronisierte Änderungen gehen dabei verloren. Das lässt sich nicht rückgängig machen.',
      /** What the device last reported (X-Obhut-Pending), so a wrongful revocation is noticed before data is lost. */
      pending: (count: number, when: string) =>
        count === 0
          ? `Das Gerät meldete am ${when}: alle Änderungen synchronisiert.`
          : `Das Gerät meldete am ${when}: ${count === 1 ? '1 Änderung' : `${count} Änderungen`} noch nicht synchronisiert. ` +
            'Diese gingen beim Sperren verloren. Klären Sie vorher mit der Person, ob der Laptop wirklich verloren ist.',
      pendingUnknown: 'Das Gerät hat noch nicht gemeldet, ob es nicht synchronisierte Änderungen hat.',
      confirmButton: 'Endgültig sperren und löschen',
      cancel: 'Abbrechen',
      revokedDone: (name: string) => `„${name}“ ist gesperrt.`,
      unknown: 'unbekannt',
    },
    audit: {
      label: 'Audit-Protokoll',
      intro:
        'Wer wann was getan hat: Anmeldungen, Änderungen, Abrufe, Exporte und Verwaltung, die neuesten zuerst. Jede Zeile ist mit der vorigen verkettet.',
      empty: 'Keine Einträge.',
      emptyFiltered: 'Keine Einträge für diese Auswahl.',
      filters: {
        label: 'Protokoll eingrenzen',
        action: 'Art',
        anyAction: 'Alle Arten',
        actor: 'Benutzer',
        anyActor: 'Alle Benutzer',
        actorOption: (displayName: string, username: string) => `${displayName} (${username})`,
        from: 'Von',
        to: 'Bis',
        reset: 'Auswahl zurücksetzen',
      },
      columns: { at: 'Zeitpunkt', action: 'Aktion', actor: 'Benutzer', device: 'Gerät', target: 'Betroffen' },
      more: 'Weitere laden',
      export: 'Als CSV exportieren',
      exported: 'Das Protokoll wurde exportiert.',
      head: (seq: number) => `${seq} Einträge insgesamt in der Kette`,
      filter: 'Geladene Einträge filtern',
      filterHint: 'Aktion, Benutzer, Gerät oder Betroffen',
      filtered: (shown: number, loaded: number) => `${shown} von ${loaded} geladenen Einträgen`,
    },
  },
} as const;
