import { Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';

import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { PRINTING_EVENT } from '../../app/print';
import { useIntake } from '../../data/hooks';
import { type Completed, type DocumentModel, documentOf } from './document-model';
import { DocumentView } from './DocumentView';
import type { DocumentTemplate, FactKey } from './template';
import { DOCUMENT_TEMPLATES } from './templates';

const t = de.documents;

/** The time a preview is made at; read in the click handler, not during render. */
const clock = () => Date.now();

type Message = { kind: 'info' | 'error'; text: string };

/** An open preview: the record as read when it opened, and what the worker wrote for the facts it lacks. */
type Draft = {
  template: DocumentTemplate;
  intake: Intake;
  now: number;
  author: string;
  /** The facts the record lacks, fixed when the preview opens: a field stays while it is typed into. */
  fields: FactKey[];
  completed: Completed;
};

/**
 * One button per document of the record. It opens a preview with the facts the record lacks; "Drucken / PDF"
 * prints it through the handover report's machinery (print root, window.obhut.printToPdf or window.print), then
 * writes "Dokument erstellt: … (Version n)" into the record's log and reports the export for the audit trail.
 */
export function DocumentButtons({ intakeId }: { intakeId: string }) {
  const client = useClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const preview = useMemo(
    () => draft && documentOf(draft.template, draft.intake, draft.now, draft.author, draft.completed),
    [draft],
  );
  const [printed, setPrinted] = useState<DocumentModel | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const key = `document:${intakeId}`;
  const intake = useIntake(intakeId);
  const templates = DOCUMENT_TEMPLATES.filter((tpl) => !intake || !tpl.appliesTo || tpl.appliesTo(intake));

  useEffect(() => {
    const onOther = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== key) setPrinted(null);
    };
    window.addEventListener(PRINTING_EVENT, onOther);
    return () => window.removeEventListener(PRINTING_EVENT, onOther);
  }, [key]);

  const open = async (template: DocumentTemplate) => {
    setMessage(null);
    const intake = await client.intakes.get(intakeId);
    if (!intake) {
      setMessage({ kind: 'error', text: t.print.notFound });
      return;
    }
    const now = clock();
    const author = client.user.displayName;
    const fields = documentOf(template, intake, now, author).missingFacts;
    setDraft({ template, intake, now, author, fields, completed: {} });
  };

  const produce = async (doc: DocumentModel) => {
    setBusy(true);
    setMessage(null);
    try {
      window.dispatchEvent(new CustomEvent(PRINTING_EVENT, { detail: key }));
      // The document must be in the page before it prints.
      flushSync(() => setPrinted(doc));
      const bridge = window.obhut;
      if (bridge?.printToPdf) {
        const result = await bridge.printToPdf(doc.fileName);
        if (result.status === 'cancelled') {
          setMessage({ kind: 'info', text: t.print.cancelled });
          return;
        }
        if (result.status !== 'saved') {
          setMessage({ kind: 'error', text: t.print.failed(result.message) });
          return;
        }
        setMessage({ kind: 'info', text: t.print.saved(result.path) });
      } else {
        // Whether the dialog ends on paper or is cancelled, the browser does not tell: counted as produced.
        window.print();
      }
      client.accessLog.record('document', intakeId);
      await client.entries.append(intakeId, { kind: 'note', text: t.logLine(doc.title, doc.version) });
      setDraft(null);
    } catch (error) {
      setMessage({ kind: 'error', text: t.print.failed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        {templates.map((template) => (
          <Button
            key={template.id}
            variant="light"
            onClick={() => void open(template)}
            data-testid={`document-button-${template.id}`}
          >
            {template.title}
          </Button>
        ))}
      </Group>
      {message && (
        <Text
          size="sm"
          c={message.kind === 'error' ? 'red' : 'dimmed'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="document-message"
        >
          {message.text}
        </Text>
      )}
      <Modal
        opened={preview !== null}
        onClose={() => setDraft(null)}
        title={preview ? t.open(preview.title) : ''}
        size="xl"
      >
        {preview && (
          <Stack data-testid="document-preview">
            <Text size="xs" c="dimmed">
              {preview.variantTitle} · {t.preview.version(preview.version)}
            </Text>
            {draft && draft.fields.length > 0 && (
              <div data-testid="document-fill-in">
                <Title order={4}>{t.preview.fillInHeading}</Title>
                <Text size="sm">{t.preview.fillInHint}</Text>
                {draft.fields.map((key) => (
                  <TextInput
                    key={key}
                    label={t.facts[key]}
                    value={draft.completed[key] ?? ''}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setDraft((d) => d && { ...d, completed: { ...d.completed, [key]: value } });
                    }}
                  />
                ))}
              </div>
            )}
            {preview.missing.length > 0 ? (
              <div data-testid="document-missing-list">
                <Title order={4}>{t.preview.missingHeading}</Title>
                <Text size="sm">{t.preview.missingHint}</Text>
                <List size="sm">
                  {preview.missing.map((label) => (
                    <List.Item key={label}>{label}</List.Item>
                  ))}
                </List>
              </div>
            ) : (
              <Text size="sm">{t.preview.complete}</Text>
            )}
            {preview.entrustedWithheld && (
              <div data-testid="document-withheld-list">
                <Title order={4}>{t.preview.withheldHeading}</Title>
                <Text size="sm">{t.preview.withheldHint}</Text>
                <List size="sm">
                  {preview.withheld.map((label) => (
                    <List.Item key={label}>{label}</List.Item>
                  ))}
                </List>
              </div>
            )}
            <Group>
              <Button onClick={() => void produce(preview)} loading={busy} data-testid="document-print">
                {t.print.button}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t.preview.close}
              </Button>
            </Group>
            <div className="obhut-document-preview">
              <DocumentView doc={preview} />
            </div>
          </Stack>
        )}
      </Modal>
      {printed &&
        createPortal(
          <div className="obhut-print-root" data-testid="document-print-root">
            <DocumentView doc={printed} />
          </div>,
          document.body,
        )}
    </Stack>
  );
}
