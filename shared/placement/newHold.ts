import { ageGroupOf } from '../catalogues/ageGroup';
import { formatDate } from '../format';
import type { Facility } from '../schema/facility';
import type { Hold, HoldAgeGroup } from '../schema/hold';
import { holdExpiresAt } from './expiry';

export type NewHoldInput = {
  /** crypto.randomUUID() of the caller: shared/ has no source of randomness of its own. */
  id: string;
  facility: Pick<Facility, 'id' | 'holdExpiryHours'>;
  officeId: Hold['officeId'];
  /** The intake's id (a UUID); nothing else of the intake goes into the hold. */
  intakeRef: string;
  ageGroup: Hold['ageGroup'];
  sex: Hold['sex'];
  userId: string;
  now: number;
  /** When the place was promised, if earlier than now (agreed by phone, typed in later). */
  from?: number;
  /** The placement's first state: held from the board; requested, confirmed or refused from the record's search. */
  status?: Extract<Hold['status'], 'requested' | 'held' | 'confirmed' | 'refused'>;
  refusalReason?: Hold['refusalReason'];
  /** Asked for when the board showed the place as full. */
  overbookReason?: Hold['overbookReason'];
  /** The mother-and-child room (placement/rooms.ts); an ordinary place when absent, as every older hold. */
  room?: Hold['room'];
};

/**
 * A new placement, as the board's one action creates it (held, expiring per the facility) or the record's
 * placement search (an enquiry, or the facility's answer given at once). Never over-booked by the client: that
 * flag is the server's.
 */
export function newHold(input: NewHoldInput): Hold {
  const from = Math.min(input.from ?? input.now, input.now);
  return {
    id: input.id,
    facilityId: input.facility.id,
    officeId: input.officeId,
    updatedAt: input.now,
    updatedBy: input.userId,
    createdAt: input.now,
    intakeRef: input.intakeRef,
    ageGroup: input.ageGroup,
    sex: input.sex,
    from,
    expiresAt: holdExpiresAt(from, input.facility),
    status: input.status ?? 'held',
    ...(input.refusalReason ? { refusalReason: input.refusalReason } : {}),
    ...(input.overbookReason ? { overbookReason: input.overbookReason } : {}),
    // Only the room is written: an ordinary place stays as every hold before the room existed.
    ...(input.room === 'mother_child' ? { room: input.room } : {}),
    overbooked: false,
    conflicts: [],
  };
}

/**
 * Completed years of a child at `at` from an ISO birth date (counted on the Berlin calendar day) or, failing that,
 * the estimated age. Undefined when neither is known or the birth date lies ahead.
 */
export function ageYearsAt(child: { birthDate?: string; estimatedAge?: number }, at: number): number | undefined {
  if (child.birthDate) {
    const [by, bm, bd] = child.birthDate.split('-').map(Number);
    const [d, m, y] = formatDate(at).split('.').map(Number);
    const years = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    return years >= 0 ? years : undefined;
  }
  return child.estimatedAge;
}

/** The statistics age group of a child at `at` (see ageYearsAt); undefined when unknown or an adult. */
export function ageGroupAt(
  child: { birthDate?: string; estimatedAge?: number },
  at: number,
): Hold['ageGroup'] | undefined {
  const years = ageYearsAt(child, at);
  return years === undefined ? undefined : ageGroupOf(years);
}

/**
 * The age group a placement states (docs/placement.md, "Alter unbekannt"): from the birth date, else the estimated
 * age, else the age the young person states; with none of them `unknown`, never a guess. The place is counted all
 * the same: a record without an age still gets its placement when a Verbund facility is asked.
 */
export function placementAgeGroup(
  child: { birthDate?: string; estimatedAge?: number; claimedAge?: number },
  at: number,
): HoldAgeGroup {
  const years = ageYearsAt(child, at) ?? child.claimedAge;
  return (years === undefined ? undefined : ageGroupOf(years)) ?? 'unknown';
}
