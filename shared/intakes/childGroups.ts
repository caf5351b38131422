import type { ChildGroupKind, ChildGroupRole } from '../catalogues/nightRecord';
import type { PlacementCriteria } from '../placement/match';
import type { HoldRoom } from '../schema/hold';

/**
 * Children taken into care together: siblings, or a mother (herself a minor) with her child. Each child keeps its
 * own record, deadlines and statistics; the records share a group id, and the place is searched once for the group.
 */
export type ChildGroup = { id: string; kind: ChildGroupKind; role?: ChildGroupRole };
export type GroupedRecord = { id: string; officeId: string; receivedAt: number; group?: ChildGroup };

/** The records of the record's group (itself included), in the order they came in; none when it has no group. */
export function groupMembers<R extends GroupedRecord>(record: GroupedRecord, records: Iterable<R>): R[] {
  const groupId = record.group?.id;
  if (!groupId) return [];
  const members: R[] = [];
  for (const r of records) if (r.group?.id === groupId) members.push(r);
  return members.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
}

/**
 * What the group asks of a place: siblings need one place each and a facility taking sibling groups that large;
 * a mother with her child needs the mother-and-child room, searched for by the mother's age.
 */
export function groupCriteria(
  members: readonly { group?: ChildGroup }[],
): Pick<PlacementCriteria, 'siblings' | 'motherAndChild'> {
  const kind = members[0]?.group?.kind;
  if (members.length < 2 || !kind) return {};
  return kind === 'siblings' ? { siblings: members.length - 1 } : { motherAndChild: true };
}

/**
 * The room a record's placement takes (shared/placement/rooms.ts): a record of a mother-and-child group is placed in
 * the mother-and-child room, as the board does for the group; any other record takes an ordinary place.
 */
export function placementRoomOf(record: { group?: ChildGroup }): HoldRoom {
  return record.group?.kind === 'mother_child' ? 'mother_child' : 'ordinary';
}

/**
 * The groups two records get when the worker links them: the group either already has, else a new one. In a
 * mother-and-child group the other record takes the other role.
 */
export function linkedGroups(
  own: { group?: ChildGroup },
  other: { group?: ChildGroup },
  kind: ChildGroupKind,
  ownRole: ChildGroupRole | undefined,
  newGroupId: string,
): { own: ChildGroup; other: ChildGroup } {
  const id = own.group?.id ?? other.group?.id ?? newGroupId;
  if (kind === 'siblings') return { own: { id, kind }, other: { id, kind } };
  const role = ownRole ?? 'child';
  return { own: { id, kind, role }, other: { id, kind, role: role === 'mother' ? 'child' : 'mother' } };
}
