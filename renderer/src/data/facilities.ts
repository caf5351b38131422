import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';

import { withRoomFreeReport } from '../../../shared/placement/reports';
import { type Facility, FACILITY_EDITABLE_FIELDS } from '../../../shared/schema/facility';
import type { HoldRoom } from '../../../shared/schema/hold';
import type { SessionUser } from '../../../shared/sync/protocol';
import { newId } from './intakes';
import { LocalWrites } from './local-writes';
import type { PendingWrites } from './pending';

export type FacilityInput = Pick<Facility, (typeof FACILITY_EDITABLE_FIELDS)[number]>;

/**
 * The app's writes to `facilities` (coordinators): edits of the facility, and free-places reports, each an
 * immutable report of its own so that two coordinators reporting offline both keep theirs.
 */
export class FacilityRepository {
  private readonly writes: LocalWrites<Facility>;

  constructor(
    private readonly collection: RxCollection<Facility>,
    pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new LocalWrites(collection, pending, user, now);
  }

  list$(): Observable<Facility[]> {
    return this.collection
      .find({ sort: [{ id: 'asc' }] })
      .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Facility)));
  }

  async create(input: FacilityInput, free: number, id: string = newId()): Promise<Facility> {
    const at = this.now();
    const facility: Facility = {
      id,
      ...input,
      updatedAt: at,
      updatedBy: this.user.id,
      freeReports: [{ id: newId(), free, reportedAt: at, reportedBy: this.user.id }],
      motherChildFreeReports: [],
      conflicts: [],
    };
    return this.writes.insert(facility);
  }

  async update(id: string, input: FacilityInput): Promise<void> {
    await this.writes.modify(await this.writes.find(id, 'facility'), (current) => ({ ...current, ...input }));
  }

  /**
   * "Jetzt N frei": a new report on the ordinary places or the mother-and-child room, which also resets the count
   * of that room's holds made since its last one.
   */
  async reportFree(id: string, free: number, room: HoldRoom = 'ordinary'): Promise<void> {
    const at = this.now();
    await this.writes.modify(await this.writes.find(id, 'facility'), (current) => ({
      ...current,
      ...withRoomFreeReport(current, room, { id: newId(), free, reportedAt: at, reportedBy: this.user.id }),
    }));
  }
}
