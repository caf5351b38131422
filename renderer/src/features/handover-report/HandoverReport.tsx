import '../../app/print.css';
import './handover-report.css';

import { useId } from 'react';

import { de } from '../../../../shared/i18n';
import { PAGE_STYLE } from '../../app/print';
import type { HandoverReportModel, ReportRow } from './report-model';

const t = de.report;

function Rows({ rows }: { rows: ReportRow[] }) {
  return (
    <dl>
      {rows.map((row) => (
        <div key={row.label} style={{ display: 'contents' }}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The Übergabebericht an den ASD as printed: plain HTML for paper (A4, black on white), laid out from the model.
 * Rendered into the print root by HandoverReportButton; on screen it stays hidden.
 */
export function HandoverReport({ report }: { report: HandoverReportModel }) {
  const id = useId();
  const heading = (key: keyof typeof t.sections) => `${id}-${key}`;
  return (
    <article
      className="obhut-report"
      data-testid="handover-report"
      data-intake-id={report.intakeId}
      aria-label={report.title}
    >
      <style>{PAGE_STYLE}</style>
      <header>
        <h1>{report.title}</h1>
        <p className="subtitle">{report.subtitle}</p>
        <p className="child" data-testid="report-child">
          {report.childName}
        </p>
        <p className="created">{report.createdAt}</p>
      </header>

      {report.notices.length > 0 && (
        <ul className="notices" data-testid="report-notices">
          {report.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby={heading('summary')} data-testid="report-summary">
        <h2 id={heading('summary')}>{t.sections.summary}</h2>
        <Rows rows={report.summary} />
      </section>

      <section aria-labelledby={heading('decisions')} data-testid="report-decisions">
        <h2 id={heading('decisions')}>{t.sections.decisions}</h2>
        {report.decisions.length === 0 ? (
          <p>{t.none.decisions}</p>
        ) : (
          report.decisions.map((decision) => (
            <div
              className="decision"
              key={decision.heading}
              data-testid="report-decision"
              data-section={decision.section}
            >
              <h3>{decision.heading}</h3>
              <Rows rows={decision.rows} />
            </div>
          ))
        )}
      </section>

      <section aria-labelledby={heading('log')} data-testid="report-log">
        <h2 id={heading('log')}>{t.sections.log}</h2>
        {report.log.length === 0 ? (
          <p>{t.none.log}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.log.columns.at}</th>
                <th scope="col">{t.log.columns.kind}</th>
                <th scope="col">{t.log.columns.text}</th>
                <th scope="col">{t.log.columns.by}</th>
              </tr>
            </thead>
            <tbody>
              {report.log.map((line) => (
                <tr key={line.id} data-testid="report-log-line" data-entry-id={line.id}>
                  <td className="when">{line.at}</td>
                  <td className="kind">{line.kind}</td>
                  <td>
                    {line.text}
                    {line.corrects && <span className="hint"> ({line.corrects})</span>}
                  </td>
                  <td className="by">{line.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby={heading('obligations')} data-testid="report-obligations">
        <h2 id={heading('obligations')}>{t.sections.obligations}</h2>
        {report.obligations.length === 0 ? (
          <p>{t.none.obligations}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.obligations.columns.kind}</th>
                <th scope="col">{t.obligations.columns.status}</th>
                <th scope="col">{t.obligations.columns.due}</th>
                <th scope="col">{t.obligations.columns.basis}</th>
              </tr>
            </thead>
            <tbody>
              {report.obligations.map((o) => (
                <tr key={o.kind} data-testid="report-obligation" data-kind={o.kind} data-status={o.status}>
                  <td>
                    {o.label}
                    {o.note && <span className="hint"> – {o.note}</span>}
                  </td>
                  <td>{o.statusLabel}</td>
                  <td className="when">{o.due}</td>
                  <td className="by">{o.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="signatures" aria-labelledby={heading('signatures')} data-testid="report-signatures">
        <h2 id={heading('signatures')}>{t.sections.signatures}</h2>
        {report.signatures.map((s) => (
          <div
            className="signature"
            key={s.role}
            data-testid="report-signature"
            data-role={s.role}
            data-signed={s.signed}
          >
            <p className="signature-title">{s.title}</p>
            <div className="signature-field">
              <span className="value">{s.name}</span>
              <span className="caption">{t.signatures.name}</span>
            </div>
            <div className="signature-field">
              <span className="value">{s.at}</span>
              <span className="caption">{t.signatures.date}</span>
            </div>
            <div className="signature-field">
              <span className="value">{s.note ?? ''}</span>
              <span className="caption">{t.signatures.signature}</span>
            </div>
          </div>
        ))}
      </section>
    </article>
  );
}
