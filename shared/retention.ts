import { OFFICE_IDS, type OfficeId } from './offices';

/**
 * Retention of case records on the server (issue 16; Art. 5 Abs. 1 lit. e, Art. 17 DSGVO, § 84 Abs. 2 SGB X): when
 * the content of a record is deleted, per office and record state. The defaults are those of the deletion concept
 * (docs/datenschutz/loeschkonzept.md); an operator may set other values per office (OBHUT_RETENTION_FILE,
 * docs/admin.md). Pure: the purge (server/privacy/) and its tests use the same rule.
 */
export type RetentionPolicy = {
  /**
   * Full years after the end of a measure (`end.endedAt`) after which the record's content is deleted - and only once
   * the federal statistics of the year the measure ended was exported (the export is in the audit trail).
   */
  closedMeasureYears: number;
  /** Days after its last change after which a record never submitted (a draft) is deleted. */
  draftDays: number;
  /** Days the bare tombstone of a deleted record (id, office, the fact) stays, so every laptop learns of it. */
  tombstoneDays: number;
};

export const DEFAULT_RETENTION: RetentionPolicy = {
  // The record of the night is transferred to the office's case file (Akte) the next working day; the app's copy
  // stays for objections and liability claims (§ 195, § 199 BGB: three years) and the statistics' queries.
  closedMeasureYears: 3,
  // Long enough for a worker back from leave to find and submit a forgotten draft.
  draftDays: 90,
  // Longer than a laptop may stay away: a device that has not synced for that long must be set up afresh.
  tombstoneDays: 180,
};

export const RETENTION_LIMITS: Record<keyof RetentionPolicy, { min: number; max: number }> = {
  closedMeasureYears: { min: 1, max: 30 },
  draftDays: { min: 7, max: 3650 },
  tombstoneDays: { min: 30, max: 3650 },
};

/** The retention configuration: defaults for all offices, and values that differ for some. */
export type RetentionConfig = { default: RetentionPolicy; offices: Partial<Record<OfficeId, RetentionPolicy>> };

export const DEFAULT_RETENTION_CONFIG: RetentionConfig = { default: DEFAULT_RETENTION, offices: {} };

export function policyOf(config: RetentionConfig, office: string): RetentionPolicy {
  return config.offices[office as OfficeId] ?? config.default;
}

/**
 * Reads a configuration as written in the retention file: `{ "default": {...}, "offices": { "segeberg": {...} } }`,
 * every value optional (missing ones from the defaults). Throws a German message naming what is wrong.
 */
export function parseRetentionConfig(raw: unknown): RetentionConfig {
  const obj = (v: unknown, where: string): Record<string, unknown> => {
    if (v === undefined) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${where}: ein Objekt erwartet.`);
    return v as Record<string, unknown>;
  };
  const policy = (v: unknown, base: RetentionPolicy, where: string): RetentionPolicy => {
    const given = obj(v, where);
    const out = { ...base };
    for (const [key, value] of Object.entries(given)) {
      if (!(key in RETENTION_LIMITS)) throw new Error(`${where}: unbekannter Eintrag „${key}“.`);
      const { min, max } = RETENTION_LIMITS[key as keyof RetentionPolicy];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(`${where}.${key}: eine ganze Zahl von ${min} bis ${max} erwartet.`);
      }
      out[key as keyof RetentionPolicy] = value;
    }
    return out;
  };
  const top = obj(raw, 'Aufbewahrung');
  for (const key of Object.keys(top)) {
    if (key !== 'default' && key !== 'offices') throw new Error(`Aufbewahrung: unbekannter Eintrag „${key}“.`);
  }
  const base = policy(top.default, DEFAULT_RETENTION, 'default');
  const offices: RetentionConfig['offices'] = {};
  for (const [office, value] of Object.entries(obj(top.offices, 'offices'))) {
    if (!(OFFICE_IDS as readonly string[]).includes(office))
      throw new Error(`offices: unbekanntes Jugendamt „${office}“.`);
    offices[office as OfficeId] = policy(value, base, `offices.${office}`);
  }
  return { default: base, offices };
}

/** Why a record's content is deleted now. */
export type PurgeReason = 'closed_measure' | 'abandoned_draft';

/** What the retention rule says about one record at `now`. */
export type RetentionDecision =
  | { kind: 'purge'; reason: PurgeReason }
  /** Due by its age, but the federal statistics of the year the measure ended has not been exported yet. */
  | { kind: 'held'; statisticsYear: number }
  | { kind: 'keep' };

/** The facts of a stored intake the rule looks at. */
export type RetainedIntake = { status: string; updatedAt: number; endedAt?: number };

/** The Berlin calendar year of a moment (the statistics' year of a measure's end). */
export function berlinYearOf(ms: number): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(ms));
}

/** The same calendar day `years` later (29 February: 1 March). */
function yearsLater(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

export function retentionDecision(
  intake: RetainedIntake,
  policy: RetentionPolicy,
  now: number,
  statisticsExported: (year: number) => boolean,
): RetentionDecision {
  if (intake.status === 'draft') {
    return intake.updatedAt + policy.draftDays * 86_400_000 <= now
      ? { kind: 'purge', reason: 'abandoned_draft' }
      : { kind: 'keep' };
  }
  if (intake.endedAt === undefined || yearsLater(intake.endedAt, policy.closedMeasureYears) > now)
    return { kind: 'keep' };
  const year = berlinYearOf(intake.endedAt);
  return statisticsExported(year)
    ? { kind: 'purge', reason: 'closed_measure' }
    : { kind: 'held', statisticsYear: year };
}
