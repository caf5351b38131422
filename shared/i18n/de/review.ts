import type { ReviewState } from '../../schema/intake';
import { domain } from './domain';

const office = (id: string) => domain.offices[id as keyof typeof domain.offices] ?? id;

/** The morning review (issue 7): states, actions and the log lines the server writes for each step. */
export const review = {
  states: {
    new: 'ungeprüft',
    in_review: 'in Prüfung',
    returned: 'zurückgegeben',
    countersigned: 'gegengezeichnet',
    handed_over: 'übergeben',
    closed: 'beendet',
  } satisfies Record<ReviewState, string>,
  log: {
    returned: (who: string, comment: string) => `Zurückgegeben von ${who}: ${comment}`,
    countersigned: (who: string) =>
      `Gegengezeichnet von ${who} (Vier-Augen-Prinzip). Der Bericht ist gesperrt; Nachträge bitte als Protokolleintrag.`,
    handedOver: (who: string, to: string) => `Übergeben an das zuständige Jugendamt ${office(to)} von ${who}.`,
    received: (who: string, from: string) => `Übernommen vom Jugendamt ${office(from)}, übergeben von ${who}.`,
    lateFacts: (who: string, fields: string[]) =>
      `Nach der Gegenzeichnung nachgetragen von ${who}: ${fields.join(', ')}.`,
    resubmitted: (who: string) => `Nach Korrektur erneut zur Prüfung vorgelegt von ${who}.`,
    step: (who: string, to: ReviewState) => `Prüfstand „${review.states[to]}“ gesetzt von ${who}.`,
  },
  /** The supervisor's review queue and the record's review view (renderer/src/features/review). */
  ui: {
    nav: 'Prüfung',
    title: 'Prüfung der Berichte',
    intro: 'Zur Prüfung vorgelegte Berichte des eigenen Jugendamts zur Gegenzeichnung (Vier-Augen-Prinzip).',
    scope: {
      label: 'Zeitraum',
      recent: (since: string) => `Seit dem letzten Arbeitstag (${since}) und alle noch offenen`,
      all: 'Alle vorgelegten Berichte',
    },
    filters: {
      state: 'Prüfstand',
      anyState: 'Alle Prüfstände',
      overdueOnly: 'Nur mit überfälligen Fristen',
      search: 'Name suchen',
      searchPlaceholder: 'Vor- oder Nachname',
    },
    count: (shown: number, total: number) => `${shown} von ${total} Berichten`,
    empty: 'Keine vorgelegten Berichte in diesem Zeitraum.',
    noMatch: 'Kein Bericht entspricht den Filtern.',
    listLabel: 'Berichte zur Prüfung',
    columns: {
      child: 'Kind',
      receivedAt: 'Eingang',
      state: 'Prüfstand',
      obligations: 'Fristen',
      conflicts: 'Konflikte',
      sync: 'Synchronisierung',
    },
    openRow: (name: string) => `Bericht von ${name} prüfen`,
    keyboardHint: 'Pfeiltasten oder Tab wählen eine Zeile, Enter öffnet den Bericht, Esc führt zurück zur Liste.',
    obligations: {
      open: (n: number) => `${n} offen`,
      overdue: (n: number) => `davon ${n} überfällig`,
      none: 'keine offenen',
    },
    conflicts: (n: number) => (n === 1 ? '1 Konflikt' : `${n} Konflikte`),
    noConflicts: 'keine',
    sync: { pending: 'nicht synchronisiert', synced: 'synchronisiert', rejected: 'abgelehnt' },
    receivedFrom: (from: string) => `übernommen vom Jugendamt ${office(from)}`,
    record: {
      title: (name: string) => `Prüfung: ${name}`,
      back: 'Zurück zur Liste',
      notFound: 'Diesen Bericht gibt es auf diesem Gerät nicht (mehr).',
      locked: 'Gegengezeichnet und gesperrt. Nachträge bitte als Protokolleintrag.',
      lockedBadge: 'gesperrt',
      countersignedBy: (who: string, at: string) => `Gegengezeichnet von ${who} am ${at}.`,
      returnedBy: (who: string, at: string, comment: string) => `Zurückgegeben von ${who} am ${at}: ${comment}`,
      handedOverBy: (who: string, to: string, at: string) =>
        `Übergeben an das Jugendamt ${office(to)} von ${who} am ${at}.`,
      receivedFrom: (from: string) =>
        `Dieser Bericht wurde vom Jugendamt ${office(from)} übergeben. Sie können ihn lesen, aber nicht ändern.`,
      notSubmitted: 'Dieser Bericht ist noch nicht zur Prüfung vorgelegt und kann nicht geprüft werden.',
      summary: 'Bericht',
      actions: 'Prüfschritte',
      summaryEmpty: 'Keine Angaben in diesem Abschnitt.',
      keyboardHint:
        'Tab führt zu den Prüfschritten, Esc zurück zur Liste. Nachträge tragen Sie unten im Protokoll ein.',
    },
    countersign: {
      button: 'Gegenzeichnen',
      title: 'Bericht gegenzeichnen',
      text: 'Mit der Gegenzeichnung bestätigen Sie, dass Sie den Bericht mit Protokoll und Fristen gelesen haben. Danach ist er gesperrt; spätere Tatsachen kommen als Protokolleintrag hinzu.',
      confirm: 'Jetzt gegenzeichnen',
      ownRecord: 'Eigene Berichte zeichnet eine andere Leitung gegen.',
      conflictsFirst: 'Bitte klären Sie zuerst die Konflikte.',
    },
    giveBack: {
      button: 'Zurückgeben',
      title: 'Bericht zurückgeben',
      comment: 'Kommentar für die Fachkraft',
      commentHint:
        'Was ist zu korrigieren oder zu ergänzen? Die Fachkraft sieht den Kommentar bei der nächsten Synchronisierung.',
      commentRequired: 'Bitte begründen Sie die Rückgabe mit einem Kommentar.',
      confirm: 'Mit Kommentar zurückgeben',
    },
    handOver: {
      button: 'Übergeben',
      title: 'An das zuständige Jugendamt übergeben',
      target: 'Zuständiges Jugendamt',
      text: (from: string) =>
        `Das gewählte Jugendamt kann danach diesen Bericht und sein Protokoll lesen. Das Jugendamt ${office(from)} behält Lesezugriff.`,
      targetNone: 'Bitte wählen',
      targetRequired: 'Bitte wählen Sie das zuständige Jugendamt.',
      outside:
        'Das zuständige Jugendamt liegt außerhalb des Verbunds; wählen Sie ein Jugendamt des Verbunds oder übergeben Sie außerhalb von Obhut.',
      confirm: 'Jetzt übergeben',
      differs: (derived: string) =>
        `Nach den Angaben im Bericht ist das Jugendamt ${office(derived)} zuständig, nicht das gewählte. Bitte prüfen Sie die Auswahl.`,
    },
    close: {
      button: 'Als beendet abschließen',
      hint: 'Die Maßnahme ist beendet; der Bericht verlässt die Liste der offenen Fälle.',
    },
    cancel: 'Abbrechen',
    stepFailed: 'Der Schritt konnte auf diesem Gerät nicht gespeichert werden.',
    stepOutdated:
      'Der Bericht hat sich inzwischen geändert; dieser Schritt ist nicht mehr möglich. Bitte prüfen Sie den aktuellen Stand.',
    rejected: {
      title: 'Der Server hat den Prüfschritt abgelehnt',
      hint: 'Der Bericht auf diesem Gerät zeigt den abgelehnten Stand, bis der Server ihn wieder überschreibt.',
      seen: 'Gelesen',
    },
    pendingStep: 'Der Schritt ist gespeichert und wird übertragen, sobald der Server erreichbar ist.',
  },
} as const;
