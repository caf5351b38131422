import { filter, type Subscription } from 'rxjs';

import type { ObhutClient } from '../../renderer/src/data/client';
import { holdFromBoard } from '../../renderer/src/features/placement-board/board-actions';
import { AGE_GROUPS } from '../../shared/catalogues/ageGroup';
import { SEXES } from '../../shared/catalogues/nightRecord';
import { effectiveHoldStatus } from '../../shared/placement/expiry';
import { freePlaces } from '../../shared/placement/freePlaces';
import type { Entry } from '../../shared/schema/entry';
import type { Hold, HoldStatus } from '../../shared/schema/hold';
import type { ActionResult, Written } from './protocol';
import type { Rng } from './rng';

/**
 * The fuzzer's part for `holds`, through the app's own HoldRepository (what the placement board does):
 * - hold.create: hold a place at one of the Verbund's facilities for one of the client's intakes (HoldDialog:
 *   intake, age group, sex). The server flags over-booking (placement/overbooking.ts); it does not refuse it.
 * - hold.status: confirm (occupied) or give back (released) one of the office's three newest own holds, as the
 *   board's buttons on an own hold do: only for a hold whose status at this moment allows it (a lapsed hold offers
 *   nothing).
 * - hold.foreign: give back a hold of ANOTHER office through the repository. The board never offers it (it shows
 *   only the office's own holds with buttons), but every hold is on every device; the server must refuse it
 *   (`other_office`), the hold must stay as it was on the server, and the writing client must show the refusal.
 * Holds have no free text, so the written values are codes that repeat; the model tracks the fixed fields (exact)
 * and the status (current, kept as a conflict, or knowingly replaced).
 */
export const HOLD_TRACKED = ['status', 'facilityId', 'intakeRef', 'ageGroup', 'sex'] as const;

export type HoldAction =
  | { kind: 'hold.create'; pickIntake: number; pickFacility: number; ageGroup: Hold['ageGroup']; sex: Hold['sex'] }
  | { kind: 'hold.status'; pick: number; release: boolean }
  | { kind: 'hold.foreign'; pick: number };

export const HOLD_WEIGHTS = { 'hold.create': 4, 'hold.status': 2, 'hold.foreign': 1 };

/** What the server answers to a write of a hold of another office (server/sync/holds.ts checkWrite). */
export const FOREIGN_HOLD_CODE = 'other_office';

export function chooseHoldAction(kind: HoldAction['kind'], rng: Rng): HoldAction {
  switch (kind) {
    case 'hold.create':
      return {
        kind,
        pickIntake: rng.float(),
        pickFacility: rng.float(),
        ageGroup: rng.pick(AGE_GROUPS),
        sex: rng.pick(SEXES),
      };
    case 'hold.status':
      return { kind, pick: rng.float(), release: rng.chance(0.5) };
    case 'hold.foreign':
      return { kind, pick: rng.float() };
  }
}

export function holdField(doc: Hold, field: string): unknown {
  if (!(HOLD_TRACKED as readonly string[]).includes(field)) throw new Error(`untracked field ${field} of a hold`);
  return doc[field as keyof Hold];
}

export const pickOf = <T>(list: T[], pick: number): T | undefined =>
  list.length ? list[Math.floor(pick * list.length)] : undefined;

/** Holds whose board card offers confirm/release right now: held (not lapsed) or occupied. */
async function changeableHolds(client: ObhutClient, own: boolean): Promise<Hold[]> {
  const now = Date.now();
  const docs = await client.db.holds.find({ sort: [{ id: 'asc' }] }).exec();
  return docs
    .map((d) => d.toMutableJSON())
    .filter((h) => (h.officeId === client.user.officeId) === own)
    .filter((h) => ['held', 'occupied'].includes(effectiveHoldStatus(h, now)));
}

/**
 * Runs the status change and returns the status it replaced, from the database's own change event of that write
 * (a pulled change may land between reading the hold and writing it).
 */
