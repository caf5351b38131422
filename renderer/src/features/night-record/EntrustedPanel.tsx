import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import { isEmptyFact } from '../../../../shared/nightRecord/lateFacts';
import { DISCLOSURES, entrustedMarkProblem, isMarkableField, releases } from '../../../../shared/privacy/entrusted';
import { intakeFieldLimits } from '../../../../shared/rules/fieldLimits';
import { ENTRUSTED_BASES, type EntrustedBasis, type EntrustedMark } from '../../../../shared/schema/entrusted';
import type { Entry } from '../../../../shared/schema/entry';
import type { Intake } from '../../../../shared/schema/intake';
import { getAtPath } from '../../../../shared/sync/paths';
import type { IntakeRepository } from '../../data/intakes';
import { newId } from '../../data/intakes';
import { entrySummary } from '../../record/EntryLog';
import { SECTIONS } from '../../record/fields';

const t = de.privacy.entrusted;
const SNIPPET = 60;

export type EntrustedPanelProps = {
  intake: Intake;
  entries: readonly Entry[];
  intakes: Pick<IntakeRepository, 'modify'>;
  currentUserId: string;
  now: () => number;
};

/** A target of a mark in the select: `field:<path>` or `entry:<id>`. */
type Target = { value: string; label: string };

const targetOf = (mark: EntrustedMark) => (mark.field ? `field:${mark.field}` : `entry:${mark.entryId}`);

/** Fields that hold something and may carry a mark (shared rule), and the record's log lines; marked ones left out. */
function targetsOf(intake: Intake, entries: readonly Entry[]) {
  const marked = new Set((intake.entrusted ?? []).map(targetOf));
  const fields: Target[] = SECTIONS.flatMap((section) => section.fields)
    .filter((spec) => isMarkableField(spec.path) && !isEmptyFact(getAtPath(intake, spec.path)))
    .map((spec) => ({ value: `field:${spec.path}`, label: fieldLabel(spec.path) }))
    .filter((target) => !marked.has(target.value));
  const lines: Target[] = entries
    .filter((e) => e.intakeId === intake.id && entrySummary(e) !== '')
    .map((e) => {
      const text = entrySummary(e);
      const short = text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
      return { value: `entry:${e.id}`, label: t.entry(formatDateTime(e.at), short) };
    })
    .filter((target) => !marked.has(target.value));
  return { fields, lines };
}

/** How a marked target is named in the list. */
function markLabel(mark: EntrustedMark, entries: readonly Entry[]): string {
  if (mark.field) return fieldLabel(mark.field);
  const entry = entries.find((e) => e.id === mark.entryId);
  return entry ? t.entry(formatDateTime(entry.at), entrySummary(entry)) : de.privacy.withheld.entries(1);
}

/** Where the content does not go with the mark's recorded basis (the shared rule decides). */
function withheldWays(mark: EntrustedMark): string[] {
  return DISCLOSURES.filter((d) => !releases(mark, d)).map((d) => t.disclosures[d]);
}

const basisOptions = [
  { value: '', label: t.basisNone },
  ...ENTRUSTED_BASES.map((b) => ({ value: b, label: t.bases[b] })),
];

/**
 * Entrusted data (§ 65 SGB VIII) in the own office's record: the worker marks a field or a log line as "anvertraut"
 * with from whom, and records a legal basis when there is one (now or later, also after the countersignature).
 * The record lists what is marked and where it is withheld; the server and the documents withhold it by the rule
 * in shared/privacy/entrusted.ts.
 */
