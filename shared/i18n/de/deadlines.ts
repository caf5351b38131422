import type { HolidayId, ObligationKind, ObligationStatus } from '../../deadlines';

/** Labels of the deadlines on a record (shared/deadlines): what must be done, its state, and the SH holidays. */
export const deadlines = {
  kinds: {
    informCustodians: 'Personensorgeberechtigte informieren',
    endFreedomDeprivation: 'Freiheitsentziehung beenden oder gerichtlich entscheiden lassen',
    reportToStateOffice: 'Vorläufige Inobhutnahme an die Landesstelle melden',
    distributionLimit: 'Verteilungsverfahren abschließen (danach ausgeschlossen)',
    handoverToAsd: 'Fall an den zuständigen ASD übergeben',
    applyToFamilyCourt: 'Familiengericht anrufen oder Kind übergeben',
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
  /** Beside informCustodians and applyToFamilyCourt: the law says "unverzüglich" and sets no hour. */
  withoutUndueDelay: 'unverzüglich – die angezeigte Zeit ist eine Erinnerung, keine gesetzliche Frist',
} as const;
