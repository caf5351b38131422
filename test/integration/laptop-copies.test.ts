import { IDBFactory } from 'fake-indexeddb';
import { getAssumedMasterState } from 'rxdb';

import { openClient } from '../../renderer/src/data/client';
import { ApiError } from '../../renderer/src/data/http';
import { memoryStore } from '../../renderer/src/data/vault';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntakeBy, push } from '../support/api';
import { clientsClosedAfterEachTest, laptopOptions, Network, waitFor } from '../support/devices';
import { noteEntry, serverOnPostgres } from '../support/server-suite';

/**
 * Issue 16, the laptop purge with the app's own data layer (RxDB on fake IndexedDB, the app's replication) against
 * the real server on PostgreSQL, a month after the handover on the laptop's clock: what stays in the store and in
 * the replication's record of the server state has no content, nothing is pushed, a fetch brings the record back
 * for another period, and a record the server no longer has leaves the list of removed ones.
 */
const server = serverOnPostgres('obhut_laptop_copies');
const clients = clientsClosedAfterEachTest(server);
const MONTH_LATER = 31 * 24 * 60 * 60 * 1000;

async function handedOver(worker: LoginResponse, lead: LoginResponse, lastName: string): Promise<IntakeWire> {
  const record = makeIntakeBy(worker.user, {
    status: 'submitted',
    child: { firstName: 'Fiktiv', lastName, estimatedAge: 9 },
  });
  expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: record }])).rejected).toEqual([]);
  const t = Date.now();
  const signed: IntakeWire = {
    ...record,
    updatedAt: t,
    updatedBy: lead.user.id,
    review: { state: 'countersigned', countersignedBy: lead.user.id, countersignedAt: t },
  };
  expect((await server.change(lead, signed)).rejected).toEqual([]);
  const handed: IntakeWire = {
    ...signed,
    updatedAt: t + 1,
    review: {
      ...signed.review!,
      state: 'handed_over',
      handedOverTo: 'segeberg',
      handedOverBy: lead.user.id,
      handedOverAt: t + 1,
    },
  };
  expect((await server.change(lead, handed)).rejected).toEqual([]);
  return server.stored(record.id);
}

describe('laptop copies (issue 16)', () => {
  it('removes a finished record without content left or anything pushed, fetches it again, forgets a deleted one', async () => {
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const lead = await login(server.url, 'leitung.pinneberg');
    const record = await handedOver(worker, lead, 'Kopienprobe');
    const other = await handedOver(worker, lead, 'Serverweg');
    const line = noteEntry('pinneberg', record.id, worker.user.id, 'Fiktive Zeile zur Kopienprobe.');
    expect((await push(server.url, worker.token, 'entries', [{ newDocumentState: line }])).rejected).toEqual([]);

    const parts = {
      deviceId: 'laptop-kopien',
      factory: new IDBFactory(),
      vault: memoryStore(),
      network: new Network(),
    };
    const client = clients.track(
      await openClient({
        ...laptopOptions(server.url, 'leitung.pinneberg', parts),
        now: () => Date.now() + MONTH_LATER,
      }),
    );
    const local = (id: string) => client.db.intakes.findOne(id).exec();
    await waitFor(async () => (await local(record.id)) && (await local(other.id)), 'both records on the laptop');
    await waitFor(
      async () => (await client.db.entries.find({ selector: { intakeId: record.id } }).exec()).length >= 2,
      'the log on the laptop',
    );
    await client.awaitInSync();
    const feedBefore = await server.db.query(`SELECT collection, id, seq FROM documents ORDER BY collection, id`);

    expect((await client.laptopCopies.purge(30)).sort()).toEqual([record.id, other.id].sort());
    expect(await local(record.id)).toBeNull();
    expect(await client.db.entries.find({ selector: { intakeId: record.id } }).exec()).toEqual([]);
    expect(client.laptopCopies.removed$.value.map((r) => [r.id, r.state]).sort()).toEqual(
      [
        [record.id, 'handed_over'],
        [other.id, 'handed_over'],
      ].sort(),
    );
    // What is left - the store's tombstone and the replication's record of the server state - holds no content.
    const [left] = await client.db.intakes.storageInstance.findDocumentsById([record.id], true);
    const state = client.replications.intakes.internalReplicationState!;
    const assumed = (await getAssumedMasterState(state, [record.id]))[record.id]?.docData;
    for (const kept of [left, assumed]) {
      expect(kept?._deleted).toBe(true);
      expect(JSON.stringify(kept)).not.toMatch(/Kopienprobe|Fiktiv|segeberg/);
    }
    await client.awaitInSync();
    expect(await server.db.query(`SELECT collection, id, seq FROM documents ORDER BY collection, id`)).toEqual(
      feedBefore,
    );

    await client.laptopCopies.fetchAgain(record.id);
    expect((await local(record.id))?.toJSON().child.lastName).toBe('Kopienprobe');
    const texts = (await client.db.entries.find({ selector: { intakeId: record.id } }).exec()).map((e) => e.text);
    expect(texts).toContain(line.text);
    expect(client.laptopCopies.removed$.value.map((r) => r.id)).toEqual([other.id]);
    // Fetched again, it stays for another period; nothing went to the server.
    expect(await client.laptopCopies.purge(30)).toEqual([]);
    await client.awaitInSync();
    expect(await server.db.query(`SELECT collection, id, seq FROM documents ORDER BY collection, id`)).toEqual(
      feedBefore,
    );

    // Gone from the server meanwhile: the fetch says so, and the list forgets it.
    await server.db.query(`DELETE FROM documents WHERE collection = 'intakes' AND id = $1`, [other.id]);
    const failed = await client.laptopCopies.fetchAgain(other.id).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('record_not_on_server');
    expect(client.laptopCopies.removed$.value).toEqual([]);
  });
});
