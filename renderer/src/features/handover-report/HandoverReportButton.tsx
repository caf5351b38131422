import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { firstValueFrom } from 'rxjs';

import { de } from '../../../../shared/i18n';
import { useClient } from '../../app/client-context';
import { PRINTING_EVENT } from '../../app/print';
import { HandoverReport } from './HandoverReport';
import { type HandoverReportModel, reportOf, type UserNames } from './report-model';

const t = de.report.print;

type Message = { kind: 'info' | 'error'; text: string };

/**
 * "Übergabebericht drucken": loads the record and its log from the local database, puts the report into the print
 * root (a portal on <body>, hidden on screen) and prints it - in the desktop app as an A4 PDF saved where the user
 * chooses (window.obhut.printToPdf), in the browser with the print dialog. The report stays in the print root
 * afterwards, so printing the page again prints it again.
 *
 * `names` (user id -> display name) adds to the logged-in user's own name, for the log and the signatures.
 */
export function HandoverReportButton({ intakeId, names }: { intakeId: string; names?: UserNames }) {
  const client = useClient();
  const [report, setReport] = useState<HandoverReportModel | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    const onOther = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== intakeId) setReport(null);
    };
    window.addEventListener(PRINTING_EVENT, onOther);
    return () => window.removeEventListener(PRINTING_EVENT, onOther);
  }, [intakeId]);

  const print = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const intake = await client.intakes.get(intakeId);
      if (!intake) {
        setMessage({ kind: 'error', text: t.notFound });
        return;
      }
      const entries = await firstValueFrom(client.entries.list$(intakeId));
      const known = new Map([...(names ?? []), [client.user.id, client.user.displayName]]);
      const model = reportOf(intake, entries, Date.now(), known);
      window.dispatchEvent(new CustomEvent(PRINTING_EVENT, { detail: intakeId }));
      // The report must be in the page before it prints.
      flushSync(() => setReport(model));
      const bridge = window.obhut;
      if (bridge?.printToPdf) {
        const result = await bridge.printToPdf(model.fileName);
        if (result.status === 'saved') {
          client.accessLog.record('pdf', intakeId);
          setMessage({ kind: 'info', text: t.saved(result.path) });
        } else if (result.status === 'cancelled') setMessage({ kind: 'info', text: t.cancelled });
        else setMessage({ kind: 'error', text: t.failed(result.message) });
      } else {
        // Whether the dialog ends on paper or is cancelled, the browser does not tell: counted as printed.
        client.accessLog.record('print', intakeId);
        window.print();
      }
    } catch (error) {
      setMessage({ kind: 'error', text: t.failed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-start">
      <Button variant="light" onClick={() => void print()} loading={busy} data-testid="handover-report-button">
        {t.button}
      </Button>
      {busy && (
        <Text size="xs" c="dimmed" role="status">
          {t.loading}
        </Text>
      )}
      {message && (
        <Text
          size="sm"
          c={message.kind === 'error' ? 'red' : 'dimmed'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="handover-report-message"
        >
          {message.text}
        </Text>
      )}
      {report &&
        createPortal(
          <div className="obhut-print-root" data-testid="handover-report-print-root">
            <HandoverReport report={report} />
          </div>,
          document.body,
        )}
    </Stack>
  );
}
