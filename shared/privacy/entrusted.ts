import { jsonEqual } from '../equal';
import type { ErrorCode } from '../i18n/de/errors';
import { type EntrustedBasis, type EntrustedMark, entrustedMark } from '../schema/entrusted';
import type { Entry } from '../schema/entry';
import type { Intake } from '../schema/intake';
import { NIGHT_RECORD_SECTIONS } from '../schema/nightRecord';
import { setAtPath } from '../sync/paths';

/**
 * Entrusted data (§ 65 SGB VIII): what a worker was told in confidence "zum Zweck persönlicher und erzieherischer
 * Hilfe" is passed on only under § 65 Abs. 1 S. 1 Nr. 1-5. The one rule of what is withheld from whom; the server
 * applies it to every copy another office reads (server/sync/entrusted.ts), the app to every document it produces
 * and the access request to what it hands out.
 *
 * The ways content leaves the office's record:
 * - `handover`: the receiving office (change of local responsibility, § 86 SGB VIII);
 * - `family_court`: a document addressed to the family court (Antrag/Anregung, § 8a Abs. 2);
 * - `document`: any other document (e.g. the Bescheid to the custodians);
 * - `access_request`: the answer to a person's request for information (Art. 15 DSGVO, § 83 SGB X).
 */
export const DISCLOSURES = ['handover', 'family_court', 'document', 'access_request'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/**
 * Which recorded basis opens which disclosure. Conservative: each number only for the recipient the law names.
 * - Nr. 1 (consent of the person who entrusted it): every disclosure.
 * - Nr. 2 (family court, § 8a Abs. 2): the family court's document only.
 * - Nr. 3 (worker responsible after a change of responsibility, risk to the child): the handover only.
 * - Nr. 4 (Fachkräfte consulted for the § 8a assessment): none of the app's disclosures; recorded for the file.
 * - Nr. 5 (where a § 203 StGB person would be authorised): handover and documents. Not the access request: that
 *   discloses to the person asking, whom the authorisation does not name (doubts: docs/legal-rules.md).
 */
const OPENS: Record<EntrustedBasis, readonly Disclosure[]> = {
  nr1_consent: DISCLOSURES,
  nr2_family_court: ['family_court'],
  nr3_responsibility: ['handover'],
  nr4_risk: [],
  nr5_stgb: ['handover', 'family_court', 'document'],
};

/** Does the mark's recorded basis let its content go out this way? Without a basis: never. */
export function releases(mark: EntrustedMark, disclosure: Disclosure): boolean {
  return mark.basis !== undefined && OPENS[mark.basis].includes(disclosure);
}

/** The marks whose content is withheld from this disclosure. */
export function withheldMarks(intake: Pick<Intake, 'entrusted'>, disclosure: Disclosure): EntrustedMark[] {
  return (intake.entrusted ?? []).filter((m) => !releases(m, disclosure));
}

const SECTIONS = new Set<string>(NIGHT_RECORD_SECTIONS);
const FIELD_PATTERN = new RegExp(entrustedMark.properties.field.pattern);

/** Whether a field path can carry a mark: `situation` or a field of a night-record section (not the child's name). */
export function isMarkableField(field: string): boolean {
  return FIELD_PATTERN.test(field) && (field === 'situation' || SECTIONS.has(field.split('.')[0]));
}

/**
 * Why a mark as the office writes it is not acceptable, or null. A mark names either a field (`situation` or a
 * field of a night-record section) or a log line, and who entrusted it; a basis is recorded with who and when;
 * `withheld` is the server's note on a received copy, never written by an office.
 */
export function entrustedMarkProblem(mark: EntrustedMark): ErrorCode | null {
  if ((mark.field === undefined) === (mark.entryId === undefined)) return 'entrusted_mark_invalid';
  if (mark.field !== undefined && !isMarkableField(mark.field)) return 'entrusted_mark_invalid';
  if (!mark.from?.trim()) return 'entrusted_source_missing';
  if (mark.withheld !== undefined) return 'entrusted_mark_invalid';
  if (mark.basis !== undefined && (mark.basisBy === undefined || mark.basisAt === undefined)) {
    return 'entrusted_mark_invalid';
  }
  return null;
}

/** The first problem of the marks a write adds or changes (marks stored before stay as they are), or null. */
export function entrustedChangeProblem(
  stored: Pick<Intake, 'entrusted'> | undefined,
  next: Pick<Intake, 'entrusted'>,
): ErrorCode | null {
  const before = new Map((stored?.entrusted ?? []).map((m) => [m.id, m]));
  for (const mark of next.entrusted ?? []) {
    if (jsonEqual(before.get(mark.id), mark)) continue;
    const problem = entrustedMarkProblem(mark);
    if (problem) return problem;
  }
  return null;
}

/** What a copy keeps of a withheld mark: that something was withheld and when it was marked, not who told it. */
function withheldNote(mark: EntrustedMark): EntrustedMark {
  const { id, field, entryId, markedBy, markedAt } = mark;
  return { id, ...(field ? { field } : {}), ...(entryId ? { entryId } : {}), markedBy, markedAt, withheld: true };
}

/**
 * The record as it may go out this way: withheld fields removed (`situation`, required, emptied), withheld marks
 * reduced to the note that something was withheld. A record without marks comes back as it is (same object).
 */
export function withholdFromIntake<T extends Pick<Intake, 'entrusted' | 'situation'>>(
  intake: T,
  disclosure: Disclosure,
): T {
  const withheld = withheldMarks(intake, disclosure);
  if (withheld.length === 0) return intake;
  let copy: T = { ...intake };
  for (const mark of withheld) {
    if (mark.field === 'situation') copy = { ...copy, situation: '' };
    else if (mark.field !== undefined) copy = setAtPath(copy, mark.field, undefined);
  }
  const notes = new Set(withheld.map((m) => m.id));
  return { ...copy, entrusted: intake.entrusted!.map((m) => (notes.has(m.id) ? withheldNote(m) : m)) };
}

/** Log lines as they may go out this way: a withheld line keeps its time and kind, not its text or placement. */
export function withholdFromEntries<E extends Pick<Entry, 'id' | 'text' | 'placement'>>(
  entries: readonly E[],
  intake: Pick<Intake, 'entrusted'>,
  disclosure: Disclosure,
): E[] {
  const ids = new Set(withheldMarks(intake, disclosure).flatMap((m) => (m.entryId ? [m.entryId] : [])));
  if (ids.size === 0) return [...entries];
  return entries.map((e) => {
    if (!ids.has(e.id)) return e;
    const { placement, ...rest } = e;
    void placement;
    return { ...rest, text: '' } as E;
  });
}

/** What a reader of this record does not see (the record shows it): withheld fields and log lines. */
export function withheldOf(intake: Pick<Intake, 'entrusted'>): { fields: string[]; entryIds: string[] } {
  const notes = (intake.entrusted ?? []).filter((m) => m.withheld);
  return {
    fields: notes.flatMap((m) => (m.field ? [m.field] : [])),
    entryIds: notes.flatMap((m) => (m.entryId ? [m.entryId] : [])),
  };
}
