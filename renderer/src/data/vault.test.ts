import type { KeystoreResult } from '../../../shared/ipc';
import {
  KeystoreError,
  memoryStore,
  openOrCreateVault,
  PBKDF2_ITERATIONS,
  readVaultRecord,
  removeAllVaultRecords,
  type SecretKeeper,
  storeVault,
  unlockStoredVault,
  unlockVault,
  VaultLockedError,
} from './vault';

const SERVER = 'http://127.0.0.1:3000';
const user = { id: 'u1', username: 'Bereitschaft.Segeberg', displayName: 'B', officeId: 'segeberg', roles: ['oncall'] };
const fast = { iterations: 1000 };

/** The OS keystore as electron/keystore.ts answers over IPC: a reversible wrap, or a refusal in German. */
function fakeKeystore(refuse = false): SecretKeeper & { calls: string[] } {
  const calls: string[] = [];
  const refused: KeystoreResult = { ok: false, message: 'Obhut kann den Schlüssel hier nicht sicher ablegen.' };
  return {
    calls,
    async protect(plain) {
      calls.push('protect');
      return refuse ? refused : { ok: true, value: `os1:${[...plain].reverse().join('')}` };
    },
    async unprotect(wrapped) {
      calls.push('unprotect');
      if (refuse || !wrapped.startsWith('os1:')) return refused;
      return { ok: true, value: [...wrapped.slice(4)].reverse().join('') };
    },
  };
}

