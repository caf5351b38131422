import { safeFileName } from '../../../../shared/fileName';
import { formatDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { isOfficeId } from '../../../../shared/offices';
import type { Intake } from '../../../../shared/schema/intake';
import { factsOf, REFERENCE_LENGTH } from './document-facts';
import type { DocumentTemplate, FactKey } from './template';
import { LETTERHEADS } from './templates/letterheads';

/**
 * A document of one record as plain data: the template's text with the record's facts filled in. A fact the record
 * does not hold is never guessed: it stays a gap (a line to write on) and is listed in `missing`.
 */
export type Part = { text: string } | { missing: FactKey };
export type DocumentBlock = { heading?: string; paragraphs: Part[][] };
export type DocumentModel = {
  templateId: DocumentTemplate['id'];
  intakeId: string;
  version: number;
  title: string;
  variant: string;
  variantTitle: string;
  letterhead: string[];
  addressee: Part[][];
  subject: Part[];
  dateLine: string;
  blocks: DocumentBlock[];
  legalBasis: readonly string[];
  author: string;
  /** Labels of the facts the record lacks, each once, in the order the document needs them. */
  missing: string[];
  /** "<Dokument> <Datum> <Aktenzeichen>.pdf": never the child's name (the file lands unencrypted on disk). */
  fileName: string;
};

const t = de.documents;
const PLACEHOLDER = /\{\{([a-zA-Z.]+)\}\}/g;

function fill(text: string, facts: Record<FactKey, string | undefined>, missing: Set<FactKey>): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const key = match[1] as FactKey;
    if (!(key in facts)) throw new Error(`Vorlage nennt unbekannte Angabe {{${key}}}`);
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const value = facts[key];
    if (value === undefined) {
      missing.add(key);
      parts.push({ missing: key });
    } else parts.push({ text: value });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The document `template` of `intake`, as produced at `now` by `author` (the signing worker). */
export function documentOf(
  template: DocumentTemplate,
  intake: Intake,
  now: number,
  author: string | undefined,
): DocumentModel {
  const facts = factsOf(intake, author);
  const missing = new Set<FactKey>();
  const variant = template.variantOf(intake);
  const variantInfo = template.variants[variant];
  if (!variantInfo) throw new Error(`Vorlage ${template.id} hat keine Variante ${variant}`);
  const office = isOfficeId(intake.officeId) ? LETTERHEADS[intake.officeId] : undefined;

  const addressee = template.addressee.map((line) => fill(line, facts, missing));
  const subject = fill(template.subject, facts, missing);
  const blocks = template.blocks
    .filter((b) => !b.variants || b.variants.includes(variant))
    .map((b) => ({
      ...(b.heading ? { heading: b.heading } : {}),
      paragraphs: b.text.split(/\n\s*\n/).map((p) => fill(p, facts, missing)),
    }));
  // The signature names the worker; without a name the line stays to be written on.
  if (facts['author.name'] === undefined) missing.add('author.name');

  return {
    templateId: template.id,
    intakeId: intake.id,
    version: template.version,
    title: template.title,
    variant,
    variantTitle: variantInfo.title,
    letterhead: office
      ? [office.name, office.unit, office.street, office.postalCity, `${t.letterhead.phone} ${office.phone}`]
      : [],
    addressee,
    subject,
    dateLine: t.created(office?.place ?? t.missingMark, formatDate(now)),
    blocks,
    legalBasis: variantInfo.legalBasis,
    author: facts['author.name'] ?? '',
    missing: [...missing].map((key) => t.facts[key]),
    fileName: `${safeFileName(t.fileName(template.fileSlug, formatDate(now), intake.id.slice(0, REFERENCE_LENGTH)))}.pdf`,
  };
}
