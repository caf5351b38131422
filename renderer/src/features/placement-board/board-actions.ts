import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { groupMembers } from '../../../../shared/intakes/childGroups';
import { ageYearsAt, placementAgeGroup } from '../../../../shared/placement/newHold';
import type { Entry } from '../../../../shared/schema/entry';
import type { Facility } from '../../../../shared/schema/facility';
import type { Hold, HoldRoom } from '../../../../shared/schema/hold';
import type { Intake } from '../../../../shared/schema/intake';
import type { ObhutClient } from '../../data/client';
import type { CompleteHold } from './HoldDialog';

const t = de.app.board;

/** What the board can read off an intake for the search and the hold (age, and sex where recorded). */
export function factsOf(intake: Intake, now: number): { ageYears?: number; sex?: Hold['sex'] } {
  const statistics = (intake as { statistics?: { sex?: Hold['sex'] } }).statistics;
  return { ageYears: ageYearsAt(intake.child, now), sex: statistics?.sex };
}

/**
 * The board's one action "Platz halten", outside React so that the sync fuzzer (test/fuzz/holds.ts) takes the
 * same steps as the board. For a group, one action holds what the group needs: a place for every sibling, the one
 * mother-and-child room for a mother with her child (`room`: the room the board's search takes, shared/placement/
 * match.ts roomSearched); every child's record logs it (each keeps its own log). Returns the placements made and the
 * log lines written.
 */
export async function holdFromBoard(
  client: Pick<ObhutClient, 'holds' | 'entries'>,
  facility: Pick<Facility, 'id' | 'name' | 'holdExpiryHours'>,
  request: CompleteHold,
  intakes: readonly Intake[],
  room: HoldRoom = 'ordinary',
): Promise<{ made: Hold[]; lines: Entry[] }> {
  const held = intakes.find((i) => i.id === request.intakeRef);
  const group = held ? groupMembers(held, intakes) : [];
  const at = Date.now();
  const requests =
    group.length > 1 && held?.group?.kind === 'siblings'
      ? group.map((m) =>
          m.id === request.intakeRef
            ? request
            : {
                ...request,
                intakeRef: m.id,
                // Each sibling's own facts, never the held child's: the facility prepares a bed by them.
                ageGroup: placementAgeGroup(m.child, at),
                sex: factsOf(m, at).sex ?? 'unspecified',
              },
        )
      : [request];
  const made: Hold[] = [];
  for (const r of requests) made.push(await client.holds.hold({ facility, ...r, room }));
  const until = formatDateTime(made[made.length - 1].expiresAt);
  // The same action logs the placement on the intake (its log stays in the office). A hold is a place asked
  // for and kept free, never the facility's "zugesagt" (issue 12): that answer comes from the facility.
  const lines: Entry[] = [];
  for (const intakeId of group.length > 1 ? group.map((m) => m.id) : [request.intakeRef]) {
    const line = await client.entries.append(intakeId, {
      kind: 'placement',
      text: request.overbookReason
        ? t.attemptTextOverbooked(facility.name, until, de.placement.overbookReasons[request.overbookReason])
        : t.attemptText(facility.name, until),
      placement: { facilityId: facility.id, facilityName: facility.name, answer: 'requested' },
    });
    lines.push(line);
  }
  return { made, lines };
}
