import { firstValueFrom } from 'rxjs';

import { newHold } from '../../../shared/placement/newHold';
import type { Hold } from '../../../shared/schema/hold';
import { openTestDatabase } from '../test-fixtures/database';
import type { ObhutDatabase } from './database';
import { recordRejections, refusedDocuments$ } from './rejections';

const T = Date.UTC(2025, 10, 24, 1, 0);

let db: ObhutDatabase;
beforeEach(async () => {
  db = await openTestDatabase('rejections');
});
afterEach(async () => {
  await db.close();
});

function pinnebergHold(): Hold {
  return newHold({
    id: '00000000-0000-4000-8000-000000000001',
    facility: { id: 'jugendschutzhaus-norderstedt', holdExpiryHours: 4 },
    officeId: 'pinneberg',
    intakeRef: '11111111-1111-4111-8111-111111111111',
    ageGroup: '14_to_16',
    sex: 'female',
    userId: 'bereitschaft.pinneberg',
    now: T,
  });
}

const refusedHolds = () => firstValueFrom(refusedDocuments$(db.rejections, 'holds', db.holds));

describe('what the server holds of a refused placement, as the board counts it', () => {
  it('is the state the refused write was based on while the laptop keeps the refused state', async () => {
    const onServer = pinnebergHold();
    const writtenHere = { ...onServer, status: 'released' as const, updatedBy: 'bereitschaft.segeberg' };
    await db.holds.insert(writtenHere);
    await recordRejections(
      db.rejections,
      'holds',
      [{ id: onServer.id, code: 'forbidden', message: 'Dafür fehlt Ihnen die Berechtigung.' }],
      new Map([
        [
          onServer.id,
          {
            assumedMasterState: { ...onServer, _deleted: false },
            newDocumentState: { ...writtenHere, _deleted: false },
          },
        ],
      ]),
      T,
    );
    const refused = await refusedHolds();
    expect(refused.get(onServer.id)).toEqual({
      reason: 'Dafür fehlt Ihnen die Berechtigung.',
      serverState: { ...onServer, _deleted: false },
    });

    // Pinneberg confirmed meanwhile and the laptop pulled it: that is what the server holds now.
    const confirmed = { ...onServer, status: 'confirmed' as const, updatedAt: T + 60_000 };
    await (await db.holds.findOne(onServer.id).exec())!.incrementalPatch({
      status: 'confirmed',
      updatedAt: confirmed.updatedAt,
      updatedBy: 'bereitschaft.pinneberg',
    });
    expect((await refusedHolds()).get(onServer.id)?.serverState).toEqual(confirmed);
  });

  it('is nothing for a refused new placement', async () => {
    const mine = { ...pinnebergHold(), officeId: 'segeberg' as const, updatedBy: 'bereitschaft.segeberg' };
    await db.holds.insert(mine);
    await recordRejections(
      db.rejections,
      'holds',
      [{ id: mine.id, code: 'unknown_facility', message: 'Diese Einrichtung gibt es nicht (mehr).' }],
      new Map([[mine.id, { newDocumentState: { ...mine, _deleted: false } }]]),
      T,
    );
    expect((await refusedHolds()).get(mine.id)).toEqual({
      reason: 'Diese Einrichtung gibt es nicht (mehr).',
      serverState: null,
    });
    // A refusal of another collection is not a placement's.
    await recordRejections(
      db.rejections,
      'intakes',
      [{ id: 'intake-1', code: 'forbidden', message: 'x' }],
      new Map([['intake-1', { newDocumentState: { id: 'intake-1' } }]]),
      T,
    );
    expect([...(await refusedHolds()).keys()]).toEqual([mine.id]);
  });
});
