/** Deadlines as obligations on a record (domain.md, "The night, step by step"). */
export type { CalendarDay } from './calendar';
export {
  addWerktage,
  easterSunday,
  type HolidayId,
  isWerktag,
  isWorkingDay,
  shHolidayOn,
  shHolidays,
} from './holidays';
export {
  type DeadlineOptions,
  DEFAULT_DUE_SOON_MS,
  OBLIGATION_STATUSES,
  obligationsOf,
  type ObligationStatus,
  obligationStatus,
  type ObligationWithStatus,
} from './obligations';
export {
  ageAssessment,
  ageDecision,
  applyToFamilyCourt,
  appointGuardian,
  asylumApplication,
  type DeadlineFacts,
  DEFAULT_CUSTODIANS_GRACE_MS,
  distributionLimit,
  endFreedomDeprivation,
  explainToChild,
  handoverToAsd,
  healthCheck,
  helpPlan,
  identityCheck,
  informCustodians,
  initialAssessment,
  jointRiskAssessment,
  type Obligation,
  OBLIGATION_KINDS,
  type ObligationKind,
  reportToStateOffice,
} from './rules';
