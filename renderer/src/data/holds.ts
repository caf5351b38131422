import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';

import { newHold, type NewHoldInput } from '../../../shared/placement/newHold';
import type { Facility } from '../../../shared/schema/facility';
import { type Hold, type HoldRoom, type HoldStatus, isAllowedHoldTransition } from '../../../shared/schema/hold';
import type { Rejection, SessionUser } from '../../../shared/sync/protocol';
import { newId, TransitionError } from './intakes';
import { LocalWrites } from './local-writes';
import type { PendingWrites } from './pending';

export type HoldRequest = {
  facility: Pick<Facility, 'id' | 'holdExpiryHours'>;
  /** The intake's id; nothing else of the intake goes into the hold. */
  intakeRef: string;
  ageGroup: Hold['ageGroup'];
  sex: Hold['sex'];
  /** Held from the board by default; the record's search asks (requested) or notes the answer given at once. */
  status?: NewHoldInput['status'];
  refusalReason?: Hold['refusalReason'];
  /** Required by the board when it shows the place as full. */
  overbookReason?: Hold['overbookReason'];
  /** The mother-and-child room for a mother with her child; an ordinary place when absent. */
  room?: HoldRoom;
};

/**
 * The server refuses a new placement whose record it does not have yet (`unknown_intake`, shared/rules/holds.ts). A
 * record still waiting on this laptop is on its way (the two collections push independently): push again later.
 */
export function waitsForRecord(pending: PendingWrites): (rejection: Rejection, hold: Hold) => boolean {
  return (rejection, hold) => rejection.code === 'unknown_intake' && pending.ids.includes(hold.intakeRef);
}

/** The app's writes to `holds`: holding a place for an intake of the own office, confirming, giving it back. */
export class HoldRepository {
  private readonly writes: LocalWrites<Hold>;

  constructor(
    private readonly collection: RxCollection<Hold>,
    pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new LocalWrites(collection, pending, user, now);
  }

  /** Every hold of the Verbund (they carry no child data). */
  list$(): Observable<Hold[]> {
    return this.collection.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as Hold)));
  }

  async hold(request: HoldRequest): Promise<Hold> {
    const hold = newHold({
      id: newId(),
      facility: request.facility,
      officeId: this.user.officeId as Hold['officeId'],
      intakeRef: request.intakeRef,
      ageGroup: request.ageGroup,
      sex: request.sex,
      userId: this.user.id,
      now: this.now(),
      status: request.status,
      refusalReason: request.refusalReason,
      overbookReason: request.overbookReason,
      room: request.room,
    });
    return this.writes.insert(hold);
  }

  /** The placements of one record (its section 4 and log are views of them). */
  forIntake$(intakeRef: string): Observable<Hold[]> {
    return this.collection
      .find({ selector: { intakeRef } })
      .$.pipe(
        map((docs) =>
          docs.map((d) => d.toJSON() as Hold).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
        ),
      );
  }

  /**
   * The next step of a placement (shared/schema/hold.ts: nextHoldSteps): confirmed, admitted (with the time of
   * admission), refused (with the reason), given back.
   */
  async setStatus(id: string, status: HoldStatus, refusalReason?: Hold['refusalReason']): Promise<void> {
    const doc = await this.writes.find(id, 'hold');
    if (!isAllowedHoldTransition(doc.status, status)) throw new TransitionError(doc.status, status);
    await this.writes.modify(doc, (current, at) => ({
      ...current,
      status,
      ...(status === 'occupied' && current.status !== 'occupied' ? { admittedAt: at } : {}),
      ...(status === 'refused' && refusalReason ? { refusalReason } : {}),
    }));
  }
}