export function EntrustedPanel({ intake, entries, intakes, currentUserId, now }: EntrustedPanelProps) {
  const marks = intake.entrusted ?? [];
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const write = async (change: (current: EntrustedMark[]) => EntrustedMark[], changed: EntrustedMark) => {
    const problem = entrustedMarkProblem(changed);
    if (problem) {
      setError(de.errors[problem]);
      return false;
    }
    await intakes.modify(intake.id, (current) => ({ entrusted: change(current.entrusted ?? []) }));
    setError(null);
    setNotice(t.saved);
    return true;
  };

  return (
    <Paper component="section" withBorder p="md" data-testid="entrusted-marks" aria-labelledby="entrusted-marks-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="entrusted-marks-title">
          {t.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t.intro}
        </Text>
        {marks.length === 0 ? (
          <Text size="sm">{t.none}</Text>
        ) : (
          <List aria-label={t.listLabel} spacing="xs" size="sm">
            {marks.map((mark) => (
              <List.Item key={mark.id} data-testid="entrusted-mark">
                <MarkRow
                  mark={mark}
                  label={markLabel(mark, entries)}
                  onBasis={(basis, note) => {
                    const next: EntrustedMark = {
                      ...mark,
                      basis,
                      ...(note.trim() ? { basisNote: note.trim() } : {}),
                      basisBy: currentUserId,
                      basisAt: now(),
                    };
                    return write((all) => all.map((m) => (m.id === mark.id ? next : m)), next);
                  }}
                />
              </List.Item>
            ))}
          </List>
        )}
        {adding ? (
          <MarkForm
            intake={intake}
            entries={entries}
            onCancel={() => {
              setAdding(false);
              setError(null);
            }}
            onSave={async (target, from, basis, note) => {
              const [kind, ref] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
              const at = now();
              const mark: EntrustedMark = {
                id: newId(),
                ...(kind === 'field' ? { field: ref } : { entryId: ref }),
                from: from.trim(),
                markedBy: currentUserId,
                markedAt: at,
                ...(basis ? { basis, basisBy: currentUserId, basisAt: at } : {}),
                ...(basis && note.trim() ? { basisNote: note.trim() } : {}),
              };
              if (await write((all) => [...all, mark], mark)) setAdding(false);
            }}
          />
        ) : (
          <Group>
            <Button
              variant="light"
              onClick={() => {
                setAdding(true);
                setNotice(null);
              }}
            >
              {t.open}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {notice && !error && (
          <Text size="sm" role="status">
            {notice}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function MarkRow({
  mark,
  label,
  onBasis,
}: {
  mark: EntrustedMark;
  label: string;
  onBasis: (basis: EntrustedBasis, note: string) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState('');
  const [note, setNote] = useState('');
  const ways = withheldWays(mark);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{t.markedFrom(mark.from ?? '', formatDateTime(mark.markedAt))}</Text>
      {mark.basis && mark.basisAt !== undefined && (
        <Text size="sm">{t.basisRecorded(t.bases[mark.basis], formatDateTime(mark.basisAt))}</Text>
      )}
      <Text size="sm" c={ways.length > 0 ? 'orange' : 'dimmed'} data-testid="entrusted-withheld-ways">
        {ways.length > 0 ? t.withheldFrom(ways) : t.releasedEverywhere}
      </Text>
      {!mark.basis &&
        (open ? (
          <Stack gap="xs" maw={640}>
            <BasisFields basis={basis} note={note} onBasis={setBasis} onNote={setNote} withNote />
            <Group>
              <Button
                disabled={basis === ''}
                onClick={() => void onBasis(basis as EntrustedBasis, note).then((ok) => ok && setOpen(false))}
              >
                {t.saveBasis}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t.cancel}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setOpen(true)}
              aria-label={`${t.recordBasis}: ${label}`}
            >
              {t.recordBasis}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

/** The legal basis and its note, as the schema limits them: when marking, and when recording the basis later. */
function BasisFields(props: {
  basis: string;
  note: string;
  onBasis: (basis: string) => void;
  onNote: (note: string) => void;
  withNote: boolean;
}) {
  return (
    <>
      <NativeSelect
        label={t.basis}
        data={basisOptions}
        value={props.basis}
        onChange={(e) => props.onBasis(e.currentTarget.value)}
      />
      {props.withNote && (
        <Textarea
          label={t.basisNote}
          description={t.basisNoteHint}
          value={props.note}
          onChange={(e) => props.onNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={intakeFieldLimits('entrusted.basisNote')?.maxLength}
        />
      )}
    </>
  );
}

function MarkForm({
  intake,
  entries,
  onSave,
  onCancel,
}: {
  intake: Intake;
  entries: readonly Entry[];
  onSave: (target: string, from: string, basis: EntrustedBasis | '', note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { fields, lines } = useMemo(() => targetsOf(intake, entries), [intake, entries]);
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [basis, setBasis] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  if (fields.length === 0 && lines.length === 0) {
    return (
      <Group>
        <Text size="sm">{t.nothingToMark}</Text>
        <Button variant="default" onClick={onCancel}>
          {t.cancel}
        </Button>
      </Group>
    );
  }
  const data = [
    { value: '', label: t.targetPlaceholder },
    ...(fields.length ? [{ group: t.fieldGroup, items: fields }] : []),
    ...(lines.length ? [{ group: t.entryGroup, items: lines }] : []),
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (target === '') {
          setMissing(t.chooseTarget);
          return;
        }
        setMissing(null);
        void onSave(target, from, basis as EntrustedBasis | '', note);
      }}
    >
      <Stack gap="xs" maw={640}>
        <NativeSelect
          label={t.target}
          data={data}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          error={missing}
        />
        <TextInput
          label={t.from}
          description={t.fromHint}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          maxLength={intakeFieldLimits('entrusted.from')?.maxLength}
        />
        <BasisFields basis={basis} note={note} onBasis={setBasis} onNote={setNote} withNote={basis !== ''} />
        <Group>
          <Button type="submit">{t.save}</Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
