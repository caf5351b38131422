import '../../app/print.css';
import './documents.css';

import { de } from '../../../../shared/i18n';
import { PAGE_STYLE } from '../../app/print';
import type { DocumentBlock, DocumentModel, DocumentRow, Part } from './document-model';

const t = de.documents;

function Parts({ parts }: { parts: Part[] }) {
  return parts.map((part, i) =>
    'text' in part ? (
      part.text
    ) : 'withheld' in part ? (
      <span key={i} className="withheld" data-testid="document-withheld" data-fact={part.withheld}>
        {t.withheldMark}
      </span>
    ) : (
      <span key={i} className="missing" data-testid="document-missing" data-fact={part.missing}>
        {t.missingMark}
      </span>
    ),
  );
}

function Rows({ rows }: { rows: DocumentRow[] }) {
  return (
    <dl className="rows">
      {rows.map((row) => (
        <div key={row.label} className="row">
          <dt>{row.label}</dt>
          <dd className={row.value === undefined ? 'missing' : undefined}>
            {row.value ?? (row.withheld ? t.withheldMark : de.facilitySheet.notRecorded)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Block({ block }: { block: DocumentBlock }) {
  return (
    <section data-testid="document-block">
      {block.heading && <h2>{block.heading}</h2>}
      {block.paragraphs.map((p, j) => (
        <p key={j}>
          <Parts parts={p} />
        </p>
      ))}
      {block.rows && <Rows rows={block.rows} />}
    </section>
  );
}

/** Consecutive blocks of rows (the facility sheet's sections) stay together, so a sheet can set them in columns. */
function grouped(blocks: DocumentBlock[]): (DocumentBlock | DocumentBlock[])[] {
  const groups: (DocumentBlock | DocumentBlock[])[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.rows && Array.isArray(last)) last.push(block);
    else groups.push(block.rows ? [block] : block);
  }
  return groups;
}

/**
 * A document as printed: A4, black on white, letterhead, addressee, subject, the template's blocks, the legal
 * bases and a signature line; page numbers from the handover report's page margin boxes. Shown in the preview and
 * put into the print root to be printed. The layout (letter or one-page sheet) is the template's, set in CSS.
 */
export function DocumentView({ doc }: { doc: DocumentModel }) {
  return (
    <article
      className={`obhut-document ${doc.layout}`}
      data-testid="document"
      data-template={doc.templateId}
      data-variant={doc.variant}
      data-intake-id={doc.intakeId}
      aria-label={doc.title}
    >
      <style>{PAGE_STYLE}</style>
      <div className="head">
        <header className="letterhead" data-testid="document-letterhead">
          {doc.logo && <img className="logo" src={doc.logo.src} alt={doc.logo.alt} data-testid="document-logo" />}
          <div>
            {doc.letterhead.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </header>
        <address className="addressee" data-testid="document-addressee">
          {doc.addressee.map((line, i) => (
            <p key={i}>
              <Parts parts={line} />
            </p>
          ))}
        </address>
        <p className="date-line">{doc.dateLine}</p>
      </div>
      <h1>
        {doc.title} – {doc.variantTitle}
      </h1>
      <p className="subject">
        <Parts parts={doc.subject} />
      </p>
      {grouped(doc.blocks).map((group, i) =>
        Array.isArray(group) ? (
          <div key={i} className="row-blocks">
            {group.map((block, j) => (
              <Block key={j} block={block} />
            ))}
          </div>
        ) : (
          <Block key={i} block={group} />
        ),
      )}
      {doc.entrustedWithheld && (
        <p className="withheld-notice" data-testid="document-withheld-notice">
          {t.withheldNotice}
        </p>
      )}
      <section className="legal-basis" data-testid="document-legal-basis">
        <h2>{t.legalBasis}</h2>
        <p>{doc.legalBasis.join('; ')}</p>
      </section>
      <section className="signature" data-testid="document-signature">
        <p>{t.signature.inOffice}</p>
        <div className="signature-line" />
        <p className="caption">
          {doc.author ? `${doc.author} – ` : ''}
          {t.signature.caption}
        </p>
      </section>
      <footer className="template-version">
        {doc.title} · {t.preview.version(doc.version)}
      </footer>
    </article>
  );
}
