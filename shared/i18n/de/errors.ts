/**
 * German messages for the error codes of the sync contract (docs/api.md). The server sends them in
 * `error.message` and in `rejected[].message`; the app shows them to the user.
 */
export const errors = {
  invalid_credentials: 'Benutzername oder Passwort ist falsch.',
  too_many_attempts: 'Zu viele Fehlversuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  device_revoked: 'Dieses Gerät wurde gesperrt. Bitte wenden Sie sich an die Administration.',
  unauthorized: 'Bitte melden Sie sich an.',
  token_expired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
  other_office: 'Dieser Datensatz gehört zu einem anderen Jugendamt.',
  unknown_collection: 'Diese Datensammlung gibt es nicht.',
  not_found: 'Diese Adresse gibt es nicht.',
  invalid_json: 'Die Anfrage ist kein gültiges JSON.',
  invalid_request: 'Die Anfrage hat nicht die erwartete Form.',
  invalid_checkpoint: 'Der Synchronisationsstand (checkpoint) ist ungültig.',
  invalid_limit: 'Der Wert für limit muss eine ganze Zahl zwischen 1 und 1000 sein.',
  invalid_period:
    'Der Zeitraum ist ungültig: Anfang und Ende als Datum (JJJJ-MM-TT), der Anfang nicht nach dem Ende, höchstens 53 Wochen.',
  too_many_rows: 'Es dürfen höchstens 500 Datensätze auf einmal gesendet werden.',
  body_too_large: 'Die Anfrage ist zu groß (höchstens 5 MB).',
  unsupported_media_type: 'Die Anfrage muss als JSON (application/json) gesendet werden.',
  validation_failed: 'Der Datensatz ist unvollständig oder fehlerhaft.',
  unknown_field: 'Der Datensatz enthält ein Feld, das diese Version nicht kennt.',
  incomplete_submission: 'Zur Vorlage fehlen noch Angaben.',
  invalid_transition: 'Diese Statusänderung ist nicht erlaubt.',
  intake_locked:
    'Dieser Bericht ist gegengezeichnet und gesperrt. Spätere Tatsachen tragen Sie bitte als Nachtrag im Protokoll ein.',
  four_eyes: 'Eigene Berichte zeichnet eine andere Leitung gegen (Vier-Augen-Prinzip).',
  conflicts_open: 'Bitte klären Sie zuerst die Konflikte des Berichts; danach kann er gegengezeichnet werden.',
  measure_not_ended: 'Als beendet abschließen lässt sich ein Bericht erst, wenn das Ende der Maßnahme eingetragen ist.',
  review_not_allowed: 'Gegenzeichnen, Zurückgeben und Übergeben darf nur die Leitung des eigenen Jugendamts.',
  invalid_review_step: 'Dieser Schritt der Prüfung ist im jetzigen Stand des Berichts nicht möglich.',
  return_comment_missing: 'Bitte begründen Sie die Rückgabe mit einem Kommentar.',
  handover_target_invalid: 'Bitte wählen Sie ein anderes Jugendamt als das eigene als zuständiges Jugendamt.',
  entry_immutable:
    'Ein Protokolleintrag kann nach der Synchronisation nicht mehr geändert werden. Bitte ergänzen Sie stattdessen einen Eintrag mit der Korrektur.',
  author_mismatch: 'Der Datensatz nennt eine andere Person als Bearbeiter als die angemeldete.',
  unsafe_characters: 'Namen dürfen keine Steuer- oder Richtungszeichen enthalten.',
  review_at_creation: 'Ein neuer Bericht beginnt ungeprüft; Prüfschritte folgen erst, wenn er auf dem Server ist.',
  countersign_with_changes:
    'Gegengezeichnet wird der Bericht, wie er eingereicht wurde. Bitte speichern Sie Änderungen vor der Gegenzeichnung.',
  record_not_deletable:
    'Gegengezeichnete, übergebene und abgeschlossene Berichte werden nicht gelöscht (oder wiederhergestellt); sie werden abgeschlossen oder durch einen Nachtrag berichtigt.',
  delete_not_allowed:
    'Löschen darf die Bereitschaft nur eigene Entwürfe, die nie eingereicht wurden; andere Berichte nur die Leitung des Jugendamts.',
  field_not_writable: 'Diese Angabe kann so nicht geändert werden.',
  entrusted_mark_invalid:
    'Die Markierung „anvertraut“ (§ 65 SGB VIII) ist unvollständig: sie nennt genau ein Feld oder einen Protokolleintrag, und eine Rechtsgrundlage wird mit Person und Zeitpunkt festgehalten.',
  invalid_access_request: 'Für die Auskunft braucht es Vorname, Nachname und Geburtsdatum (JJJJ-MM-TT) der Person.',
  entrusted_source_missing: 'Bitte geben Sie an, von wem die anvertrauten Angaben stammen (§ 65 SGB VIII).',
  unknown_facility: 'Diese Einrichtung gibt es nicht (mehr).',
  record_not_on_server: 'Diesen Datensatz gibt es auf dem Server nicht (mehr), oder Sie dürfen ihn nicht lesen.',
  unknown_intake:
    'Einen Platz können Sie nur für einen übertragenen Bericht Ihres Jugendamts halten; diesen Bericht kennt der Server nicht.',
  id_mismatch: 'Die Kennung des Datensatzes passt nicht zum bisherigen Stand.',
  device_mismatch: 'Diese Anmeldung gehört zu einem anderen Gerät. Bitte melden Sie sich erneut an.',
  password_too_short: 'Das Passwort muss mindestens 12 Zeichen lang sein.',
  password_too_long: 'Das Passwort darf höchstens 1024 Zeichen lang sein.',
  password_contains_username: 'Das Passwort darf den Benutzernamen und seine Teile nicht enthalten.',
  password_too_common: 'Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Bitte wählen Sie ein anderes.',
  invalid_username:
    'Der Benutzername darf nur Kleinbuchstaben, Ziffern, Punkt, Bindestrich und Unterstrich enthalten (2 bis 64 Zeichen).',
  username_taken: 'Diesen Benutzernamen gibt es bereits.',
  user_not_found: 'Dieses Benutzerkonto gibt es nicht.',
  device_not_found: 'Dieses Gerät ist nicht registriert.',
  own_account: 'Ihr eigenes Konto können Sie nicht sperren.',
  outbox_unknown:
    'Diese hinterlegten Änderungen können nicht mehr übertragen werden (Berechtigung abgelaufen oder ersetzt). Sie werden übertragen, sobald sich die Person wieder anmeldet.',
  outbox_seal_invalid: 'Die hinterlegten Änderungen sind beschädigt oder gehören nicht zu dieser Berechtigung.',
  outbox_stale: 'Diese hinterlegten Änderungen sind älter als bereits übertragene und werden nicht erneut eingespielt.',
  device_other_office:
    'Dieses Gerät ist bei einem anderen Jugendamt registriert. Bitte wenden Sie sich an Ihre Administration.',
  role_not_assignable:
    'Diese Rolle kann die Administration eines Amtes nicht vergeben. Koordinationskonten richtet die Verbund-Administration ein.',
  request_timeout: 'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es erneut.',
  internal_error: 'Interner Fehler auf dem Server. Ihre Daten sind lokal gespeichert; versuchen Sie es später erneut.',
} as const;

export type ErrorCode = keyof typeof errors;
