import { safeFileName } from '../../../../shared/fileName';
import { formatDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { facilitySheetOf } from '../../../../shared/nightRecord/facilitySheet';
import { isOfficeId } from '../../../../shared/offices';
import { withheldMarks, withheldOf, withholdFromIntake } from '../../../../shared/privacy/entrusted';
import type { Intake } from '../../../../shared/schema/intake';
import { factsOf, REFERENCE_LENGTH } from './document-facts';
import type { DocumentLayout, DocumentTemplate, FactKey } from './template';
import { LETTERHEADS } from './templates/letterheads';

/**
 * A document of one record as plain data: the template's text with the record's facts filled in. A fact the record
 * does not hold is never guessed: it stays a gap (a line to write on) and is listed in `missing`. Content marked as
 * entrusted (§ 65 SGB VIII) without a basis that opens this document stays out; the gap says so and `withheld`
 * lists it (shared/privacy/entrusted.ts decides).
 */
export type Part = { text: string } | { missing: FactKey } | { withheld: FactKey };
/** A row of a table block (the facility sheet); no value: not recorded. */
export type DocumentRow = { label: string; value?: string; withheld?: true };
export type DocumentBlock = { heading?: string; paragraphs: Part[][]; rows?: DocumentRow[] };
export type DocumentModel = {
  templateId: DocumentTemplate['id'];
  intakeId: string;
  version: number;
  title: string;
  variant: string;
  variantTitle: string;
  layout: DocumentLayout;
  letterhead: string[];
  /** The office's logo (an image URL, inlined), with its text alternative; absent: none set. */
  logo?: { src: string; alt: string };
  addressee: Part[][];
  subject: Part[];
  dateLine: string;
  blocks: DocumentBlock[];
  legalBasis: readonly string[];
  author: string;
  /** Labels of the facts the record lacks, each once, in the order the document needs them. */
  missing: string[];
  /** The facts among them that can be written into the preview for this document (`completed` of documentOf). */
  missingFacts: FactKey[];
  /** Labels of the facts left out as entrusted (§ 65 SGB VIII); `entrustedWithheld` also when none can be named. */
  withheld: string[];
  entrustedWithheld: boolean;
  /** "<Dokument> <Datum> <Aktenzeichen>.pdf": never the child's name (the file lands unencrypted on disk). */
  fileName: string;
};

const t = de.documents;
const PLACEHOLDER = /\{\{([a-zA-Z.]+)\}\}/g;

type Facts = Record<FactKey, string | undefined>;
type Gaps = { missing: Set<string>; missingFacts: Set<FactKey>; withheld: Set<string> };

/**
 * What the worker wrote into the preview for facts the record lacks (the parents' postal address, the daily rate,
 * the school): it goes into this document only, never into the record. It cannot fill a fact withheld as entrusted.
 */
export type Completed = Partial<Record<FactKey, string>>;

/** `facts` with the completed values where neither it nor the whole record (`full`) holds the fact. */
function completedFacts(facts: Facts, full: Facts, completed: Completed): Facts {
  const out = { ...facts };
  for (const [key, value] of Object.entries(completed) as [FactKey, string | undefined][]) {
    if (facts[key] === undefined && full[key] === undefined && value?.trim()) out[key] = value.trim();
  }
  return out;
}

/** Fills {{fact}} from `facts` (what may go out); a fact that differs from `full` (the whole record) was withheld. */
function fill(text: string, facts: Facts, full: Facts, gaps: Gaps): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1] as FactKey;
    if (!(key in facts)) throw new Error(`Vorlage nennt unbekannte Angabe {{${key}}}`);
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const value = facts[key];
    const withheld = value !== full[key];
    if (withheld) gaps.withheld.add(t.facts[key]);
    if (value !== undefined) parts.push({ text: value });
    else if (withheld) parts.push({ withheld: key });
    else {
      gaps.missing.add(t.facts[key]);
      gaps.missingFacts.add(key);
      parts.push({ missing: key });
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The facility sheet (shared/nightRecord/facilitySheet.ts) as blocks: its alerts first, then its sections. */
function sheetBlocks(outgoing: Intake, intake: Intake, gaps: Gaps): DocumentBlock[] {
  const sheet = facilitySheetOf(outgoing);
  const fullRows = new Map(
    facilitySheetOf(intake).sections.flatMap((s) => s.rows.map((r) => [`${s.key}:${r.field}`, r.value] as const)),
  );
  const alerts: DocumentBlock[] =
    sheet.alerts.length > 0 ? [{ heading: t.sheetAlerts, paragraphs: sheet.alerts.map((a) => [{ text: a }]) }] : [];
  return [
    ...alerts,
    ...sheet.sections.map((section) => ({
      heading: section.heading,
      paragraphs: [],
      rows: section.rows.map((row): DocumentRow => {
        const label = `${section.heading}: ${row.label}`;
        if (row.value !== fullRows.get(`${section.key}:${row.field}`)) {
          gaps.withheld.add(label);
          return row.value === undefined
            ? { label: row.label, withheld: true }
            : { label: row.label, value: row.value };
        }
        if (row.value === undefined) gaps.missing.add(label);
        return row.value === undefined ? { label: row.label } : { label: row.label, value: row.value };
      }),
    })),
  ];
}

/**
 * The document `template` of `intake`, as produced at `now` by `author` (the signing worker), with what the worker
 * wrote into the preview for facts the record lacks (`completed`).
 */
export function documentOf(
  template: DocumentTemplate,
  intake: Intake,
  now: number,
  author: string | undefined,
  completed: Completed = {},
): DocumentModel {
  const disclosure = template.disclosure ?? 'document';
  const outgoing = withholdFromIntake(intake, disclosure);
  const recorded = factsOf(outgoing, author);
  const recordedFull = outgoing === intake ? recorded : factsOf(intake, author);
  const facts = completedFacts(recorded, recordedFull, completed);
  const full = completedFacts(recordedFull, recordedFull, completed);
  const gaps: Gaps = { missing: new Set(), missingFacts: new Set(), withheld: new Set() };
  const variant = template.variantOf(intake);
  const variantInfo = template.variants[variant];
  if (!variantInfo) throw new Error(`Vorlage ${template.id} hat keine Variante ${variant}`);
  const office = isOfficeId(intake.officeId) ? LETTERHEADS[intake.officeId] : undefined;

  const addressee = template.addressee.map((line) => fill(line, facts, full, gaps));
  const subject = fill(template.subject, facts, full, gaps);
  const blocks = template.blocks
    .filter((b) => !b.variants || b.variants.includes(variant))
    .flatMap((b): DocumentBlock[] =>
      'sheet' in b
        ? sheetBlocks(outgoing, intake, gaps)
        : [
            {
              ...(b.heading ? { heading: b.heading } : {}),
              paragraphs: b.text.split(/\n\s*\n/).map((p) => fill(p, facts, full, gaps)),
            },
          ],
    );
  // The signature names the worker; without a name the line stays to be written on.
  if (facts['author.name'] === undefined) gaps.missing.add(t.facts['author.name']);
  // Marks the server already withheld from this copy (another office's record) count too: nothing to compare with.
  const entrustedWithheld =
    gaps.withheld.size > 0 || withheldOf(intake).fields.length > 0 || withheldMarks(intake, disclosure).length > 0;

  return {
    templateId: template.id,
    intakeId: intake.id,
    version: template.version,
    title: template.title,
    variant,
    variantTitle: variantInfo.title,
    layout: template.layout ?? 'letter',
    letterhead: office
      ? [office.name, office.unit, office.street, office.postalCity, `${t.letterhead.phone} ${office.phone}`]
      : [],
    ...(office?.logo ? { logo: { src: office.logo, alt: t.letterhead.logo(office.name) } } : {}),
    addressee,
    subject,
    dateLine: t.created(office?.place ?? t.missingMark, formatDate(now)),
    blocks,
    legalBasis: variantInfo.legalBasis,
    author: facts['author.name'] ?? '',
    missing: [...gaps.missing],
    missingFacts: [...gaps.missingFacts],
    withheld: [...gaps.withheld],
    entrustedWithheld,
    fileName: `${safeFileName(t.fileName(template.fileSlug, formatDate(now), intake.id.slice(0, REFERENCE_LENGTH)))}.pdf`,
  };
}
