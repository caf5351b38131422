/** Deadlines as obligations on a record (domain.md, "The night, step by step"). */
export type { CalendarDay } from './calendar';
export { easterSunday, type HolidayId, isWorkingDay, shHolidayOn, shHolidays } from './holidays';
export {
  DEFAULT_DUE_SOON_MS,
  type DeadlineOptions,
  OBLIGATION_STATUSES,
  obligationsOf,
  obligationStatus,
  type ObligationStatus,
  type ObligationWithStatus,
} from './obligations';
export {
  applyToFamilyCourt,
  DEFAULT_CUSTODIANS_GRACE_MS,
  type DeadlineFacts,
  distributionLimit,
  endFreedomDeprivation,
  handoverToAsd,
  informCustodians,
  type Obligation,
  OBLIGATION_KINDS,
  type ObligationKind,
  reportToStateOffice,
} from './rules';
