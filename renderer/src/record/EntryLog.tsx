import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useState } from 'react';

import { ENTRY_KINDS, type EntryKind } from '../../../shared/catalogues/entry';
import { formatDateTime } from '../../../shared/format';
import { de } from '../../../shared/i18n';
import { entryFieldLimits } from '../../../shared/rules/fieldLimits';
import type { Entry } from '../../../shared/schema/entry';
import { DateTextInput } from '../app/inputs/DateTextInput';
import { parseDateTimeText } from '../app/inputs/german-date-text';
import { SearchSelect } from '../app/inputs/SearchSelect';
import type { EntryInput } from '../data/entries';
import type { RejectionView } from '../data/rejections';
import { rejectionMessage } from './rejection-message';

const t = de.app.nightRecord.log;
const KIND_OPTIONS = ENTRY_KINDS.map((k) => ({ value: k, label: de.nightRecord.entryKinds[k] }));

type Props = {
  entries: readonly Entry[];
  pendingIds: ReadonlySet<string>;
  rejections: readonly RejectionView[];
  now: () => number;
  onAppend: (input: EntryInput) => Promise<void>;
  onRestore: (id: string) => void;
  /** Display names by user id (the office directory); anyone not in it shows by id. */
  names?: ReadonlyMap<string, string>;
};

/** What an entry says in one line: its text, or the place and its answer. */
export function entrySummary(entry: Entry): string {
  const p = entry.placement;
  const head = p
    ? t.placement(p.facilityName, de.nightRecord.placementAnswers[p.answer]) +
      (p.reason ? ` (${de.nightRecord.refusalReasons[p.reason]})` : '')
    : '';
  return [head, entry.text].filter(Boolean).join(' – ');
}

/**
 * The log of the night: timestamped lines, appended and never changed. A mistake is corrected by a new line that
 * names the one it corrects. A line the server refused shows the reason, and can be put back as the server has it.
 */
export const EntryLog = memo(function EntryLog({
  entries,
  pendingIds,
  rejections,
  now,
  onAppend,
  onRestore,
  names,
}: Props) {
  const [kind, setKind] = useState<EntryKind>('note');
  const [at, setAt] = useState('');
  const [text, setText] = useState('');
  const [corrects, setCorrects] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [atError, setAtError] = useState<string | null>(null);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const describe = (e: Entry) => `${formatDateTime(e.at)} ${de.nightRecord.entryKinds[e.kind]}`;

  const add = async () => {
    if (!text.trim()) {
      setError(t.textRequired);
      return;
    }
    const when = at.trim() ? parseDateTimeText(at, now()) : null;
    // A time that does not parse is not replaced by now: the line would carry a time nobody meant.
    if (at.trim() && when === null) {
      setAtError(de.app.nightRecord.validation.invalidDateTime);
      return;
    }
    setAtError(null);
    await onAppend({
      kind,
      text: text.trim(),
      ...(when !== null ? { at: when } : {}),
      ...(corrects ? { correctsId: corrects.id } : {}),
    });
    setText('');
    setAt('');
    setCorrects(null);
    setError(null);
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      void add();
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="entry-log" aria-label={t.title}>
      <Title order={3} size="h5">
        {t.title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.immutableHint}
      </Text>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.empty}
        </Text>
      ) : (
        <Stack gap={6} mb="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.map((entry) => {
            const rejection = rejections.find((r) => r.id === entry.id);
            const corrected = entry.correctsId ? byId.get(entry.correctsId) : undefined;
            return (
              <li key={entry.id} data-testid="entry" data-kind={entry.kind} data-entry-id={entry.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" ff="monospace" miw={130}>
                    {formatDateTime(entry.at)}
                  </Text>
                  <Badge variant="light" miw={110}>
                    {de.nightRecord.entryKinds[entry.kind]}
                  </Badge>
                  <Stack gap={0} style={{ flex: 1 }}>
                    <Text size="sm">{entrySummary(entry)}</Text>
                    <Text size="xs" c="dimmed">
                      {t.by(names?.get(entry.createdBy) ?? entry.createdBy)}
                      {corrected ? ` · ${t.corrects(describe(corrected))}` : ''}
                    </Text>
                  </Stack>
                  {pendingIds.has(entry.id) && !rejection && (
                    <Badge color="yellow" variant="light" data-testid="marker-pending">
                      {de.app.intakes.markers.pending}
                    </Badge>
                  )}
                  <Button size="compact-xs" variant="subtle" onClick={() => setCorrects(entry)}>
                    {t.correct}
                  </Button>
                </Group>
                {rejection && (
                  <Alert color="red" mt={4} title={t.rejected} data-testid="entry-rejection">
                    <Text size="sm">{rejectionMessage(rejection)}</Text>
                    <Button size="xs" variant="light" color="red" mt="xs" onClick={() => onRestore(entry.id)}>
                      {t.restore}
                    </Button>
                  </Alert>
                )}
              </li>
            );
          })}
        </Stack>
      )}
      {corrects && (
        <Group gap="xs" mb={4}>
          <Text size="sm" c="orange">
            {t.correcting(describe(corrects))}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => setCorrects(null)}>
            {t.cancelCorrection}
          </Button>
        </Group>
      )}
      <Group align="flex-start" gap="xs">
        <SearchSelect
          label={t.kind}
          value={kind}
          // A line always has a kind: an emptied field keeps the one chosen.
          onChange={(next) => next && setKind(next as EntryKind)}
          data={KIND_OPTIONS}
        />
        <DateTextInput
          kind="datetime"
          label={t.at}
          description={t.atHint}
          now={now}
          value={at}
          error={atError}
          onValueChange={setAt}
          onKeyDown={onEnter}
        />
        <TextInput
          label={t.text}
          value={text}
          error={error}
          autoComplete="off"
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // A line typed but not yet added is kept: Esc here does not leave the record (and lose it).
            if (e.key === 'Escape' && text.trim()) e.preventDefault();
            else onEnter(e);
          }}
          style={{ flex: 1 }}
          maxLength={entryFieldLimits('text')?.maxLength}
        />
        <Button mt={25} onClick={() => void add()}>
          {t.add}
        </Button>
      </Group>
    </Paper>
  );
});