export async function replacedStatus(
  client: ObhutClient,
  hold: Hold,
  status: HoldStatus,
  refusalReason?: Hold['refusalReason'],
): Promise<HoldStatus> {
  const events: { before?: Hold; after: Hold }[] = [];
  const sub: Subscription = client.db.holds.$.pipe(filter((e) => e.documentId === hold.id)).subscribe((e) => {
    events.push({ before: e.previousDocumentData, after: e.documentData });
  });
  try {
    await client.holds.setStatus(hold.id, status, refusalReason);
    for (let i = 0; i < 50; i++) {
      const own = events.find((e) => e.after.updatedBy === client.user.id && e.after.status === status && e.before);
      if (own?.before) return own.before.status;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no change event for the status write to ${hold.id}`);
  } finally {
    sub.unsubscribe();
  }
}

export async function applyHoldAction(client: ObhutClient, action: HoldAction): Promise<ActionResult> {
  if (action.kind === 'hold.create') {
    const intakes = (await client.db.intakes.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
    const intake = pickOf(intakes, action.pickIntake);
    if (!intake) return { ok: false, note: 'no intake to hold a place for' };
    const facilities = (await client.db.facilities.find({ sort: [{ id: 'asc' }] }).exec()).map((d) =>
      d.toMutableJSON(),
    );
    const facility = pickOf(facilities, action.pickFacility);
    if (!facility) return { ok: false, note: 'no facility known yet' };
    // A place the board shows as full is held only with a reason (HoldDialog), and is over-booked at once.
    const holds = (await client.db.holds.find().exec()).map((d) => d.toMutableJSON());
    const full = freePlaces(facility, holds, Date.now()).free <= 0;
    const { made, lines } = await holdFromBoard(
      client,
      facility,
      {
        intakeRef: intake.id,
        ageGroup: action.ageGroup,
        sex: action.sex,
        ...(full ? { overbookReason: 'emergency_no_alternative' as const } : {}),
      },
      intakes,
    );
    return placementsMade(made, `board: ${full ? 'over-booked ' : ''}hold at ${facility.id} for ${intake.id}`, lines);
  }

  const own = action.kind === 'hold.status';
  const candidates = await changeableHolds(client, own);
  // Tonight's holds are the ones confirmed or given back: the office's three newest, so that colleagues meet on them.
  if (own) candidates.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id)).splice(3);
  const target = pickOf(candidates, action.pick);
  if (!target) return { ok: false, note: own ? 'no own hold to confirm or release' : 'no hold of another office' };
  const status: HoldStatus = !own || action.release || target.status === 'occupied' ? 'released' : 'occupied';
  try {
    const was = await replacedStatus(client, target, status);
    if (!own) {
      return {
        ok: true,
        writes: [],
        replaced: [],
        refused: { collection: 'holds', id: target.id, code: FOREIGN_HOLD_CODE },
        note: `release ${target.id} of ${target.officeId} (another office: must be refused)`,
      };
    }
    const write: Written = { collection: 'holds', id: target.id, field: 'status', value: status };
    return {
      ok: true,
      writes: [write],
      replaced: was === status ? [] : [{ ...write, value: was }],
      note: `${status} ${target.id} (was ${was})`,
    };
  } catch (err) {
    // Changed under the user's hands (a pulled release): the app refused, nothing was written.
    return { ok: false, note: `${action.kind} ${target.id}: ${(err as Error).message}` };
  }
}

/**
 * What the board's or the record's action created: its placements (one per sibling for a group) and the log lines
 * it wrote on the records. The lines are found by the placements' records: the action wrote them just now.
 */
export function placementsMade(made: Hold[], note: string, lines: Entry[] = []): Extract<ActionResult, { ok: true }> {
  const created = [
    ...made.map((h) => ({ collection: 'holds', id: h.id, officeId: h.officeId })),
    ...lines.map((e) => ({ collection: 'entries', id: e.id, officeId: e.officeId })),
  ];
  return {
    ok: true,
    writes: made.flatMap((h) =>
      HOLD_TRACKED.map((field) => ({ collection: 'holds', id: h.id, field, value: holdField(h, field) })),
    ),
    replaced: [],
    created,
    note: `${note}: ${made.map((h) => h.id).join(', ')}`,
  };
}
