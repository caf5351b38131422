import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { verifyUpdateFile } from '../update/signature';
import { KEY_VARIABLE, signUpdate } from './sign-update';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-sign-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function newKey() {
  const { out, io } = capture();
  expect(await signUpdate(['--generate-key'], {}, io)).toBe(0);
  const privateKey = out.find((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l))!;
  const publicKeyPem = out.slice(out.findIndex((l) => l.startsWith('-----BEGIN'))).join('\n') + '\n';
  return { privateKey, publicKeyPem };
}

describe('npm run sign-update', () => {
  it('writes a .sig per file that the app accepts', async () => {
    const key = await newKey();
    const a = path.join(dir, 'Obhut-1.2.3-win-x64.exe');
    const b = path.join(dir, 'Obhut-1.2.3-linux-x86_64.AppImage');
    await writeFile(a, 'windows installer');
    await writeFile(b, 'linux image');
    const { out, io } = capture();
    const code = await signUpdate(
      ['--version=1.2.3', '--allow-unpinned', a, b],
      { [KEY_VARIABLE]: key.privateKey },
      io,
    );
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    for (const file of [a, b]) {
      const sig = await readFile(`${file}.sig`, 'utf8');
      expect(await verifyUpdateFile(file, '1.2.3', sig, [key.publicKeyPem])).toMatchObject({ ok: true });
    }
  });

  it('says clearly that the key must come from the environment', async () => {
    const { err, io } = capture();
    expect(await signUpdate([path.join(dir, 'x.exe')], {}, io)).toBe(2);
    expect(err.join('\n')).toContain(`${KEY_VARIABLE} ist nicht gesetzt`);
  });

  it('refuses a key the app does not pin, since the app would refuse the update', async () => {
    const key = await newKey();
    const file = path.join(dir, 'Obhut-1.2.3-win-x64.exe');
    await writeFile(file, 'x');
    const { err, io } = capture();
    expect(await signUpdate([file], { [KEY_VARIABLE]: key.privateKey }, io)).toBe(3);
    expect(err[0]).toContain('nicht in electron/update/trusted-keys.ts hinterlegt');
  });

  it('refuses garbage in the key variable', async () => {
    const { err, io } = capture();
    expect(await signUpdate(['--key-id'], { [KEY_VARIABLE]: 'bm90IGEga2V5' }, io)).toBe(2);
    expect(err[0]).toContain('keinen gültigen Ed25519-Schlüssel');
  });
});
