import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';

import { withFreeReport } from '../../../shared/placement/reports';
import { type Facility, FACILITY_EDITABLE_FIELDS } from '../../../shared/schema/facility';
import type { SessionUser } from '../../../shared/sync/protocol';
import { newId } from './intakes';
import type { PendingWrites } from './pending';

export type FacilityInput = Pick<Facility, (typeof FACILITY_EDITABLE_FIELDS)[number]>;

/**
 * The app's writes to `facilities` (coordinators): edits of the facility, and free-places reports, each an
 * immutable report of its own so that two coordinators reporting offline both keep theirs.
 */
export class FacilityRepository {
  constructor(
    private readonly collection: RxCollection<Facility>,
    private readonly pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {}

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
      conflicts: [],
    };
    await this.write(id, () => this.collection.insert(facility));
    return facility;
  }

  async update(id: string, input: FacilityInput): Promise<void> {
    await this.modify(id, (current) => ({ ...current, ...input }));
  }

  /** "Jetzt N frei": a new report, which also resets the count of holds made since the last one. */
  async reportFree(id: string, free: number): Promise<void> {
    const at = this.now();
    await this.modify(id, (current) =>
      withFreeReport(current, { id: newId(), free, reportedAt: at, reportedBy: this.user.id }),
    );
  }

  private async modify(id: string, change: (current: Facility) => Facility): Promise<void> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) throw new Error(`facility ${id} not found`);
    await this.write(id, () =>
      doc.incrementalModify((current) => ({
        ...change(current),
        updatedAt: Math.max(this.now(), current.updatedAt + 1),
        updatedBy: this.user.id,
      })),
    );
  }

  /** Marked pending before and after, like every write of the app (see intakes.ts). */
  private async write(id: string, run: () => Promise<unknown>): Promise<void> {
    await this.pending.mark(id);
    await run();
    await this.pending.mark(id);
  }
}
