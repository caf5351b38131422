import { demoNightRecord } from '../../shared/demo/nightRecord';
import { afterStep } from '../../shared/rules/intake';
import type { IntakeWire } from '../../shared/schema/intake';
import { mergeDocuments } from '../../shared/sync/merge';
import type { SessionUser } from '../../shared/sync/protocol';
import { login, type LoginOptions, push } from '../support/api';

/** The devices of the seeded conflict, as the conflict view names them. */
export const WORKER_LAPTOP = { deviceId: 'e2e-laptop-wache-1', deviceName: 'Laptop Wache 1' };
export const SUPERVISOR_PC = { deviceId: 'e2e-pc-leitung-segeberg', deviceName: 'PC Leitung Segeberg' };

/**
 * Records for the screens that show what the demo data has not: a conflict and a record the supervisor returned.
 * Written through the sync API as the office's users would, so the server's rules apply to them.
 */
async function pushAs(
  serverUrl: string,
  username: string,
  row: { old?: IntakeWire; doc: IntakeWire },
  device?: LoginOptions,
) {
  const { token } = await login(serverUrl, username, device);
  const res = await push(serverUrl, token, 'intakes', [
    { ...(row.old ? { assumedMasterState: row.old } : {}), newDocumentState: row.doc },
  ]);
  if (res.rejected.length > 0 || res.conflicts.length > 0) throw new Error(`not written: ${JSON.stringify(res)}`);
}

function recordOf(user: SessionUser, lastName: string, at: number, status: IntakeWire['status']): IntakeWire {
  return {
    ...demoNightRecord(at, { firstName: 'Demo', lastName, estimatedAge: 8 }),
    id: `intake-seed-${lastName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${at}`,
    officeId: 'segeberg',
    createdBy: user.id,
    createdAt: at,
    updatedAt: at + 60_000,
    updatedBy: user.id,
    status,
    conflicts: [],
    _deleted: false,
  };
}

/**
 * A draft of the Segeberg on-call worker whose situation text lost against the supervisor's, which reached the
 * server first: the worker wrote it on her laptop (at + 75 s), the supervisor on her PC (at + 90 s), and the
 * worker's app merged and pushed it, so the server stamped both devices (shared/rules/conflicts.ts).
 */
export async function seedConflict(serverUrl: string, lastName: string, at: number): Promise<IntakeWire> {
  const { user } = await login(serverUrl, 'bereitschaft.segeberg', WORKER_LAPTOP);
  const { user: boss } = await login(serverUrl, 'leitung.segeberg', SUPERVISOR_PC);
  const night = recordOf(user, lastName, at, 'draft');
  const base = { ...night, situation: 'Anruf der Polizei, Einzelheiten folgen.' };
  await pushAs(serverUrl, 'bereitschaft.segeberg', { doc: base }, WORKER_LAPTOP);
  const theirs = { ...night, updatedBy: boss.id, updatedAt: at + 90_000 };
  await pushAs(serverUrl, 'leitung.segeberg', { old: base, doc: theirs }, SUPERVISOR_PC);
  const lost = `${night.situation} Nachbarin meldet Hilferufe aus der Wohnung seit 22 Uhr.`;
  const merged = mergeDocuments(base, { ...base, situation: lost, updatedAt: at + 75_000 }, theirs);
  await pushAs(serverUrl, 'bereitschaft.segeberg', { old: theirs, doc: merged }, WORKER_LAPTOP);
  return merged;
}

/** A submitted record of the worker that the Segeberg supervisor returned with a comment. */
export async function seedReturned(serverUrl: string, lastName: string, at: number, comment: string) {
  const { user } = await login(serverUrl, 'bereitschaft.segeberg');
  const submitted = recordOf(user, lastName, at, 'submitted');
  await pushAs(serverUrl, 'bereitschaft.segeberg', { doc: submitted });
  const { user: boss } = await login(serverUrl, 'leitung.segeberg');
  const returned = afterStep(submitted, 'return', boss, { at: at + 120_000, comment }) as IntakeWire;
  await pushAs(serverUrl, 'leitung.segeberg', { old: submitted, doc: returned });
  return returned;
}
