import { useContext, useEffect, useMemo, useState } from 'react';
import { combineLatest, map, type Observable, of } from 'rxjs';

import { nameKey } from '../../../shared/intakes/repeatIntakes';
import type { RemovedCopy } from '../../../shared/privacy/laptop-purge';
import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Facility } from '../../../shared/schema/facility';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import { ClientContext, useClient } from '../app/client-context';
import { type DirectoryNames, namesOf } from './directory';
import type { IntakeFilter } from './intakes';
import type { DeviceOutbox, OutboxEntry } from './outbox';
import { type Refused, refusedDocuments$, type RejectionView } from './rejections';
import type { SyncLogEntry } from './sync-log';
import type { SyncStatus } from './sync-status';

/**
 * The renderer's reads of the session's data, one hook per query: pages take what they show from here (and the
 * client from the session's context), never as props handed down. Lists start empty (or null where a page tells
 * "still loading" from "none") until the local database has answered.
 */

const NO_IDS: ReadonlySet<string> = new Set();
const NO_REJECTIONS: readonly RejectionView[] = [];
const NO_ENTRIES: Entry[] = [];
const NO_FACILITIES: Facility[] = [];
const NO_HOLDS: Hold[] = [];
const NO_REFUSED: ReadonlyMap<string, Refused<Hold>> = new Map();
const NO_CONTACTS: Contact[] = [];
const NO_OUTBOX: OutboxEntry[] = [];
const NO_INTAKES_BY_ID: ReadonlyMap<string, Intake> = new Map();
const NO_INTAKES: readonly Intake[] = [];

/** The latest value of an observable, re-subscribing when the observable changes. */
function useObservable<T>(source: Observable<T> | null | undefined, initial: T | (() => T)): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!source) return;
    const sub = source.subscribe(setValue);
    return () => sub.unsubscribe();
  }, [source]);
  return value;
}

/**
 * What a source that holds a current value (a BehaviorSubject behind it) holds now: a page opened later renders
 * with it at once instead of first rendering without it (a page that thinks it is online asks the server).
 */
function heldValue<T>(source: Observable<T> | null | undefined, fallback: T): () => T {
  return () => {
    let value = fallback;
    source
      ?.subscribe((v) => {
        value = v;
      })
      .unsubscribe();
    return value;
  };
}

/** The session's sync status; null until it is first known. */
export function useSyncStatus(): SyncStatus | null {
  const client = useClient();
  return useObservable<SyncStatus | null>(client.status$, heldValue<SyncStatus | null>(client.status$, null));
}

/** Ids of the local writes the server has not confirmed yet. */
export function usePendingIds(): ReadonlySet<string> {
  const pendingIds = useSyncStatus()?.pendingIds;
  return useMemo(() => (pendingIds ? new Set(pendingIds) : NO_IDS), [pendingIds]);
}

/** The server's refusals of local writes, not yet acknowledged. */
export function useRejections(): readonly RejectionView[] {
  return useSyncStatus()?.rejections ?? NO_REJECTIONS;
}

/** Ids of the records whose last write the server refused. */
export function useRejectedIds(): ReadonlySet<string> {
  const rejections = useSyncStatus()?.rejections;
  return useMemo(() => (rejections ? new Set(rejections.map((r) => r.id)) : NO_IDS), [rejections]);
}

/** Every intake on this device; null while the first read is under way. */
export function useIntakes(): Intake[] | null {
  const client = useClient();
  return useObservable<Intake[] | null>(
    useMemo(() => client.intakes.list$(), [client]),
    null,
  );
}

/**
 * The newest `limit` intakes passing `filter`, newest call first, without reading the others (the list page);
 * null while the first read is under way.
 */
export function useNewestIntakes(limit: number, filter: IntakeFilter): Intake[] | null {
  const client = useClient();
  const { status, from, to } = filter;
  return useObservable<Intake[] | null>(
    useMemo(() => client.intakes.newest$(limit, { status, from, to }), [client, limit, status, from, to]),
    null,
  );
}

/** How many intakes this device holds (an index count, no record opened); null until counted. */
export function useIntakeCount(): number | null {
  const client = useClient();
  return useObservable<number | null>(
    useMemo(() => client.intakes.count$(), [client]),
    null,
  );
}

/**
 * Every intake whose child's name matches `text` (the name index), newest call first. While the hits of a new text
 * are read, those of the text before stay (no empty list between two keystrokes); null before the first hits, while
 * the index is built, and for a blank text.
 */
export function useIntakeSearch(text: string): Intake[] | null {
  const client = useClient();
  const blank = text.trim() === '';
  const hits = useObservable<Intake[] | null>(
    useMemo(() => (blank ? null : client.intakes.search$(text)), [client, text, blank]),
    null,
  );
  return blank ? null : hits;
}

/**
 * The intakes of the group `groupId` of children taken in together, from the name index (which keeps each record's
 * group), without opening the other records; none without a group, null while the members of this group are read.
 */
export function useIntakeGroup(groupId: string | undefined): readonly Intake[] | null {
  const client = useClient();
  const members = useObservable<{ groupId: string; intakes: readonly Intake[] } | null>(
    useMemo(
      () =>
        groupId === undefined ? null : client.intakes.inGroup$(groupId).pipe(map((intakes) => ({ groupId, intakes }))),
      [client, groupId],
    ),
    null,
  );
  if (groupId === undefined) return NO_INTAKES;
  return members?.groupId === groupId ? members.intakes : null;
}

