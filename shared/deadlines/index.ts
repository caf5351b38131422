/** Deadlines as obligations on a record (domain.md, "The night, step by step"). */
export type { CalendarDay } from './calendar';
export { easterSunday, type HolidayId, isWorkingDay, shHolidayOn, shHolidays } from './holidays';
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
  applyToFamilyCourt,
  type DeadlineFacts,
  DEFAULT_CUSTODIANS_GRACE_MS,
  distributionLimit,
  endFreedomDeprivation,
  handoverToAsd,
  informCustodians,
  type Obligation,
  OBLIGATION_KINDS,
  type ObligationKind,
  reportToStateOffice,
} from './rules';
