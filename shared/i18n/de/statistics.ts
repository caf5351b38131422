import type { AgeGroup } from '../../catalogues/ageGroup';
import type {
  Carrier,
  MeasureKind,
  Occasion,
  StatAccommodation,
  StatEndReason,
  StatInitiator,
  StatReason,
  StatResidence,
  StatSex,
  VerifyNote,
  YesNo,
} from '../../statistics/catalogue';
import type { GapProblem, StatisticsField } from '../../statistics/measure';

/**
 * The federal statistics "vorläufige Schutzmaßnahmen": column headers and categories in the wording of the form
 * (domain.md), kept apart from the night record's labels so that a report year can change them; and the page.
 */
export const statistics = {
  nav: 'Statistik',

  fields: {
    carrier: 'Art des Trägers',
    measureKind: 'Art der Maßnahme',
    sex: 'Geschlecht',
    ageGroup: 'Altersgruppe bei Beginn',
    foreignOrigin: 'Ausländische Herkunft mindestens eines Elternteils',
    residenceBefore: 'Aufenthalt vor der Maßnahme',
    accommodation: 'Unterbringung während der Maßnahme',
    initiatedBy: 'Angeregt durch',
    previousAssessment8a: 'Vorherige Gefährdungseinschätzung nach § 8a',
    repeated: 'Wiederholte Maßnahme im Jahr',
    objection: 'Widerspruch der Personensorgeberechtigten',
    ranAway: 'Vorher entwichen/ausgerissen',
    occasion: 'Anlass',
    reasons: 'Gründe',
    start: 'Beginn',
    end: 'Ende',
    durationDays: 'Dauer in Tagen',
    endReason: 'Ende/Anschlusshilfe',
  } satisfies Record<StatisticsField, string>,

  csv: {
    id: 'Kennung',
    reason: (label: string) => `Grund: ${label}`,
    gaps: 'Fehlende Angaben',
    fileName: (year: number, office: string) => `statistik-schutzmassnahmen-${year}-${office}.csv`,
  },

  categories: {
    carrier: { public: 'öffentlicher Träger', free: 'freier Träger' } satisfies Record<Carrier, string>,
    measureKind: {
      '42': 'Inobhutnahme (§ 42)',
      '42a': 'vorläufige Inobhutnahme (§ 42a)',
    } satisfies Record<MeasureKind, string>,
    sex: { male: 'männlich', female: 'weiblich', diverse: 'divers', unspecified: 'ohne Angabe' } satisfies Record<
      StatSex,
      string
    >,
    ageGroup: {
      under_3: 'unter 3 Jahre',
      '3_to_6': '3 bis unter 6 Jahre',
      '6_to_9': '6 bis unter 9 Jahre',
      '9_to_12': '9 bis unter 12 Jahre',
      '12_to_14': '12 bis unter 14 Jahre',
      '14_to_16': '14 bis unter 16 Jahre',
      '16_to_18': '16 bis unter 18 Jahre',
    } satisfies Record<AgeGroup, string>,
    yesNo: { yes: 'ja', no: 'nein' } satisfies Record<YesNo, string>,
    residenceBefore: {
      parents: 'bei den Eltern',
      parent_with_partner: 'Elternteil mit Stiefelternteil/Partner',
      single_parent: 'allein erziehender Elternteil',
      grandparents_relatives: 'Großeltern/Verwandte',
      foster_family: 'Pflegefamilie',
      other_person: 'sonstige Person',
      residential_care: 'Heim/sonstige betreute Wohnform',
      shared_flat: 'Wohngemeinschaft',
      own_flat: 'eigene Wohnung',
      no_fixed_abode: 'ohne feste Unterkunft',
      unknown: 'unbekannter Ort',
      hospital_after_birth: 'Krankenhaus (nach der Geburt)',
      reception_centre: 'Aufnahmeeinrichtung/Gemeinschaftsunterkunft',
    } satisfies Record<StatResidence, string>,
    accommodation: {
      suitable_person: 'geeignete Person',
      facility: 'Einrichtung',
      other_supervised: 'sonstige (betreute) Wohnform',
    } satisfies Record<StatAccommodation, string>,
    initiatedBy: {
      child: 'Kind/Jugendliche(r) selbst',
      parents: 'Eltern/Elternteil',
      social_services: 'soziale Dienste/Jugendamt',
      police: 'Polizei/Ordnungsbehörde',
      school_daycare: 'Lehrer/-in, Erzieher/-in',
      physician: 'Ärztin/Arzt',
      neighbours_relatives: 'Nachbarn/Verwandte',
      other: 'Sonstige',
    } satisfies Record<StatInitiator, string>,
    occasion: {
      self_referral: 'eigener Wunsch (Selbstmelder)',
      urgent_danger: 'dringende Kindeswohlgefährdung',
      unaccompanied_entry: 'unbegleitete Einreise aus dem Ausland',
    } satisfies Record<Occasion, string>,
    reasons: {
      parents_overwhelmed: 'Überforderung der Eltern/eines Elternteils',
      neglect: 'Vernachlässigung',
      physical_abuse: 'Anzeichen für körperliche Misshandlung',
      psychological_abuse: 'Anzeichen für psychische Misshandlung',
      sexual_violence: 'Anzeichen für sexuelle Gewalt',
      relationship_problems: 'Beziehungsprobleme',
      integration_problems_care: 'Integrationsprobleme im Heim/in der Pflegefamilie',
      delinquency: 'Delinquenz/Straftat des Kindes/Jugendlichen',
      addiction: 'Suchtprobleme',
      school_problems: 'Schul-/Ausbildungsprobleme',
      housing_problems: 'Wohnungsprobleme',
      separation_divorce: 'Trennung/Scheidung der Eltern',
      unaccompanied_entry: 'unbegleitete Einreise aus dem Ausland',
      other: 'sonstige Probleme',
    } satisfies Record<StatReason, string>,
    endReason: {
      return_to_custodians: 'Rückkehr zu den Personensorgeberechtigten',
      foster_family: 'Hilfe zur Erziehung in Pflegefamilie',
      residential_care: 'Hilfe zur Erziehung im Heim',
      supervised_living: 'Hilfe zur Erziehung in betreuter Wohnform',
      other_inpatient: 'sonstige stationäre Hilfe (Klinik, Psychiatrie)',
      no_follow_up: 'keine anschließende Hilfe',
      other_office: 'Übernahme durch ein anderes Jugendamt',
      absconded: 'Entweichen',
      adult: 'volljährig (Alterseinschätzung)',
      return_previous_placement: 'Rückkehr in die bisherige Einrichtung/Pflegefamilie',
      followed_by_42: 'anschließende Inobhutnahme nach § 42 Abs. 1 Satz 1 Nr. 3 durch dasselbe Jugendamt',
    } satisfies Record<StatEndReason, string>,
  },

  problems: {
    missing: 'fehlt',
    not_reportable: 'Angabe ist im Berichtsjahr nicht meldbar (z. B. „unbekannt“)',
    not_a_minor: 'bei Beginn nicht minderjährig',
    end_before_start: 'Ende liegt vor dem Beginn',
  } satisfies Record<GapProblem, string>,

  verify: {
    sex: 'Geschlecht: Ob das Formular „divers“ und „ohne Angabe“ annimmt, ist nicht geprüft.',
    foreign_origin_unknown:
      'Ausländische Herkunft: Das Formular kennt nur „ja“ und „nein“; Datensätze mit „unbekannt“ erscheinen als unvollständig.',
    end_reasons: 'Ende/Anschlusshilfe: Die Bezeichnungen sind nicht mit dem Formular abgeglichen.',
    duration: 'Dauer: gezählt als Kalendertage vom Beginn- bis zum Enddatum (gleicher Tag = 0).',
    new_categories:
      'Ab Berichtsjahr 2025 zusätzlich: „Aufnahmeeinrichtung/Gemeinschaftsunterkunft“, „Rückkehr in die bisherige ' +
      'Einrichtung/Pflegefamilie“ und „anschließende Inobhutnahme nach § 42 Abs. 1 S. 1 Nr. 3“ – nicht mit dem ' +
      'amtlichen Erhebungsbogen abgeglichen; für 2024 erscheinen solche Datensätze als unvollständig.',
    unpublished:
      'Die Kategorien dieses Berichtsjahres sind noch nicht veröffentlicht; verwendet werden die des Vorjahres.',
  } satisfies Record<VerifyNote, string>,

  page: {
    title: 'Statistik: vorläufige Schutzmaßnahmen',
    intro:
      'Alle Inobhutnahmen (§ 42) und vorläufigen Inobhutnahmen (§ 42a) Ihres Jugendamts, die im Berichtsjahr ' +
      'beendet wurden, mit den Kategorien der amtlichen Statistik. Grundlage sind die Daten auf diesem Gerät.',
    unsynced: (n: number) =>
      n === 1
        ? '1 Änderung auf diesem Gerät ist noch nicht synchronisiert. Die Auswertung enthält sie bereits.'
        : `${n} Änderungen auf diesem Gerät sind noch nicht synchronisiert. Die Auswertung enthält sie bereits.`,
    year: 'Berichtsjahr',
    verifyTitle: 'Bitte vor der Meldung prüfen',
    summary: (total: number, kinds: { '42': number; '42a': number }) =>
      `${total} beendete ${total === 1 ? 'Maßnahme' : 'Maßnahmen'}: ${kinds['42']} nach § 42, ${kinds['42a']} nach § 42a`,
    completeness: (complete: number, incomplete: number) => `${complete} vollständig, ${incomplete} unvollständig`,
    none: 'In diesem Berichtsjahr wurde keine Maßnahme beendet.',
    countsTitle: 'Auszählung',
    countColumns: { category: 'Kategorie', count: 'Anzahl' },
    countMissing: 'ohne Angabe (unvollständig)',
    incompleteTitle: 'Unvollständige Datensätze',
    incompleteIntro:
      'Diese Datensätze sind im Export enthalten, aber ihre Angaben reichen für die Meldung nicht. Bitte ergänzen.',
    allComplete: 'Alle Datensätze sind vollständig.',
    columns: { child: 'Kind', start: 'Beginn', end: 'Ende', gaps: 'Fehlende Angaben' },
    gap: (field: string, problem: string, where: string) => `${field}: ${problem} – einzutragen unter ${where}`,
    openRecord: (name: string) => `${name} öffnen`,
    openTitle: 'Ohne eingetragenes Ende',
    openIntro: (year: number) =>
      `Diese Maßnahmen haben bis Ende ${year} begonnen, aber kein Ende. Sie sind nicht in der Statistik ${year}. ` +
      'Ist eine davon beendet, tragen Sie bitte das Ende ein.',
    download: 'CSV herunterladen',
    downloading: (percent: number) => `CSV wird erstellt … ${percent} %`,
    downloaded: (rows: number, file: string) => `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'} exportiert: ${file}`,
    downloadFailed: 'Die CSV-Datei konnte nicht erstellt werden. Bitte versuchen Sie es erneut.',
    downloadHint: 'Die Datei enthält keine Namen; jede Zeile trägt die Kennung des Datensatzes.',
  },
} as const;