describe('vault', () => {
  it('derives the wrapping key with at least 600,000 PBKDF2-SHA256 iterations by default', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('creates a random key once, stores it only wrapped, and opens it again with the password', async () => {
    const store = memoryStore();
    const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', fast);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const record = readVaultRecord(store, SERVER, ' bereitschaft.segeberg ')!;
    expect(JSON.stringify(record)).not.toContain(key);
    expect(record.user).toEqual(user);
    expect(await openOrCreateVault(store, SERVER, user, 'geheim-1', fast)).toBe(key);
    expect(await unlockVault(record, 'geheim-1')).toBe(key);

    const other = await openOrCreateVault(memoryStore(), SERVER, user, 'geheim-1', fast);
    expect(other).not.toBe(key); // per device
  });

  it('refuses a wrong password', async () => {
    const store = memoryStore();
    await openOrCreateVault(store, SERVER, user, 'geheim-1', fast);
    const record = readVaultRecord(store, SERVER, user.username)!;
    await expect(unlockVault(record, 'geheim-2')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(openOrCreateVault(store, SERVER, user, 'geheim-2', fast)).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('re-wraps the same key with a new password', async () => {
    const store = memoryStore();
    const key = await openOrCreateVault(store, SERVER, user, 'alt-passwort', fast);
    await storeVault(store, SERVER, user, key, 'neues-passwort', fast);
    const record = readVaultRecord(store, SERVER, user.username)!;
    expect(await unlockVault(record, 'neues-passwort')).toBe(key);
    await expect(unlockVault(record, 'alt-passwort')).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('keeps users and servers apart', async () => {
    const store = memoryStore();
    await openOrCreateVault(store, SERVER, user, 'geheim-1', fast);
    expect(readVaultRecord(store, 'https://anderer.example', user.username)).toBeNull();
    expect(readVaultRecord(store, SERVER, 'leitung.segeberg')).toBeNull();
  });

  describe('upgrade of records written with fewer iterations', () => {
    it('re-wraps the same key with the current count at the next offline unlock, and not with a wrong password', async () => {
      const store = memoryStore();
      const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', { iterations: 1000 });
      const old = readVaultRecord(store, SERVER, user.username)!;
      expect(old.kdf.iterations).toBe(1000);

      await expect(unlockStoredVault(store, SERVER, old, 'falsch', { iterations: 2000 })).rejects.toBeInstanceOf(
        VaultLockedError,
      );
      expect(readVaultRecord(store, SERVER, user.username)).toEqual(old);

      expect(await unlockStoredVault(store, SERVER, old, 'geheim-1', { iterations: 2000 })).toBe(key);
      const upgraded = readVaultRecord(store, SERVER, user.username)!;
      expect(upgraded.kdf.iterations).toBe(2000);
      expect(upgraded.kdf.salt).not.toBe(old.kdf.salt);
      expect(await unlockVault(upgraded, 'geheim-1')).toBe(key);
    });

    it('upgrades at an online unlock too, and leaves a current record as it is', async () => {
      const store = memoryStore();
      const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', { iterations: 1000 });
      expect(await openOrCreateVault(store, SERVER, user, 'geheim-1', { iterations: 3000 })).toBe(key);
      const upgraded = readVaultRecord(store, SERVER, user.username)!;
      expect(upgraded.kdf.iterations).toBe(3000);
      // A record above the target is not weakened.
      expect(await openOrCreateVault(store, SERVER, user, 'geheim-1', { iterations: 1000 })).toBe(key);
      expect(readVaultRecord(store, SERVER, user.username)!.kdf).toEqual(upgraded.kdf);
    });

    it('upgrades a stored record of the old default (310,000) to the new default', async () => {
      const store = memoryStore();
      const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', { iterations: 310_000 });
      const old = readVaultRecord(store, SERVER, user.username)!;
      expect(await unlockStoredVault(store, SERVER, old, 'geheim-1')).toBe(key);
      expect(readVaultRecord(store, SERVER, user.username)!.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    });
  });

  describe('OS keystore (desktop app)', () => {
    it('stores the wrapped key only OS-wrapped and opens it through the keystore', async () => {
      const store = memoryStore();
      const keystore = fakeKeystore();
      const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', { ...fast, keystore });
      const record = readVaultRecord(store, SERVER, user.username)!;
      expect(record.osProtected).toBe(true);
      expect(record.wrappedKey.startsWith('os1:')).toBe(true);
      expect(await unlockVault(record, 'geheim-1', keystore)).toBe(key);
      // Without the keystore (the record copied to another machine) the key does not open, even with the password.
      await expect(unlockVault(record, 'geheim-1', null)).rejects.toBeInstanceOf(VaultLockedError);
      await expect(unlockVault(record, 'falsch', keystore)).rejects.toBeInstanceOf(VaultLockedError);
    });

    it('refuses with the keystore’s German message and writes nothing where it would store in plain text', async () => {
      const store = memoryStore();
      const attempt = openOrCreateVault(store, SERVER, user, 'geheim-1', { ...fast, keystore: fakeKeystore(true) });
      await expect(attempt).rejects.toBeInstanceOf(KeystoreError);
      await expect(attempt).rejects.toThrow('nicht sicher ablegen');
      expect(store.length).toBe(0);
    });

    it('wraps a record written before the keystore existed at the next unlock', async () => {
      const store = memoryStore();
      const key = await openOrCreateVault(store, SERVER, user, 'geheim-1', fast);
      const keystore = fakeKeystore();
      const plain = readVaultRecord(store, SERVER, user.username)!;
      expect(await unlockStoredVault(store, SERVER, plain, 'geheim-1', { ...fast, keystore })).toBe(key);
      expect(readVaultRecord(store, SERVER, user.username)!.osProtected).toBe(true);
      expect(keystore.calls).toEqual(['protect']);
    });
  });

  it('removes every record of the device and nothing else', async () => {
    const store = memoryStore();
    await openOrCreateVault(store, SERVER, user, 'geheim-1', fast);
    await openOrCreateVault(store, 'https://anderer.example', { ...user, id: 'u2' }, 'geheim-2', fast);
    store.setItem('obhut.deviceId', 'd1');
    expect(removeAllVaultRecords(store)).toBe(2);
    expect(store.length).toBe(1);
    expect(store.getItem('obhut.deviceId')).toBe('d1');
  });
});
