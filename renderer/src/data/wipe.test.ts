import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { filter, firstValueFrom } from 'rxjs';

import { LoginError, openClient, type OpenClientOptions } from './client';
import { memoryStore, openOrCreateVault, readVaultRecord } from './vault';
import { wipeDevice } from './wipe';

const SERVER = 'https://obhut.kreis-segeberg.example';
const user = {
  id: 'u-seg-1',
  username: 'bereitschaft.segeberg',
  displayName: 'Bea Bereit',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const PASSWORD = 'richtiges-passwort-1';

/** A laptop without a network: every request fails as fetch does offline. */
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

/** A device on which the user logged in before (its vault record exists), now offline. */
async function offlineDevice() {
  const factory = new IDBFactory();
  const vault = memoryStore();
  await openOrCreateVault(vault, SERVER, user, PASSWORD, { iterations: 1000 });
  vault.setItem('obhut.deviceId', 'device-1');
  vault.setItem('obhut.lastUsername', user.username);
  const options: OpenClientOptions = {
    serverUrl: SERVER,
    username: user.username,
    password: PASSWORD,
    device: { id: 'device-1', name: 'Test' },
    fetch: offline,
    vault,
    indexedDB: factory,
    IDBKeyRange,
    keystore: null,
    pbkdf2Iterations: 1000,
    retryTime: 60_000,
  };
  return { factory, vault, options };
}

const child = { firstName: 'Lotte', lastName: 'Wipeprobe' };

describe('lock and wipe of the local store', () => {
  it('a lock closes the database; unsynced writes are there again after unlocking with the password', async () => {
    const { options } = await offlineDevice();
    const first = await openClient(options);
    expect(first.unlockedOffline).toBe(true);
    const intake = await first.intakes.create({
      receivedAt: 1_700_000_000_000,
      child,
      situation: 'Notiz',
      status: 'draft',
    });
    await firstValueFrom(first.status$.pipe(filter((s) => s.pendingCount === 1)));
    await first.close(); // the lock
    expect(first.db.closed).toBe(true);

    await expect(openClient({ ...options, password: 'falsches-passwort' })).rejects.toBeInstanceOf(LoginError);

    const again = await openClient(options);
    try {
      const status = await firstValueFrom(again.status$);
      expect(status.pendingIds).toEqual([intake.id]);
      expect((await again.intakes.get(intake.id))?.child.lastName).toBe('Wipeprobe');
    } finally {
      await again.close();
    }
  });

  it('the wipe leaves no database, no wrapped key and no user name, but keeps the device id', async () => {
    const { factory, vault, options } = await offlineDevice();
    const client = await openClient(options);
    await client.intakes.create({ receivedAt: 1_700_000_000_000, child, situation: 'Notiz', status: 'draft' });
    await client.close();
    // A database of something else on the same origin stays.
    await new Promise<void>((resolve) => {
      const req = factory.open('not-obhut');
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const before = (await factory.databases()).map((d) => d.name);
    expect(before.filter((n) => n?.startsWith('rxdb-dexie-obhut_')).length).toBeGreaterThanOrEqual(4);

    // The queue of records opened here (ids only) goes too; so does nothing else of another program.
    vault.setItem('obhut.localEvents.u-1', '[{"intakeId":"a-1","kind":"opened"}]');
    vault.setItem('other-app.setting', 'bleibt');

    const report = await wipeDevice({ indexedDB: factory, store: vault });

    expect(report.vaultRecords).toBe(1);
    expect((await factory.databases()).map((d) => d.name)).toEqual(['not-obhut']);
    expect(readVaultRecord(vault, SERVER, user.username)).toBeNull();
    expect(vault.getItem('obhut.lastUsername')).toBeNull();
    expect(vault.getItem('obhut.deviceId')).toBe('device-1');
    expect(vault.getItem('obhut.localEvents.u-1')).toBeNull();
    expect(vault.getItem('other-app.setting')).toBe('bleibt');
    // Offline, nothing opens any more: no record to unlock.
    await expect(openClient(options)).rejects.toMatchObject({ code: 'offline' });
  });
});
