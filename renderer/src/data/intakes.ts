import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import { distinctUntilChanged, from, map, type Observable, startWith, switchMap } from 'rxjs';

import { type Intake, isAllowedIntakeTransition } from '../../../shared/schema/intake';
import { setAtPath } from '../../../shared/sync/paths';
import type { SessionUser } from '../../../shared/sync/protocol';
import { LocalWrites } from './local-writes';
import { type LostValue, lostValues } from './lost-values';
import { NameIndex } from './name-index';
import type { PendingWrites } from './pending';
import { openRejections, type RejectionDoc } from './rejections';

/** What a user writes; the rest is bookkeeping the repository sets. */
export type IntakeInput = Omit<
  Intake,
  'id' | 'officeId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'conflicts'
>;
const BOOKKEEPING = ['id', 'officeId', 'createdBy', 'createdAt', 'updatedAt', 'updatedBy', 'conflicts'] as const;

/** One field written by path (shared/sync/paths.ts); `undefined` clears it. */
export type FieldEdit = readonly [path: string, value: unknown];

/** What the list narrows to besides a name: the call's status and a range of call times (ms, `to` exclusive). */
export type IntakeFilter = { status?: Intake['status']; from?: number; to?: number };

/** The list's order: newest call first, ties by id. */
const NEWEST_CALL_FIRST: MangoQuerySortPart<Intake>[] = [{ receivedAt: 'desc' }, { id: 'asc' }];

export class TransitionError extends Error {
  readonly code = 'invalid_transition';
  constructor(from: string, to: string) {
    super(`status ${from} -> ${to} is not allowed`);
    this.name = 'TransitionError';
  }
}

/** The app's writes to `intakes`: every one sets the bookkeeping fields and is marked pending (local-writes.ts). */
export class IntakeRepository {
  private readonly writes: LocalWrites<Intake>;
  /** Built on first use (see {@link prepareSearch}), then kept current by the collection's changes. */
  private names: Promise<NameIndex> | null = null;

  constructor(
    private readonly collection: RxCollection<Intake>,
    pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new LocalWrites(collection, pending, user, now);
  }

