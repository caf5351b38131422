import { assessKeystore, createKeystore, type SafeStorageLike } from './keystore';
import type { Logger } from './log';

/** Electron's safeStorage at the seam: a reversible stand-in for DPAPI/Keychain/libsecret, with a chosen backend. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']> } = {},
) {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) =>
      Buffer.concat([Buffer.from('OS'), Buffer.from(plain, 'utf8').map((b) => b ^ key)]),
    decryptString: (data: Buffer) => {
      if (data.subarray(0, 2).toString() !== 'OS') throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(data.subarray(2).map((b) => b ^ key)).toString('utf8');
    },
  } satisfies SafeStorageLike;
}

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { lines, log };
}

const SECRET = 'wrapped-database-key:Zm9vYmFy';

describe('keystore', () => {
  it.each([
    ['win32', {}],
    ['darwin', {}],
    ['linux', { backend: 'gnome_libsecret' as const }],
    ['linux', { backend: 'kwallet6' as const }],
  ])('wraps with the OS on %s %j and unwraps again', (platform, storage) => {
    const { log } = recordingLog();
    const keystore = createKeystore(fakeSafeStorage(storage), {
      platform: platform as NodeJS.Platform,
      allowPlaintext: false,
      log,
    });
    const wrapped = keystore.protect(SECRET);
    expect(wrapped.ok).toBe(true);
    const value = (wrapped as { value: string }).value;
    expect(value.startsWith('os1:')).toBe(true);
    expect(Buffer.from(value.slice(4), 'base64').toString('latin1')).not.toContain('wrapped-database-key');
    expect(keystore.unprotect(value)).toEqual({ ok: true, value: SECRET });
  });

  it("refuses Linux's plain-text backend with a German message unless the policy allows it", () => {
    const { lines, log } = recordingLog();
    const keystore = createKeystore(fakeSafeStorage({ backend: 'basic_text' }), {
      platform: 'linux',
      allowPlaintext: false,
      log,
    });
    const result = keystore.protect(SECRET);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('nicht sicher ablegen') });
    expect(lines).toEqual(['error keystore refused: no OS protection and the policy does not allow plain text']);
    expect(keystore.unprotect('os1:T1M=')).toMatchObject({ ok: false });
  });

  it('refuses when the OS keystore is unavailable (locked keychain, no keyring)', () => {
    const { log } = recordingLog();
    const keystore = createKeystore(fakeSafeStorage({ available: false }), {
      platform: 'darwin',
      allowPlaintext: false,
      log,
    });
    expect(keystore.protect(SECRET)).toMatchObject({ ok: false });
  });

  it('stores without OS protection where the machine policy allows it, and says so in the log', () => {
    const { lines, log } = recordingLog();
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const keystore = createKeystore(storage, { platform: 'linux', allowPlaintext: true, log });
    const wrapped = keystore.protect(SECRET) as { ok: true; value: string };
    expect(wrapped.value.startsWith('plain0:')).toBe(true);
    expect(keystore.unprotect(wrapped.value)).toEqual({ ok: true, value: SECRET });
    expect(lines[0]).toMatch(/^warn keystore: key stored without OS protection/);

    // The policy is withdrawn: the plain value is no longer accepted.
    const strict = createKeystore(fakeSafeStorage(), { platform: 'linux', allowPlaintext: false, log });
    expect(strict.unprotect(wrapped.value)).toEqual({
      ok: false,
      message: expect.stringContaining('lässt sich auf diesem Gerät nicht öffnen'),
    });
  });

  it('reports a stored value the OS cannot decrypt (copied from another machine) instead of throwing', () => {
    const { lines, log } = recordingLog();
    const keystore = createKeystore(fakeSafeStorage(), { platform: 'win32', allowPlaintext: false, log });
    expect(keystore.unprotect(`os1:${Buffer.from('garbage').toString('base64')}`)).toMatchObject({ ok: false });
    expect(keystore.unprotect('something else')).toMatchObject({ ok: false });
    expect(lines[0]).toMatch(/^warn keystore: stored key could not be decrypted/);
  });

  it('treats the backend before `ready` as unknown, hence unprotected', () => {
    expect(assessKeystore(fakeSafeStorage({ backend: 'unknown' }), 'linux', false)).toEqual({
      protectedByOs: false,
      usable: false,
      backend: 'unknown',
    });
  });
});