/**
 * The intakes whose child has the same name as `child` by the repeat-intake matcher's key (nameKey: any order and
 * spelling), from the name index: the candidates for the child's earlier intakes, without opening the other records.
 * null while the hits for this name are read (the hits of a name before are not passed on as this name's); none
 * for a name without first or last name, which the matcher matches to nothing.
 */
export function useIntakesNamedAlike(child: Pick<Intake['child'], 'firstName' | 'lastName'>): readonly Intake[] | null {
  const client = useClient();
  const key = nameKey(child);
  const hits = useObservable<{ key: string; intakes: readonly Intake[] } | null>(
    useMemo(
      () => (key === null ? null : client.intakes.withNameKey$(key).pipe(map((intakes) => ({ key, intakes })))),
      [client, key],
    ),
    null,
  );
  if (key === null) return NO_INTAKES;
  return hits?.key === key ? hits.intakes : null;
}

/** The intakes with these ids that this device holds, by id (e.g. to name the records a message is about). */
export function useIntakesById(ids: readonly string[]): ReadonlyMap<string, Intake> {
  const client = useClient();
  // The ids by value: a new array of the same ids is no new query.
  const key = ids.join('\n');
  return useObservable<ReadonlyMap<string, Intake>>(
    useMemo(() => (key ? client.intakes.byIds$(key.split('\n')) : of(NO_INTAKES_BY_ID)), [client, key]),
    NO_INTAKES_BY_ID,
  );
}

/** One intake: undefined while it is read, null when this device has none under the id. */
export function useIntake(id: string): Intake | null | undefined {
  const client = useClient();
  return useObservable<Intake | null | undefined>(
    useMemo(() => client.intakes.get$(id), [client, id]),
    undefined,
  );
}

/** The log of one intake. */
export function useEntries(intakeId: string): Entry[] {
  const client = useClient();
  return useObservable(
    useMemo(() => client.entries.list$(intakeId), [client, intakeId]),
    NO_ENTRIES,
  );
}

/** The Verbund's facilities. */
export function useFacilities(): Facility[] {
  const client = useClient();
  return useObservable(
    useMemo(() => client.facilities.list$(), [client]),
    NO_FACILITIES,
  );
}

/** Every placement (hold) of the Verbund. */
export function useHolds(): Hold[] {
  const client = useClient();
  return useObservable(
    useMemo(() => client.holds.list$(), [client]),
    NO_HOLDS,
  );
}

/** The refused writes to placements, with what the server holds of each (what the board counts). */
export function useRefusedHolds(): ReadonlyMap<string, Refused<Hold>> {
  const client = useClient();
  return useObservable(
    useMemo(() => refusedDocuments$(client.db.rejections, 'holds', client.db.holds), [client]),
    NO_REFUSED,
  );
}

/** The night directory's entries. */
export function useContacts(): Contact[] {
  const client = useClient();
  return useObservable(
    useMemo(() => client.contacts.list$(), [client]),
    NO_CONTACTS,
  );
}

/** The entries waiting in a laptop's outbox (docs/outbox.md); none while there is no outbox. */
export function useOutboxEntries(outbox: DeviceOutbox | null): OutboxEntry[] {
  return useObservable(outbox?.entries$, heldValue(outbox?.entries$, NO_OUTBOX));
}

type RecordPlacements = { placements: Hold[]; facilities: ReadonlyMap<string, Facility>; intake: Intake | null };
const NO_PLACEMENTS: RecordPlacements = { placements: [], facilities: new Map(), intake: null };

/**
 * A record's placements, the Verbund's facilities by id, and the record (for the child's age and sex). Nothing
 * where there is no session (a form shown on its own) or no record yet.
 */
export function useRecordPlacements(intakeId: string | undefined): RecordPlacements {
  const client = useContext(ClientContext);
  const source = useMemo(
    () =>
      client && intakeId
        ? combineLatest([
            client.holds.forIntake$(intakeId),
            client.facilities.list$(),
            client.intakes.get$(intakeId),
          ]).pipe(
            map(([placements, facilities, intake]) => ({
              placements,
              facilities: new Map(facilities.map((f) => [f.id, f])),
              intake,
            })),
          )
        : of(NO_PLACEMENTS),
    [client, intakeId],
  );
  return useObservable(source, NO_PLACEMENTS);
}

/**
 * Display names of the own office's staff by user id (the session's OfficeDirectory, directory.ts), re-rendering
 * when a new list arrives. Always holds the logged-in user; offline before the first list it holds only that user,
 * and callers show the id of anyone else (`names.get(id) ?? id`).
 */
export function useDirectory(): DirectoryNames {
  const client = useClient();
  // A session without a directory (a test's hand-made client) still knows its own user.
  const directory = client.directory as typeof client.directory | undefined;
  const ownOnly = useMemo(() => namesOf(client.user, []), [client.user]);
  const names$ = useMemo(() => directory?.names$, [directory]);
  return useObservable(names$, directory?.names ?? ownOnly);
}

/** What this laptop sent, received and had refused in the last days (sync-log.ts). */
export function useSyncLog(): SyncLogEntry[] {
  const entries$ = useClient().syncLog.entries$;
  return useObservable(entries$, () => entries$.value);
}

/** The records whose copy was removed from this laptop (the laptop purge). */
export function useRemovedCopies(): RemovedCopy[] {
  const removed$ = useClient().laptopCopies.removed$;
  return useObservable(removed$, () => removed$.value);
}
