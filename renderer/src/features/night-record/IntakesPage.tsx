import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useCallback, useMemo, useState } from 'react';

import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { type Navigation, useNavigation } from '../../app/navigation';
import { useAnnounceOpenRecord } from '../../app/open-record';
import { useNow } from '../../app/use-now';
import { useRecordOpened } from '../../app/use-record-opened';
import type { EntryInput } from '../../data/entries';
import {
  useDirectory,
  useEntries,
  useFacilities,
  useIntakes,
  usePendingIds,
  useRejectedIds,
  useRejections,
} from '../../data/hooks';
import { newId } from '../../data/intakes';
import { EMPTY_SEARCH, type IntakeSearch, matches } from '../../record/search';
import { IntakeList } from './IntakeList';
import { IntakeSearchBar } from './IntakeSearchBar';
import { NightRecordForm } from './NightRecordForm';
import type { PlaceSuggestion } from './PlacementSearch';

const t = de.app.intakes;

type View = { kind: 'list' } | { kind: 'record'; id: string; isNew: boolean };
const NONE: Intake[] = [];

/** The record another area asked this page to open, if any. */
function requestedView(nav: Navigation['view']): View | null {
  return nav.kind === 'intakes' && nav.intakeId ? { kind: 'record', id: nav.intakeId, isNew: false } : null;
}

/** The office's intakes: the searchable list, and one night record at a time. */
export function IntakesPage({
  papers,
  removed,
}: {
  /** The papers printed from the open record (the session gives the documents). */
  papers?: (intakeId: string) => ReactNode;
  /** Below the list: the records removed from this laptop (the session gives the privacy feature's list). */
  removed?: ReactNode;
}) {
  const client = useClient();
  const navigation = useNavigation();
  const loaded = useIntakes();
  const intakes = loaded ?? NONE;
  const [view, setView] = useState<View>(() => requestedView(navigation.view) ?? { kind: 'list' });
  // Another area may ask for a record (navigation.go({ kind: 'intakes', intakeId })), also while this page is open.
  const [seen, setSeen] = useState(navigation.view);
  if (seen !== navigation.view) {
    setSeen(navigation.view);
    const requested = requestedView(navigation.view);
    if (requested) setView(requested);
  }
  const [search, setSearch] = useState<IntakeSearch>(EMPTY_SEARCH);
  const now = useNow();
  const pendingIds = usePendingIds();
  const rejectedIds = useRejectedIds();
  const shown = useMemo(() => intakes.filter((i) => matches(i, search)), [intakes, search]);

  if (view.kind === 'record') {
    if (loaded === null) return <Loader aria-label={de.app.shell.loading} />;
    const intake = intakes.find((i) => i.id === view.id) ?? null;
    if (!intake && !view.isNew) {
      return (
        <Stack>
          <Text>{t.notFound}</Text>
          <Button variant="default" onClick={() => setView({ kind: 'list' })}>
            {t.back}
          </Button>
        </Stack>
      );
    }
    return (
      <RecordView
        key={view.id}
        id={view.id}
        intake={intake}
        records={intakes}
        papers={papers}
        onClose={() => setView({ kind: 'list' })}
      />
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t.title}</Title>
        <Button onClick={() => setView({ kind: 'record', id: newId(), isNew: true })} autoFocus>
          {t.new}
        </Button>
      </Group>
      {intakes.length === 0 ? (
        <Text c="dimmed" data-testid="intake-list-empty">
          {t.empty}
        </Text>
      ) : (
        <>
          <IntakeSearchBar search={search} onChange={setSearch} />
          <Text size="sm" c="dimmed" data-testid="intake-count">
            {t.search.count(shown.length, intakes.length)}
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed">{t.noMatch}</Text>
          ) : (
            <IntakeList
              intakes={shown}
              pendingIds={pendingIds}
              rejectedIds={rejectedIds}
              now={now}
              userOfficeId={client.user.officeId}
              onOpen={(id) => setView({ kind: 'record', id, isNew: false })}
            />
          )}
        </>
      )}
      {removed}
    </Stack>
  );
}

function RecordView(props: {
  id: string;
  intake: Intake | null;
  records: readonly Intake[];
  papers?: (intakeId: string) => ReactNode;
  onClose: () => void;
}) {
  const client = useClient();
  useRecordOpened(props.id);
  const navigation = useNavigation();
  const names = useDirectory();
  // The directory's search logs calls into this record once it exists.
  useAnnounceOpenRecord(props.intake ? props.id : null);
  const entries = useEntries(props.id);
  const facilities = useFacilities();
  const pendingIds = usePendingIds();
  const rejections = useRejections();
  const suggestions = useMemo<PlaceSuggestion[]>(
    () => facilities.map((f) => ({ facilityId: f.id, facilityName: f.name, provider: f.provider })),
    [facilities],
  );
  const { id } = props;
  const onAppendEntry = useCallback(
    async (input: EntryInput) => void (await client.entries.append(id, input)),
    [client, id],
  );
  const onRestoreEntry = useCallback((entryId: string) => void client.entries.restoreFromServer(entryId), [client]);
  return (
    <NightRecordForm
      id={props.id}
      intake={props.intake}
      entries={entries}
      intakes={client.intakes}
      onAppendEntry={onAppendEntry}
      onRestoreEntry={onRestoreEntry}
      currentUserId={client.user.id}
      names={names}
      records={props.records}
      userOfficeId={client.user.officeId}
      pendingIds={pendingIds}
      rejections={rejections}
      onDismissRejection={(id) => void client.dismissRejection(id)}
      documentsAction={props.papers?.(props.id)}
      suggestions={suggestions}
      onOpenBoard={props.intake ? () => navigation.go({ kind: 'board', intakeId: props.id }) : undefined}
      onClose={props.onClose}
    />
  );
}
