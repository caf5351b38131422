import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';

import { de, type ErrorCode } from '../../../../shared/i18n';
import type { AccessAnswer } from '../../../../shared/privacy/access-request';
import { useClient } from '../../app/client-context';
import { IsoDateInput } from '../../app/inputs/DateTextInput';
import { PRINTING_EVENT } from '../../app/print';
import { saveFile } from '../../app/save-file';
import { ApiError, NetworkError } from '../../data/http';
import { accessDocumentOf } from './access-request-model';
import { AccessRequestDocument } from './AccessRequestDocument';

const t = de.privacy.accessRequest;

type Message = { kind: 'info' | 'error'; text: string };

function failure(error: unknown): string {
  if (error instanceof NetworkError) return t.offline;
  if (error instanceof ApiError)
    return t.failed((de.errors as Record<string, string>)[error.code as ErrorCode] ?? error.message);
  return t.failed(error instanceof Error ? error.message : String(error));
}

/**
 * A supervisor answers a person's request for information (Art. 15 DSGVO, § 83 SGB X): finds the person by name and
 * birth date, reads the answer, prints it (PDF in the desktop app) and downloads it complete as JSON. The server
 * produces the answer for the own office and audits it; each print or download is reported as an export.
 */
export function AccessRequestPage() {
  const client = useClient();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AccessAnswer | null>(null);
  const [printing, setPrinting] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const doc = useMemo(() => answer && accessDocumentOf(answer), [answer]);
  const [printed, setPrinted] = useState(false);

  const ask = async () => {
    setMessage(null);
    if (!firstName.trim() || !lastName.trim()) {
      setProblem(t.nameMissing);
      return;
    }
    if (!birthDate) {
      setProblem(t.birthDateInvalid);
      return;
    }
    setProblem(null);
    setBusy(true);
    setAnswer(null);
    try {
      setAnswer(await client.accessRequest.answer({ firstName, lastName, birthDate }));
    } catch (error) {
      setMessage({ kind: 'error', text: failure(error) });
    } finally {
      setBusy(false);
    }
  };

  /** Every record of the answer leaves the app with it: one export line each for the audit trail. */
  const reportExport = (kind: 'pdf' | 'print' | 'document') => {
    for (const record of answer?.records ?? []) client.accessLog.record(kind, record.intake.id);
  };

  const print = async () => {
    if (!doc) return;
    setPrinting(true);
    setMessage(null);
    try {
      window.dispatchEvent(new CustomEvent(PRINTING_EVENT, { detail: 'access-request' }));
      // The paper must be in the page before it prints.
      flushSync(() => setPrinted(true));
      const bridge = window.obhut;
      if (bridge?.printToPdf) {
        const result = await bridge.printToPdf(doc.pdfFileName);
        if (result.status === 'cancelled') {
          setMessage({ kind: 'info', text: t.cancelled });
          return;
        }
        if (result.status !== 'saved') {
          setMessage({ kind: 'error', text: t.printFailed(result.message) });
          return;
        }
        setMessage({ kind: 'info', text: t.saved(result.path) });
        reportExport('pdf');
      } else {
        // Whether the dialog ends on paper or is cancelled, the browser does not tell: counted as printed.
        window.print();
        reportExport('print');
      }
    } catch (error) {
      setMessage({ kind: 'error', text: t.printFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setPrinting(false);
    }
  };

  const download = () => {
    if (!answer || !doc) return;
    saveFile(new Blob([JSON.stringify(answer, null, 2)], { type: 'application/json' }), doc.jsonFileName);
    // A file with the records' content leaving the app, like a document.
    reportExport('document');
  };

  return (
    <Stack data-testid="access-request" pb={96}>
      <Title order={2}>{t.title}</Title>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <Group align="flex-start">
          <TextInput label={t.firstName} value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} />
          <TextInput label={t.lastName} value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} />
          <IsoDateInput label={t.birthDate} description={t.birthDateHint} value={birthDate} onChange={setBirthDate} />
        </Group>
        {problem && (
          <Text size="sm" c="red" role="alert" mt="xs">
            {problem}
          </Text>
        )}
        <Button type="submit" mt="sm" loading={busy}>
          {t.submit}
        </Button>
      </form>
      {message && (
        <Alert color={message.kind === 'error' ? 'red' : 'blue'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
      {doc && (
        <Stack>
          <Group>
            <Button onClick={() => void print()} loading={printing}>
              {t.print}
            </Button>
            <Button variant="default" onClick={download}>
              {t.json}
            </Button>
          </Group>
          <Paper withBorder p="md" component="section" aria-label={t.resultLabel}>
            <AccessRequestDocument doc={doc} />
          </Paper>
        </Stack>
      )}
      {doc &&
        printed &&
        createPortal(
          <div className="obhut-print-root" data-testid="access-request-print-root">
            <AccessRequestDocument doc={doc} />
          </div>,
          document.body,
        )}
    </Stack>
  );
}
