import type { de } from '../../../../shared/i18n';
import type { Disclosure } from '../../../../shared/privacy/entrusted';
import type { Intake } from '../../../../shared/schema/intake';

/** The facts a template may name; their labels are in the catalogue (de.documents.facts). */
export type FactKey = keyof typeof de.documents.facts;

export type TemplateBlock =
  | {
      heading?: string;
      /** Paragraphs separated by blank lines; {{fact}} is replaced by the fact's value. */
      text: string;
      /** Only for these variants; absent: for every variant. */
      variants?: readonly string[];
    }
  | {
      /** The facility sheet's alerts and sections (shared/nightRecord/facilitySheet.ts), the one model of its content. */
      sheet: 'facility';
      variants?: readonly string[];
    };

export const DOCUMENT_IDS = [
  'bescheid-inobhutnahme',
  'antrag-familiengericht',
  'meldung-landesstelle',
  'kostenzusage-einrichtung',
  'aufnahmeblatt-einrichtung',
  'mitteilung-schule',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

export type DocumentLayout = 'letter' | 'sheet';

export type TemplateVariant = {
  /** Shown in the preview and the heading, e.g. "vorläufige Inobhutnahme (§ 42a SGB VIII)". */
  title: string;
  legalBasis: readonly string[];
};

/**
 * What a document template is: German text with {{fact}} placeholders, filled from the record by document-model.ts.
 * Templates are plain files in templates/ (one per document) so an office can change wording without code changes
 * (docs/documents.md); every change raises `version`, which the log line names.
 */
export type DocumentTemplate = {
  id: DocumentId;
  version: number;
  title: string;
  /** The start of the PDF's file name: what the document is, never whom it is about. */
  fileSlug: string;
  /** The variant a record needs (from its legal ground, or who bears the costs). */
  variantOf: (intake: Intake) => string;
  /** Whether the record needs this document at all (the report to the state office only for § 42a); absent: always. */
  appliesTo?: (intake: Intake) => boolean;
  variants: Readonly<Record<string, TemplateVariant>>;
  /** How it leaves the office, for what entrusted content it may carry (§ 65 SGB VIII); absent: 'document'. */
  disclosure?: Extract<Disclosure, 'family_court' | 'document'>;
  /**
   * How it is laid out on paper: a letter (the addressee in its own field under the letterhead, for a window
   * envelope), or a sheet handed over in person that must fit one A4 page (addressee beside the letterhead, the
   * facility sheet's sections in two columns). Absent: 'letter'.
   */
  layout?: DocumentLayout;
  /** Addressee lines; {{fact}} allowed. */
  addressee: readonly string[];
  subject: string;
  blocks: readonly TemplateBlock[];
};
