import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { launchServerUrl, loadSettings, machinePolicyPath } from './load';
import { SAFE_DEFAULTS, serverUrlProblem, toMachineConfig } from './settings';

let dir: string;
let machinePolicyFile: string;
let userSettingsFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-policy-'));
  machinePolicyFile = path.join(dir, 'policy.json');
  userSettingsFile = path.join(dir, 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writeJson = (file: string, value: unknown) => writeFile(file, JSON.stringify(value));

describe('machine policy', () => {
  it('applies a valid file and names every key it sets as managed', async () => {
    await writeJson(machinePolicyFile, {
      $schema: './policy.schema.json',
      serverUrl: 'https://obhut.kreis-segeberg.de/',
      officeId: 'segeberg',
      updateChannel: 'beta',
      updateUrl: 'https://updates.kreis-segeberg.de/obhut',
      idleLockMinutes: 5,
      allowPlaintextKeyStorage: true,
      allowUpdateDownload: true,
    });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors).toEqual([]);
    expect(resolved.settings).toEqual({
      serverUrl: 'https://obhut.kreis-segeberg.de',
      officeId: 'segeberg',
      updateChannel: 'beta',
      updateUrl: 'https://updates.kreis-segeberg.de/obhut',
      idleLockMinutes: 5,
      allowPlaintextKeyStorage: true,
      allowUpdateDownload: true,
    });
    expect(resolved.managed).toEqual([
      'serverUrl',
      'officeId',
      'updateChannel',
      'updateUrl',
      'idleLockMinutes',
      'allowPlaintextKeyStorage',
      'allowUpdateDownload',
    ]);
  });

  it('falls back to safe defaults on a malformed file and says where and why in German', async () => {
    await writeFile(machinePolicyFile, '{ "serverUrl": "https://obhut.example.org", ');
    await writeJson(userSettingsFile, { idleLockMinutes: 15 });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors).toHaveLength(1);
    expect(resolved.errors[0]).toContain('Maschinenrichtlinie');
    expect(resolved.errors[0]).toContain(machinePolicyFile);
    expect(resolved.errors[0]).toContain('kein gültiges JSON');
    expect(resolved.errors[0]).toContain('sichere Standardwerte');
    expect(resolved.managed).toEqual([]);
    expect(resolved.settings).toEqual({ ...SAFE_DEFAULTS, idleLockMinutes: 15 });
    expect(toMachineConfig(resolved).policyErrors).toEqual(resolved.errors);
  });

  it('refuses a file that is JSON but no object', async () => {
    await writeFile(machinePolicyFile, '["https://obhut.example.org"]');
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors[0]).toContain('muss ein JSON-Objekt sein');
    expect(resolved.settings).toEqual(SAFE_DEFAULTS);
  });

  it('reports each value of the wrong type, keeps the key managed and uses its safe default', async () => {
    await writeJson(machinePolicyFile, {
      serverUrl: 42,
      idleLockMinutes: 'zehn',
      allowUpdateDownload: 'ja',
      allowPlaintextKeyStorage: 1,
      updateChannel: 'nightly',
      officeId: 'segeberg',
    });
    await writeJson(userSettingsFile, { idleLockMinutes: 120, serverUrl: 'https://user-choice.example.org' });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    const byKey = (key: string) => resolved.errors.filter((e) => e.includes(`„${key}“`));
    expect(byKey('serverUrl')[0]).toMatch(
      /Server-Adresse\) muss ein Text sein\. Es gilt der Standardwert http:\/\/localhost:3000/,
    );
    expect(byKey('idleLockMinutes')[0]).toContain('muss eine ganze Zahl sein. Es gilt der Standardwert 10');
    expect(byKey('allowUpdateDownload')[0]).toContain('muss true oder false sein. Es gilt der Standardwert false');
    expect(byKey('allowPlaintextKeyStorage')[0]).toContain('muss true oder false sein');
    expect(byKey('updateChannel')[0]).toContain('muss einer dieser Werte sein: latest, beta');
    expect(resolved.errors).toHaveLength(5);
    // The policy names them, so the user's own values do not slip in where the admin's were broken.
    expect(resolved.settings).toEqual({ ...SAFE_DEFAULTS, officeId: 'segeberg' });
    expect(resolved.managed).toEqual(
      expect.arrayContaining(['serverUrl', 'idleLockMinutes', 'allowUpdateDownload', 'updateChannel', 'officeId']),
    );
  });

  it('reports out-of-range numbers with the limit', async () => {
    await writeJson(machinePolicyFile, { idleLockMinutes: 0 });
    const low = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(low.errors[0]).toContain('muss mindestens 1 sein');
    await writeJson(machinePolicyFile, { idleLockMinutes: 10_000 });
    const high = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(high.errors[0]).toContain('darf höchstens 240 sein');
    expect(high.settings.idleLockMinutes).toBe(10);
  });

  it('names an unknown key and ignores it', async () => {
    await writeJson(machinePolicyFile, {
      serverUrl: 'https://obhut.example.org',
      serverURL: 'https://typo.example.org',
    });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors).toEqual([
      'Maschinenrichtlinie: Die Einstellung „serverURL“ gibt es nicht; sie wird ignoriert.',
    ]);
    expect(resolved.settings.serverUrl).toBe('https://obhut.example.org');
  });

  it('wins over the user settings, which still fill what the policy leaves open', async () => {
    await writeJson(machinePolicyFile, { serverUrl: 'https://obhut.kreis-stormarn.de', officeId: 'stormarn' });
    await writeJson(userSettingsFile, {
      serverUrl: 'https://elsewhere.example.org',
      officeId: 'pinneberg',
      idleLockMinutes: 30,
    });
    const resolved = await loadSettings({
      machinePolicyFile,
      userSettingsFile,
      launchServerUrl: 'http://127.0.0.1:3999',
    });
    expect(resolved.errors).toEqual([]);
    expect(resolved.settings.serverUrl).toBe('https://obhut.kreis-stormarn.de');
    expect(resolved.settings.officeId).toBe('stormarn');
    expect(resolved.settings.idleLockMinutes).toBe(30);
    expect(toMachineConfig(resolved)).toEqual({
      serverUrl: 'https://obhut.kreis-stormarn.de',
      officeId: 'stormarn',
      idleLockMinutes: 30,
      managed: ['serverUrl', 'officeId'],
      policyErrors: [],
    });
  });

  it('uses the launch server URL over the user settings when no policy sets one', async () => {
    await writeJson(userSettingsFile, { serverUrl: 'https://elsewhere.example.org' });
    const resolved = await loadSettings({
      machinePolicyFile,
      userSettingsFile,
      launchServerUrl: 'http://localhost:3005',
    });
    expect(resolved.settings.serverUrl).toBe('http://localhost:3005');
    expect(resolved.managed).toEqual([]);
  });

  it('takes the server address only from the machine policy in an installed app (issue 11, finding 7)', async () => {
    await writeJson(userSettingsFile, { serverUrl: 'https://elsewhere.example.org', idleLockMinutes: 7 });
    const launch = { machinePolicyFile, userSettingsFile, launchServerUrl: 'https://fremd.example.org' };
    const installed = await loadSettings({ ...launch, packaged: true });
    expect(installed.settings.serverUrl).toBe(SAFE_DEFAULTS.serverUrl);
    expect(installed.settings.idleLockMinutes).toBe(7); // the user's other settings still apply
    await writeJson(machinePolicyFile, { serverUrl: 'https://obhut.kreis-segeberg.de' });
    expect((await loadSettings({ ...launch, packaged: true })).settings.serverUrl).toBe(
      'https://obhut.kreis-segeberg.de',
    );
  });

  it('hands the night contact of the policy to the renderer; users cannot set it', async () => {
    await writeJson(userSettingsFile, { nightContactPhone: '0190 666666' });
    const fromUser = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(toMachineConfig(fromUser).nightContact).toBeUndefined();
    expect(fromUser.errors[0]).toContain('kann nur die Maschinenrichtlinie festlegen');
    await writeJson(machinePolicyFile, { nightContactName: 'IT-Rufbereitschaft', nightContactPhone: '04551 951-9999' });
    const config = toMachineConfig(await loadSettings({ machinePolicyFile, userSettingsFile }));
    expect(config.nightContact).toEqual({ name: 'IT-Rufbereitschaft', phone: '04551 951-9999' });
  });

  it('hands the purge period of the policy to the renderer (issue 16); users cannot set it, a bad value is refused', async () => {
    await writeJson(userSettingsFile, { laptopPurgeDays: 365 });
    const fromUser = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(toMachineConfig(fromUser).laptopPurgeDays).toBeUndefined();
    expect(fromUser.errors[0]).toContain('kann nur die Maschinenrichtlinie festlegen');
    await writeJson(machinePolicyFile, { laptopPurgeDays: 14 });
    expect(toMachineConfig(await loadSettings({ machinePolicyFile, userSettingsFile })).laptopPurgeDays).toBe(14);
    await writeJson(machinePolicyFile, { laptopPurgeDays: 0 });
    const refused = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(toMachineConfig(refused).laptopPurgeDays).toBeUndefined();
    expect(refused.errors.length).toBeGreaterThan(0);
  });

  it('lets only the machine policy weaken security: users cannot allow plaintext keys or downloads', async () => {
    await writeJson(userSettingsFile, {
      allowPlaintextKeyStorage: true,
      allowUpdateDownload: true,
      updateUrl: 'https://evil.example.org',
    });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.settings).toEqual(SAFE_DEFAULTS);
    expect(resolved.errors).toHaveLength(3);
    expect(resolved.errors[0]).toContain('kann nur die Maschinenrichtlinie festlegen');
  });

  it('refuses a plain-http server URL other than localhost', async () => {
    await writeJson(machinePolicyFile, { serverUrl: 'http://obhut.kreis-pinneberg.de' });
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors[0]).toContain('unverschlüsseltes http://');
    expect(resolved.settings.serverUrl).toBe(SAFE_DEFAULTS.serverUrl);

    const launched = await loadSettings({
      machinePolicyFile: path.join(dir, 'none.json'),
      userSettingsFile,
      launchServerUrl: 'http://192.168.1.20:3000',
    });
    expect(launched.errors[0]).toContain('Startparameter');
    expect(launched.settings.serverUrl).toBe(SAFE_DEFAULTS.serverUrl);
  });

  it('reports an unreadable policy and still starts', async () => {
    await mkdir(machinePolicyFile);
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors[0]).toMatch(/kann nicht gelesen werden \(EISDIR\)/);
    expect(resolved.settings).toEqual(SAFE_DEFAULTS);
  });

  it('runs on defaults without any file', async () => {
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved).toEqual({ settings: SAFE_DEFAULTS, managed: [], errors: [] });
  });

  it('accepts a BOM as written by Windows Notepad', async () => {
    await writeFile(machinePolicyFile, '\uFEFF{"officeId":"norderstedt"}');
    const resolved = await loadSettings({ machinePolicyFile, userSettingsFile });
    expect(resolved.errors).toEqual([]);
    expect(resolved.settings.officeId).toBe('norderstedt');
  });
});

