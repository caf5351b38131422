import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';

import type { Entry, EntryPlacement } from '../../../shared/schema/entry';
import type { SessionUser } from '../../../shared/sync/protocol';
import { newId } from './intakes';
import { LocalWrites } from './local-writes';
import type { PendingWrites } from './pending';
import { openRejections, type RejectionDoc } from './rejections';

export type EntryInput = Pick<Entry, 'kind' | 'text'> & {
  at?: number;
  placement?: EntryPlacement;
  correctsId?: string;
};

/**
 * The log of an intake (collection `entries`): lines are appended, never changed (docs/architecture.md). A mistake is
 * corrected by a new line naming the one it corrects; the server refuses any change to a stored line.
 */
export class EntryRepository {
  private readonly writes: LocalWrites<Entry>;

  constructor(
    private readonly collection: RxCollection<Entry>,
    private readonly rejections: RxCollection<RejectionDoc>,
    pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new LocalWrites(collection, pending, user, now);
  }

  /** The log of one intake, in the order things happened. */
  list$(intakeId: string): Observable<Entry[]> {
    return this.collection
      .find({ selector: { intakeId }, sort: [{ at: 'asc' }, { id: 'asc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON())));
  }

  async append(intakeId: string, input: EntryInput, id: string = newId()): Promise<Entry> {
    const created = this.now();
    const entry: Entry = {
      id,
      officeId: this.user.officeId as Entry['officeId'],
      intakeId,
      kind: input.kind,
      at: input.at ?? created,
      createdBy: this.user.id,
      createdAt: created,
      updatedAt: created,
      text: input.text,
      ...(input.placement ? { placement: input.placement } : {}),
      ...(input.correctsId ? { correctsId: input.correctsId } : {}),
    };
    return this.writes.insert(entry);
  }

  /**
   * After the server refused a change to a stored line: put the line back as the server has it. The push that
   * follows equals the stored state, the server accepts it unchanged, and the refusal is cleared.
   */
  async restoreFromServer(id: string): Promise<void> {
    const server = (await openRejections<Entry & { _deleted?: boolean }>(this.rejections, [id])).get(
      id,
    )?.assumedMasterState;
    const doc = await this.collection.findOne(id).exec();
    if (!server || !doc) return;
    const { _deleted: _ignored, ...stored } = server;
    await this.writes.marked(id, () => doc.incrementalModify(() => stored));
  }
}
