import { demoNightRecord } from '../../shared/demo/nightRecord';
import { afterStep } from '../../shared/rules/intake';
import type { IntakeWire } from '../../shared/schema/intake';
import type { SessionUser } from '../../shared/sync/protocol';
import { login, push } from '../support/api';

/**
 * Records for the screens that show what the demo data has not: a conflict and a record the supervisor returned.
 * Written through the sync API as the office's users would, so the server's rules apply to them.
 */
async function pushAs(serverUrl: string, username: string, row: { old?: IntakeWire; doc: IntakeWire }) {
  const { token } = await login(serverUrl, username);
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

/** A draft of the Segeberg on-call worker whose situation text lost against an earlier one: kept as a conflict. */
export async function seedConflict(serverUrl: string, lastName: string, at: number): Promise<IntakeWire> {
  const { user } = await login(serverUrl, 'bereitschaft.segeberg');
  const record = recordOf(user, lastName, at, 'draft');
  const lost = `${record.situation} Nachbarin meldet Hilferufe aus der Wohnung seit 22 Uhr.`;
  record.conflicts = [
    {
      id: `c-${lastName.toLowerCase()}`,
      field: 'situation',
      value: JSON.stringify(lost),
      by: user.id,
      at: at + 30_000,
    },
  ];
  await pushAs(serverUrl, 'bereitschaft.segeberg', { doc: record });
  return record;
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
