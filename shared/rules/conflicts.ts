import { jsonEqual } from '../equal';
import type { ConflictRecord, ConflictWinner } from '../sync/merge';

/**
 * Who wrote the values of a conflict is the server's to say, not the pushing app's: otherwise a push could name
 * a colleague as the author of a "lost" value, or hide who wrote the value that stayed. The server knows the
 * writer (the session's user, or the author of an outbox delivery: docs/outbox.md), the device the write came from
 * (the token is bound to it), and the state it stored before. So it stamps instead of refusing: a legitimate app
 * never writes anything else, and refusing would strand real work of a shared laptop.
 */

/** A write as the server received it: the user and the device (null: the server itself, or a device unknown). */
export type WriteOrigin = { by: string; deviceId: string | null; deviceName: string | null };

/** The stored state a write replaces: its last writer as the document says, and the device the server got it from. */
export type StoredOrigin = WriteOrigin & { at: number };

type WithConflicts = { conflicts: ConflictRecord[] };

/**
 * `next` with every conflict entry as the server vouches for it:
 * - an entry the stored state already holds (same id) stays exactly as stored: nobody rewrites who lost a value;
 * - a new entry was added by the writer's merge (the server accepts a push only over the state it assumed, so only
 *   the writer's own merges add entries): its author and device are the writer's, and the value that stayed is
 *   the stored state's (`winner`), or unknown when nothing was stored.
 * The lost value and its time stay as sent: the time is the writer's clock, like every `updatedAt`.
 * Documents without conflicts (log lines) pass unchanged.
 */
export function stampConflicts<D extends object>(
  next: D,
  stored: D | undefined,
  writer: WriteOrigin,
  storedOrigin: StoredOrigin | null,
): D {
  const entries = (next as Partial<WithConflicts>).conflicts;
  if (!Array.isArray(entries) || entries.length === 0) return next;
  const known = new Map(((stored as Partial<WithConflicts> | undefined)?.conflicts ?? []).map((c) => [c.id, c]));
  const winner = storedOrigin && withDevice({ by: storedOrigin.by, at: storedOrigin.at }, storedOrigin);
  const conflicts = entries.map((entry): ConflictRecord => {
    const kept = known.get(entry.id);
    if (kept) return kept;
    const { id, field, value, at } = entry;
    const stamped = withDevice({ id, field, value, by: writer.by, at }, writer);
    return winner ? { ...stamped, winner } : stamped;
  });
  return { ...next, conflicts };
}

/**
 * Whether a push of `pushed` over `assumed` adds conflict entries, which the server then stamps (stampConflicts):
 * the document it stores is not the one sent.
 */
export function addsConflictEntries<D extends object>(pushed: D, assumed: D | undefined): boolean {
  const sent = (pushed as Partial<WithConflicts>).conflicts ?? [];
  const known = new Set(((assumed as Partial<WithConflicts> | undefined)?.conflicts ?? []).map((c) => c.id));
  return sent.some((c) => !known.has(c.id));
}

/** Whether `stored` is `pushed` as the server stamped it: the same but for who wrote the values of its conflicts. */
export function isStampedForm<D extends object>(pushed: D, stored: D): boolean {
  const sent = (pushed as Partial<WithConflicts>).conflicts;
  const kept = (stored as Partial<WithConflicts>).conflicts;
  if (!Array.isArray(sent) || !Array.isArray(kept) || jsonEqual(sent, kept)) return false;
  return (
    sent.length === kept.length &&
    sent.every((c, i) => c.id === kept[i].id && c.field === kept[i].field && c.value === kept[i].value) &&
    jsonEqual({ ...stored, conflicts: sent }, pushed)
  );
}

function withDevice<T extends object>(
  base: T,
  origin: WriteOrigin,
): T & Pick<ConflictWinner, 'deviceId' | 'deviceName'> {
  return {
    ...base,
    ...(origin.deviceId !== null && { deviceId: origin.deviceId }),
    ...(origin.deviceId !== null && origin.deviceName !== null && { deviceName: origin.deviceName }),
  };
}
