import type { ObhutClient } from '../../renderer/src/data/client';
import type { ActionResult } from './protocol';

/**
 * The fuzzer's part for `entries`, the append-only log of an intake: a user appends a line to one of the intakes
 * the client holds. A line never changes, so the model's check is exact: each appended line exists once on the
 * server and on every client of the office, with its text.
 */
export type EntryAction = { kind: 'entry.append'; pick: number; token: string };

export const ENTRY_WEIGHTS = { 'entry.append': 8 };

export function chooseEntryAction(pick: number, token: string): EntryAction {
  return { kind: 'entry.append', pick, token };
}

export async function applyEntryAction(client: ObhutClient, action: EntryAction): Promise<ActionResult> {
  const intakes = await client.db.intakes.find({ sort: [{ id: 'asc' }] }).exec();
  if (intakes.length === 0) return { ok: false, note: 'no intake to log on' };
  const intakeId = intakes[Math.floor(action.pick * intakes.length)].id;
  const text = `Fiktiver Vermerk ${action.token}`;
  const entry = await client.entries.append(intakeId, { kind: 'note', text });
  return {
    ok: true,
    writes: [{ collection: 'entries', id: entry.id, field: 'text', value: text }],
    replaced: [],
    created: { collection: 'entries', id: entry.id, officeId: entry.officeId },
    note: `append ${entry.id} to ${intakeId}`,
  };
}
