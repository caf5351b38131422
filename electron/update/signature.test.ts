import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { generateSigningKey, keyIdOf, parsePrivateKey, signUpdateFile, verifyUpdateFile } from './signature';
import { TRUSTED_UPDATE_KEYS } from './trusted-keys';

let dir: string;
let file: string;
const ours = generateSigningKey();
const foreign = generateSigningKey();
const trusted = [ours.publicKeyPem];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-sig-'));
  file = path.join(dir, 'Obhut-0.2.0-win-x64.exe');
  // Larger than one stream chunk, so the streaming hash is exercised.
  await writeFile(file, Buffer.alloc(300_000, 'MZ installer bytes '));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function signWith(privateKeyBase64: string, version = '0.2.0'): Promise<string> {
  return JSON.stringify(await signUpdateFile(file, version, parsePrivateKey(privateKeyBase64)));
}

describe('update file signatures', () => {
  it('accepts a file signed with a pinned key', async () => {
    const sig = await signWith(ours.privateKeyBase64);
    expect(await verifyUpdateFile(file, '0.2.0', sig, trusted)).toEqual({ ok: true, keyId: ours.keyId });
  });

  it('refuses a tampered file', async () => {
    const sig = await signWith(ours.privateKeyBase64);
    const bytes = await readFile(file);
    bytes[150_000] ^= 0x01;
    await writeFile(file, bytes);
    expect(await verifyUpdateFile(file, '0.2.0', sig, trusted)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an unsigned file', async () => {
    expect(await verifyUpdateFile(file, '0.2.0', null, trusted)).toEqual({ ok: false, reason: 'unsigned' });
  });

  it('refuses a file signed with another key', async () => {
    const sig = await signWith(foreign.privateKeyBase64);
    expect(await verifyUpdateFile(file, '0.2.0', sig, trusted)).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('refuses another key that claims the pinned key id', async () => {
    const sig = JSON.parse(await signWith(foreign.privateKeyBase64));
    sig.keyId = ours.keyId;
    expect(await verifyUpdateFile(file, '0.2.0', JSON.stringify(sig), trusted)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses an old signed installer offered as a newer version', async () => {
    const sig = await signWith(ours.privateKeyBase64, '0.1.0');
    expect(await verifyUpdateFile(file, '0.2.0', sig, trusted)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a signed file published under another name', async () => {
    const sig = await signWith(ours.privateKeyBase64);
    const renamed = path.join(dir, 'Obhut-0.2.0-linux-x86_64.AppImage');
    await rename(file, renamed);
    expect(await verifyUpdateFile(renamed, '0.2.0', sig, trusted)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['not json'],
    ['{}'],
    ['{"format":"obhut-update-signature-1","algorithm":"Ed25519","keyId":"x","signature":"short"}'],
  ])('calls %s malformed', async (text) => {
    expect(await verifyUpdateFile(file, '0.2.0', text, trusted)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('trusts any of several pinned keys, which is how a key rotation overlaps', async () => {
    const sig = await signWith(foreign.privateKeyBase64);
    const result = await verifyUpdateFile(file, '0.2.0', sig, [ours.publicKeyPem, foreign.publicKeyPem]);
    expect(result).toEqual({ ok: true, keyId: foreign.keyId });
  });
});

describe('signing keys', () => {
  it('reads the private key as PEM or as one base64 line', () => {
    const fromBase64 = parsePrivateKey(ours.privateKeyBase64);
    const pem = fromBase64.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(keyIdOf(parsePrivateKey(pem))).toBe(ours.keyId);
    expect(keyIdOf(fromBase64)).toBe(ours.keyId);
  });

  it('refuses a key that is not Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => parsePrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/Ed25519/);
  });

  it('pins at least one Ed25519 public key in the app, each with its key id in a comment', async () => {
    expect(TRUSTED_UPDATE_KEYS.length).toBeGreaterThan(0);
    const source = await readFile(new URL('./trusted-keys.ts', import.meta.url), 'utf8');
    for (const pem of TRUSTED_UPDATE_KEYS) {
      const key = createPublicKey(pem);
      expect(key.asymmetricKeyType).toBe('ed25519');
      expect(source).toContain(`// ${keyIdOf(key)}`);
    }
  });
});
