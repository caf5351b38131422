import type { HolidayId, ObligationKind, ObligationStatus } from '../../deadlines';

/** Labels of the deadlines on a record (shared/deadlines): what must be done, its state, and the SH holidays. */
export const deadlines = {
  kinds: {
    informCustodians: 'Personensorgeberechtigte informieren',
    explainToChild: 'Maßnahme dem Kind verständlich erklären',
    endFreedomDeprivation: 'Freiheitsentziehung beenden oder gerichtlich entscheiden lassen',
    applyToFamilyCourt: 'Familiengericht anrufen oder Kind übergeben',
    jointRiskAssessment: 'Gefährdungseinschätzung mit mehreren Fachkräften nachholen',
    helpPlan: 'Hilfeplanverfahren einleiten',
    appointGuardian: 'Bestellung eines Vormunds oder Pflegers veranlassen',
    asylumApplication: 'Asylantrag prüfen und ggf. stellen',
    identityCheck: 'Identität klären lassen (erkennungsdienstliche Behandlung)',
    initialAssessment: 'Erstscreening mit dem Kind abschließen',
    healthCheck: 'Ärztliche Stellungnahme zur Gesundheit einholen',
    ageAssessment: 'Alter feststellen',
    ageDecision: 'Bescheid über die Altersfeststellung erteilen',
    reportToStateOffice: 'Vorläufige Inobhutnahme an die Landesstelle melden',
    distributionLimit: 'Monatsfrist der Verteilung (danach ist die Verteilung ausgeschlossen)',
    handoverToAsd: 'Fall an den zuständigen ASD übergeben',
  } satisfies Record<ObligationKind, string>,
  statuses: {
    open: 'offen',
    dueSoon: 'bald fällig',
    overdue: 'überfällig',
    done: 'erledigt',
  } satisfies Record<ObligationStatus, string>,
  holidays: {
    neujahr: 'Neujahr',
    karfreitag: 'Karfreitag',
    ostermontag: 'Ostermontag',
    tagDerArbeit: 'Tag der Arbeit',
    christiHimmelfahrt: 'Christi Himmelfahrt',
    pfingstmontag: 'Pfingstmontag',
    tagDerDeutschenEinheit: 'Tag der Deutschen Einheit',
    reformationstag: 'Reformationstag',
    ersterWeihnachtstag: '1. Weihnachtstag',
    zweiterWeihnachtstag: '2. Weihnachtstag',
  } satisfies Record<HolidayId, string>,
  /**
   * The source of each duty as shown beside it (the rules in shared/deadlines/rules.ts pick one). Every duty cites its
   * paragraph; the reading taken and the doubts are in docs/legal-rules.md.
   */
  bases: {
    informCustodians: '§ 42 Abs. 3 S. 1 SGB VIII (alle Personensorge- und Erziehungsberechtigten)',
    explainToChild: '§ 42 Abs. 2 S. 1, § 8 Abs. 1 SGB VIII',
    explainToChild42a: '§ 42a Abs. 3 S. 2, § 8 Abs. 1 SGB VIII',
    endFreedomDeprivation: '§ 42 Abs. 5 S. 2 SGB VIII',
    courtObjection: '§ 42 Abs. 3 S. 2',
    courtUnreachable: '§ 42 Abs. 3 S. 3',
    courtNeeded: '§ 8a Abs. 2 S. 1',
    /** The court's triggers joined, e.g. "§ 42 Abs. 3 S. 2, § 8a Abs. 2 S. 1 SGB VIII". */
    applyToFamilyCourt: (parts: string[]) => `${parts.join(', ')} SGB VIII`,
    jointRiskAssessment: '§ 8a Abs. 1 SGB VIII',
    helpPlan: '§ 42 Abs. 3 S. 5 SGB VIII',
    appointGuardian: '§ 42 Abs. 3 S. 4 SGB VIII',
    appointGuardian42a: '§ 42 Abs. 3 S. 4 i. V. m. § 88a Abs. 2 S. 2 SGB VIII',
    asylumApplication: '§ 42 Abs. 2 S. 5 SGB VIII',
    identityCheck: '§ 42a Abs. 3a SGB VIII',
    initialAssessment: '§ 42a Abs. 2 S. 1, Abs. 4 S. 2 SGB VIII',
    healthCheck: '§ 42a Abs. 2 S. 1 Nr. 4 SGB VIII',
    ageAssessment: '§ 42f Abs. 1, 2 SGB VIII',
    ageDecision: '§ 42f Abs. 3 SGB VIII, § 33 SGB X',
    reportToStateOffice: '§ 42a Abs. 4 S. 1 SGB VIII (7 Werktage, Mo–Sa ohne Feiertage)',
    distributionLimit: '§ 42b Abs. 4 Nr. 4 SGB VIII (ab Beginn der vorläufigen Inobhutnahme)',
    handoverToAsd: 'örtliche Regelung',
  },
  /** Beside the duties the law wants "unverzüglich": the law sets no hour. */
  withoutUndueDelay: 'unverzüglich – die angezeigte Zeit ist eine Erinnerung, keine gesetzliche Frist',
} as const;