describe('server URL rule', () => {
  it.each([
    ['https://obhut.example.org', null],
    ['http://localhost:3000', null],
    ['http://127.0.0.1:3000', null],
    ['http://[::1]:3000', null],
    ['http://obhut.example.org', 'plainHttp'],
    ['http://localhost.example.org', 'plainHttp'],
    ['ftp://obhut.example.org', 'url'],
    ['file:///etc/passwd', 'url'],
    ['obhut.example.org', 'url'],
    ['https://admin:secret@obhut.example.org', 'credentials'],
  ])('%s -> %s', (url, problem) => {
    expect(serverUrlProblem(url)).toBe(problem);
  });
});

describe('policy location', () => {
  it('is machine-wide per platform', () => {
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\ProgramData' }, true)).toBe(
      'D:\\ProgramData\\Obhut\\policy.json',
    );
    expect(machinePolicyPath('win32', {}, true)).toBe('C:\\ProgramData\\Obhut\\policy.json');
    expect(machinePolicyPath('linux', {}, true)).toBe('/etc/obhut/policy.json');
    expect(machinePolicyPath('darwin', {}, true)).toBe('/Library/Application Support/Obhut/policy.json');
  });

  it('is overridable for tests only in an unpackaged app', () => {
    const env = { OBHUT_POLICY_PATH: '/tmp/test-policy.json' };
    expect(machinePolicyPath('linux', env, false)).toBe('/tmp/test-policy.json');
    expect(machinePolicyPath('linux', env, true)).toBe('/etc/obhut/policy.json');
  });

  it('takes the launch server URL from argv before the environment', () => {
    expect(
      launchServerUrl(['electron', '.', '--obhut-server-url=http://localhost:3001'], { OBHUT_SERVER_URL: 'x' }),
    ).toBe('http://localhost:3001');
    expect(launchServerUrl([], { OBHUT_SERVER_URL: 'http://localhost:3002' })).toBe('http://localhost:3002');
    expect(launchServerUrl([], {})).toBeUndefined();
  });
});