  /** The office's intakes, newest call first. */
  list$(): Observable<Intake[]> {
    return this.collection
      .find({ sort: NEWEST_CALL_FIRST })
      .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON())));
  }

  /**
   * The newest `limit` intakes that pass `filter`, newest call first: the index on the call time is walked
   * backwards (newest-first.ts), so only these are read and opened, however many the device holds.
   */
  newest$(limit: number, filter: IntakeFilter = {}): Observable<Intake[]> {
    const selector: MangoQuerySelector<Intake> = {};
    if (filter.status) selector.status = filter.status;
    if (filter.from !== undefined || filter.to !== undefined) {
      selector.receivedAt = {
        ...(filter.from !== undefined && { $gte: filter.from }),
        ...(filter.to !== undefined && { $lt: filter.to }),
      };
    }
    return this.collection
      .find({ selector, sort: NEWEST_CALL_FIRST, limit })
      .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON())));
  }

  /** How many intakes this device holds: IndexedDB counts an index, no record is read or opened. */
  count$(): Observable<number> {
    return this.collection.count().$;
  }

  /** The intakes with these ids that this device holds, by id. */
  byIds$(ids: readonly string[]): Observable<ReadonlyMap<string, Intake>> {
    return this.collection
      .findByIds([...ids])
      .$.pipe(map((found) => new Map([...found].map(([id, doc]) => [id, doc.toMutableJSON()]))));
  }

  /**
   * Every intake whose child's name matches `text` (name-index.ts: each word the start of a first or last name,
   * diacritics and case aside), newest call first; only the hits are opened. Follows changes: a record renamed or
   * arriving by sync joins or leaves the hits.
   */
  search$(text: string): Observable<Intake[]> {
    return this.fromIndex$((index) => index.search(text));
  }

  /**
   * Every intake whose child's name has the name key `key` (shared/intakes/repeatIntakes.ts `nameKey`: the same
   * words in any order and spelling), newest call first: the candidates for the child's earlier intakes, found in the
   * name index, so only they are opened. Follows changes like {@link search$}.
   */
  withNameKey$(key: string): Observable<Intake[]> {
    return this.fromIndex$((index) => index.withNameKey(key));
  }

  /**
   * The intakes of the group `groupId` of children taken in together (shared/intakes/childGroups.ts), found in the
   * name index, which keeps each record's group: only they are opened. Follows changes like {@link search$}.
   */
  inGroup$(groupId: string): Observable<Intake[]> {
    return this.fromIndex$((index) => index.inGroup(groupId));
  }

  /** The records whose ids `lookup` finds in the name index, read by id again whenever the collection changes. */
  private fromIndex$(lookup: (index: NameIndex) => string[]): Observable<Intake[]> {
    return from(this.prepareSearch()).pipe(
      // The index subscribed to the changes before this does, so it is current when a change arrives here.
      switchMap((index) =>
        this.collection.$.pipe(
          startWith(null),
          map(() => lookup(index)),
        ),
      ),
      distinctUntilChanged((a, b) => a.length === b.length && a.every((id, i) => id === b[i])),
      switchMap((ids) => this.byIds$(ids)),
      map((found) => [...found.values()].sort(newestCallFirst)),
    );
  }

  /**
   * Builds the name index unless it is built or being built: reads and opens every record once, so the list page
   * asks for it only after its first rows are shown.
   */
  prepareSearch(): Promise<NameIndex> {
    return (this.names ??= NameIndex.open(this.collection));
  }

  /** Stops keeping the name index current (the session closes). */
  close(): void {
    void this.names?.then((index) => index.close());
    this.names = null;
  }

  get$(id: string): Observable<Intake | null> {
    return this.collection.findOne(id).$.pipe(map((doc) => (doc ? doc.toMutableJSON() : null)));
  }

  async get(id: string): Promise<Intake | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? doc.toMutableJSON() : null;
  }

  async create(input: IntakeInput, id: string = newId()): Promise<Intake> {
    const at = this.now();
    const intake: Intake = {
      id,
      officeId: this.user.officeId as Intake['officeId'],
      createdBy: this.user.id,
      createdAt: at,
      updatedAt: at,
      updatedBy: this.user.id,
      ...clean(input),
      conflicts: [],
    };
    return this.writes.insert(intake);
  }

  /** Replaces whole fields (sections) of the record. */
  async update(id: string, patch: Partial<IntakeInput>): Promise<Intake> {
    return this.write(id, (current) => withContent(current, { ...contentOf(current), ...patch }), patch.status);
  }

  /**
   * Writes single fields by path onto the record as it is now, so that a colleague's change to another field that
   * arrived meanwhile stays (the form's autosave writes only what the user touched).
   */
  async setFields(id: string, edits: readonly FieldEdit[]): Promise<Intake> {
    const status = edits.find(([path]) => path === 'status')?.[1] as Intake['status'] | undefined;
    return this.write(
      id,
      (current) => {
        const content = edits.reduce<IntakeInput>(
          (doc, [path, value]) => setAtPath(doc, path, value),
          contentOf(current),
        );
        return withContent(current, content);
      },
      status,
    );
  }

  /**
   * Writes fields computed from the record as it is at the moment of writing: the write names the state it was
   * computed from, and if another write landed first RxDB refuses it (conflict) and `change` runs again on the newest
   * state, so a change that arrived meanwhile is neither reverted nor overlooked. `change` returns null when the
   * record as it now is does not allow the change: then nothing is written (not even the unchanged record), nothing
   * is marked pending, and the result is null. Status changes go through {@link update}.
   */
  async modify(
    id: string,
    change: (current: Intake) => Partial<Omit<IntakeInput, 'status'>> | null,
  ): Promise<Intake | null> {
    for (;;) {
      const doc = await this.writes.find(id, 'intake');
      const patch = change(doc.toMutableJSON());
      if (patch === null) return null;
      const written = await this.writes.attempt(doc, (current) =>
        withContent(current, { ...contentOf(current), ...patch }),
      );
      // null: another write landed first, and nothing was written; compute the change again on the newest state.
      if (written) return written.toMutableJSON();
    }
  }

  private async write(id: string, change: (current: Intake) => Intake, nextStatus?: Intake['status']): Promise<Intake> {
    const doc = await this.writes.find(id, 'intake');
    if (nextStatus && !isAllowedIntakeTransition(doc.status, nextStatus)) {
      throw new TransitionError(doc.status, nextStatus);
    }
    const updated = await this.writes.modify(doc, ({ _deleted, ...current }) => ({ ...change(current), _deleted }));
    return updated.toMutableJSON();
  }

  /** Removes the intake; it replicates as a tombstone. */
  async remove(id: string): Promise<void> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) return;
    // One write that is both the tombstone and the record of who deleted it when.
    await this.writes.modify(doc, (current) => ({ ...current, _deleted: true }));
  }

  /**
   * After the server refused a change to the record (e.g. `intake_locked`: countersigned while this device edited
   * offline): put the record back as the server has it, so that the next push is accepted and later writes from this
   * device are not refused too. Returns the values this device had that the server's state lacks, for the caller to
   * keep (as a log line); nothing when there is no refusal on record.
   */
  async restoreFromServer(id: string): Promise<LostValue[]> {
    const rejections = this.collection.database.collections.rejections as RxCollection<RejectionDoc> | undefined;
    if (!rejections) return [];
    const server = (await openRejections<Intake & { _deleted?: boolean }>(rejections, [id])).get(
      id,
    )?.assumedMasterState;
    const doc = await this.collection.findOne(id).exec();
    if (!server || !doc) return [];
    const lost = lostValues(doc.toMutableJSON(), server);
    const { _deleted: _ignored, ...stored } = server;
    await this.writes.marked(id, () => doc.incrementalModify(() => stored));
    return lost;
  }

  /** Keep the record's value: drop the recorded conflict. */
  async dismissConflict(id: string, conflictId: string): Promise<void> {
    await this.write(id, (current) => withoutConflict(current, conflictId));
  }

  /** Take the value that lost a concurrent edit: put it back at its path and drop the conflict. */
  async takeConflictValue(id: string, conflictId: string): Promise<void> {
    await this.write(id, (current) => {
      const conflict = current.conflicts.find((c) => c.id === conflictId);
      if (!conflict) return current;
      const value = JSON.parse(conflict.value) as unknown;
      const content = setAtPath(contentOf(current), conflict.field, value ?? undefined);
      return withoutConflict(withContent(current, content), conflictId);
    });
  }
}

