import '../../app/print.css';
import './access-request.css';

import { de } from '../../../../shared/i18n';
import { PAGE_STYLE } from '../../app/print';
import type { AccessDocumentModel, AccessRecordModel, AccessRow } from './access-request-model';

const t = de.privacy.accessRequest;

function Rows({ rows }: { rows: AccessRow[] }) {
  return (
    <dl>
      {rows.map((row, i) => (
        <div key={i} className="row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RecordPart({ record }: { record: AccessRecordModel }) {
  return (
    <section data-testid="access-record" data-record-id={record.id}>
      <h3>{record.heading}</h3>
      <Rows rows={[{ label: t.state, value: record.state }]} />
      {record.receivedFrom && <p>{t.receivedFrom(record.receivedFrom)}</p>}
      {record.sections.map((section) => (
        <div key={section.title}>
          <h4>{section.title}</h4>
          <Rows rows={section.rows} />
        </div>
      ))}
      {(record.withheldFields.length > 0 || record.withheldEntries > 0) && (
        <div data-testid="access-withheld">
          <h4>{t.withheldHeading}</h4>
          <p>{t.withheldHint}</p>
          <ul>
            {record.withheldFields.map((label) => (
              <li key={label}>{label}</li>
            ))}
            {record.withheldEntries > 0 && <li>{de.privacy.withheld.entries(record.withheldEntries)}</li>}
          </ul>
        </div>
      )}
      <h4>{t.logHeading}</h4>
      {record.log.length === 0 ? (
        <p>{t.noLog}</p>
      ) : (
        <Rows rows={record.log.map((line) => ({ label: `${line.at} ${line.kind}`, value: line.text }))} />
      )}
      <h4>{t.recipientsHeading}</h4>
      {record.recipients.length === 0 ? (
        <p>{t.noRecipients}</p>
      ) : (
        <ul>
          {record.recipients.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <h4>{t.readsHeading}</h4>
      {record.reads.length === 0 ? <p>{t.noReads}</p> : <Rows rows={record.reads} />}
    </section>
  );
}

/**
 * The access request as a person reads it, on screen and on paper (A4, with "Vertraulich – Sozialdaten" and the
 * page counter of app/print.ts): who asked, what is stored, to whom it went, who read it, what is withheld and why.
 */
export function AccessRequestDocument({ doc }: { doc: AccessDocumentModel }) {
  return (
    <article className="obhut-access-request" data-testid="access-request-document">
      <style>{PAGE_STYLE}</style>
      <h2>{doc.title}</h2>
      <h3>{t.personHeading}</h3>
      <Rows rows={doc.person} />
      <h3>{t.producedHeading}</h3>
      <Rows rows={doc.produced} />
      <p>{t.found(doc.records.length)}</p>
      {doc.records.map((record) => (
        <RecordPart key={record.id} record={record} />
      ))}
      {doc.toCheck.length > 0 && (
        <section data-testid="access-to-check">
          <h3>{t.toCheckHeading}</h3>
          <p>{t.toCheck(doc.toCheck.length)}</p>
          <ul>
            {doc.toCheck.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
