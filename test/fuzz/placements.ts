import type { ObhutClient } from '../../renderer/src/data/client';
import { REFUSAL_REASONS, type RefusalReason } from '../../shared/catalogues/entry';
import { effectiveHoldStatus } from '../../shared/placement/expiry';
import { placementAgeGroup } from '../../shared/placement/newHold';
import { intakeWriteDenial } from '../../shared/rules/intake';
import type { Entry } from '../../shared/schema/entry';
import type { Hold } from '../../shared/schema/hold';
import { nextHoldSteps } from '../../shared/schema/hold';
import { pickOf, placementsMade, replacedStatus } from './holds';
import type { ActionResult, Written } from './protocol';
import type { Rng } from './rng';

/**
 * The fuzzer's placement steps from the record (the placement search of section 4, PlacementSearch.tsx and
 * NightRecordForm's answerPlace), beside the board's (holds.ts): the same documents, so the record and the board
 * can never disagree - the run checks that at the end (fuzzer.ts, placement views).
 * - placement.record: on one of the office's records the user may still write (a locked or received record is
 *   read-only and offers nothing), either asks a Verbund facility the record has not asked yet (a placement
 *   "angefragt" and the log line), or takes one of the steps the record offers for one of its placements
 *   (nextHoldSteps of its state at this moment): the facility's "zugesagt" also names the place in the record's
 *   section 4, "abgelehnt" carries a reason; both are logged.
 */
export type PlacementAction = {
  kind: 'placement.record';
  pickIntake: number;
  ask: boolean;
  pickFacility: number;
  pickStep: number;
  reason: RefusalReason;
};

export const PLACEMENT_WEIGHTS = { 'placement.record': 4 };

export function choosePlacementAction(rng: Rng): PlacementAction {
  return {
    kind: 'placement.record',
    pickIntake: rng.float(),
    ask: rng.chance(0.4),
    pickFacility: rng.float(),
    pickStep: rng.float(),
    reason: rng.pick(REFUSAL_REASONS),
  };
}

export async function applyPlacementAction(client: ObhutClient, action: PlacementAction): Promise<ActionResult> {
  const actor = client.user;
  const records = (await client.db.intakes.find({ sort: [{ id: 'asc' }] }).exec())
    .map((d) => d.toMutableJSON())
    .filter((r) => !intakeWriteDenial(actor, r, { ...r, updatedBy: actor.id, updatedAt: r.updatedAt + 1 }));
  const record = pickOf(records, action.pickIntake);
  if (!record) return { ok: false, note: 'no record open for placement steps' };
  const placements = (await client.db.holds.find({ selector: { intakeRef: record.id } }).exec()).map((d) =>
    d.toMutableJSON(),
  );
  const now = Date.now();

  if (action.ask || placements.length === 0) {
    const asked = new Set(placements.map((p) => p.facilityId));
    const facilities = (await client.db.facilities.find({ sort: [{ id: 'asc' }] }).exec())
      .map((d) => d.toMutableJSON())
      .filter((f) => !asked.has(f.id));
    const facility = pickOf(facilities, action.pickFacility);
    const ageGroup = placementAgeGroup(record.child, now);
    if (!facility) return { ok: false, note: `record ${record.id}: no facility left to ask` };
    const made = await client.holds.hold({
      facility,
      intakeRef: record.id,
      ageGroup,
      sex: record.statistics?.sex ?? 'unspecified',
      status: 'requested',
    });
    const line = await logAnswer(client, record.id, made, facility.name, 'requested');
    return placementsMade([made], `record ${record.id}: asked ${facility.id}`, [line]);
  }

  placements.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const placement = pickOf(placements, action.pickStep)!;
  // The lapse of a hold is the clock's, not a step anyone takes.
  const steps = nextHoldSteps(effectiveHoldStatus(placement, now)).filter((s) => s !== 'expired');
  if (steps.length === 0) return { ok: false, note: `placement ${placement.id} is settled` };
  const to = steps[Math.floor(action.pickStep * 7919) % steps.length];
  try {
    const was = await replacedStatus(client, placement, to, to === 'refused' ? action.reason : undefined);
    const write: Written = { collection: 'holds', id: placement.id, field: 'status', value: to };
    const facility = await client.db.facilities.findOne(placement.facilityId).exec();
    const name = facility?.name ?? placement.facilityId;
    const lines: Entry[] = [];
    if (to === 'confirmed' || to === 'refused') {
      lines.push(await logAnswer(client, record.id, placement, name, to === 'confirmed' ? 'accepted' : 'refused'));
      if (to === 'confirmed' && !record.placement?.facilityName)
        await client.intakes.setFields(record.id, [
          ['placement.facilityName', name],
          ['placement.facilityId', placement.facilityId],
        ]);
    }
    return {
      ok: true,
      writes: [write],
      replaced: was === to ? [] : [{ ...write, value: was }],
      created: lines.map((e) => ({ collection: 'entries', id: e.id, officeId: e.officeId })),
      note: `record ${record.id}: ${to} ${placement.id} (was ${was})`,
    };
  } catch (err) {
    // Changed under the user's hands (a colleague's step pulled meanwhile): the app refused, nothing was written.
    return { ok: false, note: `record ${record.id}: ${to} ${placement.id}: ${(err as Error).message}` };
  }

  function logAnswer(
    c: ObhutClient,
    intakeId: string,
    p: Pick<Hold, 'facilityId'>,
    facilityName: string,
    answer: 'requested' | 'accepted' | 'refused',
  ): Promise<Entry> {
    return c.entries.append(intakeId, {
      kind: 'placement',
      text: '',
      placement: {
        facilityId: p.facilityId,
        facilityName,
        answer,
        ...(answer === 'refused' ? { reason: action.reason } : {}),
      },
    });
  }
}