function newestCallFirst(a: Intake, b: Intake): number {
  return b.receivedAt - a.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const withoutConflict = (intake: Intake, conflictId: string): Intake => ({
  ...intake,
  conflicts: intake.conflicts.filter((c) => c.id !== conflictId),
});

/** The record's bookkeeping with new content. */
function withContent(intake: Intake, content: IntakeInput): Intake {
  const bookkeeping = Object.fromEntries(BOOKKEEPING.map((key) => [key, intake[key]]));
  return { ...bookkeeping, ...clean(content) } as Intake;
}

function contentOf(intake: Intake): IntakeInput {
  const content: Record<string, unknown> = { ...intake };
  for (const key of BOOKKEEPING) delete content[key];
  return content as IntakeInput;
}

/**
 * Optional values left empty are absent, not empty strings (the schema has patterns and enums), and an emptied
 * section is dropped. The texts the schema requires stay, blank or not (a draft may not know the name yet).
 */
export function clean(input: IntakeInput): IntakeInput {
  return prune(input) as IntakeInput;
}

const REQUIRED_TEXTS = new Set(['situation', 'firstName', 'lastName']);

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const pruned = prune(v);
    if (pruned === undefined || pruned === null || (pruned === '' && !REQUIRED_TEXTS.has(key))) continue;
    const emptySection = typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0;
    if (emptySection && key !== 'child') continue;
    out[key] = pruned;
  }
  return out;
}

export function newId(): string {
  return crypto.randomUUID();
}
