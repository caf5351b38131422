import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';

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
  useIntake,
  useIntakeCount,
  useIntakeSearch,
  useNewestIntakes,
  usePendingIds,
  useRejectedIds,
  useRejections,
} from '../../data/hooks';
import { newId } from '../../data/intakes';
import { EMPTY_SEARCH, filterOf, type IntakeSearch, matches } from '../../record/search';
import { IntakeList } from './IntakeList';
import { IntakeSearchBar } from './IntakeSearchBar';
import { NightRecordForm } from './NightRecordForm';
import type { PlaceSuggestion } from './PlacementSearch';

const t = de.app.intakes;

type View = { kind: 'list' } | { kind: 'record'; id: string; isNew: boolean };
const NONE: Intake[] = [];
/**
 * Records the list shows at first and adds per "more": a supervisor's laptop holds years of records, and reading
 * (and decrypting) all of them to show a page would make every opening of the list wait for all (issue 14).
 */
export const LIST_PAGE = 100;

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
  const navigation = useNavigation();
  const [view, setView] = useState<View>(() => requestedView(navigation.view) ?? { kind: 'list' });
  // Another area may ask for a record (navigation.go({ kind: 'intakes', intakeId })), also while this page is open.
  const [seen, setSeen] = useState(navigation.view);
  if (seen !== navigation.view) {
    setSeen(navigation.view);
    const requested = requestedView(navigation.view);
    if (requested) setView(requested);
  }
  const [search, setSearch] = useState<IntakeSearch>(EMPTY_SEARCH);
  const [limit, setLimit] = useState(LIST_PAGE);

  if (view.kind === 'record') {
    return (
      <RecordRoute
        key={view.id}
        id={view.id}
        isNew={view.isNew}
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
      <IntakeListView
        search={search}
        onSearch={setSearch}
        limit={limit}
        onMore={() => setLimit((n) => n + LIST_PAGE)}
        onOpen={(id) => setView({ kind: 'record', id, isNew: false })}
      />
      {removed}
    </Stack>
  );
}

/**
 * The list: without a name, the newest `limit` records that pass the other filters (each "more" adds a page);
 * with a name, every record the name index finds, however old, narrowed by the other filters.
 */
function IntakeListView(props: {
  search: IntakeSearch;
  onSearch: (search: IntakeSearch) => void;
  limit: number;
  onMore: () => void;
  onOpen: (id: string) => void;
}) {
  const { search, limit } = props;
  const client = useClient();
  const now = useNow();
  const pendingIds = usePendingIds();
  const rejectedIds = useRejectedIds();
  const total = useIntakeCount();
  const newest = useNewestIntakes(
    limit,
    useMemo(() => filterOf(search), [search]),
  );
  const hits = useIntakeSearch(search.name);
  const byName = search.name.trim() !== '';
  const shown = useMemo(
    () => (byName ? (hits ?? NONE).filter((i) => matches(i, search)) : (newest ?? NONE)),
    [byName, hits, newest, search],
  );
  // The index for the name search is built once the first rows are on screen, not before them.
  const listed = newest !== null;
  useEffect(() => {
    if (listed) void client.intakes.prepareSearch();
  }, [client, listed]);
  // The first search of the session waits for the name index, a changed filter for its query: "nothing found" or
  // "no records yet" would be wrong meanwhile.
  const waiting = byName ? hits === null : newest === null;

  if (total === null) return <Loader size="sm" aria-label={de.app.shell.loading} />;
  const more = !byName && shown.length === limit && shown.length < total;
  if (total === 0) {
    return (
      <Text c="dimmed" data-testid="intake-list-empty">
        {t.empty}
      </Text>
    );
  }
  return (
    <>
      <IntakeSearchBar search={search} onChange={props.onSearch} />
      {waiting ? (
        <Loader size="sm" aria-label={de.app.shell.loading} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="intake-count">
          {t.search.count(shown.length, total)}
        </Text>
      )}
      {waiting ? null : shown.length === 0 ? (
        <Text c="dimmed">{t.noMatch}</Text>
      ) : (
        <IntakeList
          intakes={shown}
          pendingIds={pendingIds}
          rejectedIds={rejectedIds}
          now={now}
          userOfficeId={client.user.officeId}
          onOpen={props.onOpen}
        />
      )}
      {more && (
        <Group justify="center">
          <Button variant="default" onClick={props.onMore}>
            {t.more}
          </Button>
        </Group>
      )}
    </>
  );
}

/** One record by id: read on its own, not out of the list. */
function RecordRoute(props: {
  id: string;
  isNew: boolean;
  papers?: (intakeId: string) => ReactNode;
  onClose: () => void;
}) {
  const intake = useIntake(props.id);
  if (intake === undefined) return <Loader aria-label={de.app.shell.loading} />;
  if (intake === null && !props.isNew) {
    return (
      <Stack>
        <Text>{t.notFound}</Text>
        <Button variant="default" onClick={props.onClose}>
          {t.back}
        </Button>
      </Stack>
    );
  }
  return <RecordView id={props.id} intake={intake} papers={props.papers} onClose={props.onClose} />;
}

function RecordView(props: {
  id: string;
  intake: Intake | null;
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
      relatedPanels
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
