import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { IPC_CHANNELS, IPC_EVENTS } from '../shared/ipc';
import { bundleElectron } from './tools/bundle';

/**
 * The built main bundle (dist/electron/main.cjs as electron-builder packs it) started under Node with a recording
 * stand-in for the `electron` module - the one seam we cannot have for real here. It checks the wiring of
 * main.ts: what is registered before `ready`, the window's options, the protocol, IPC and permission handlers,
 * and the policy dialog.
 */
const FAKE_ELECTRON = String.raw`
const Module = require('node:module');
const fs = require('node:fs');
const calls = [];
const record = (name, ...args) => calls.push([name, ...args]);
let protocolHandler = null;
const ipc = new Map();
const permission = {};
const power = new Map();
let finish;
const ready = new Promise((resolve) => { finish = resolve; });
const userData = process.env.FAKE_USER_DATA;
const app = {
  isPackaged: false,
  setName: (n) => record('app.setName', n),
  commandLine: { appendSwitch: (name, value) => record('app.commandLine.appendSwitch', name, value) },
  requestSingleInstanceLock: () => { record('app.requestSingleInstanceLock'); return process.env.FAKE_LOCK !== 'taken'; },
  quit: () => { record('app.quit'); report(); },
  exit: (code) => { record('app.exit', code); report(); },
  on: (event) => record('app.on', event),
  once: (event) => record('app.once', event),
  whenReady: () => { record('app.whenReady'); return process.env.FAKE_LOCK === 'taken' ? new Promise(() => {}) : Promise.resolve(); },
  getPath: (name) => require('node:path').join(userData, name),
  getVersion: () => '0.1.0',
};
class BrowserWindow {
  constructor(options) { record('BrowserWindow', options); this.webContents = { send: (channel, ...args) => record('webContents.send', channel, ...args) }; }
  once() {} on() {} show() {} isMinimized() { return false; } focus() {}
  async loadURL(url) {
    record('loadURL', url);
    setTimeout(async () => {
      const index = await protocolHandler(new Request(url));
      record('protocol.response', index.status, index.headers.get('content-security-policy'), await index.text());
      const frame = { url: 'app://obhut/index.html', parent: null };
      record('ipc.getConfig', await ipc.get('${IPC_CHANNELS.getConfig}')({ senderFrame: frame }));
      try { await ipc.get('${IPC_CHANNELS.getConfig}')({ senderFrame: { url: 'https://evil.example', parent: null } }); record('ipc.foreign', 'answered'); }
      catch { record('ipc.foreign', 'refused'); }
      record('ipc.protectSecret', await ipc.get('${IPC_CHANNELS.protectSecret}')({ senderFrame: frame }, 'key'));
      for (const event of ['resume', 'suspend', 'lock-screen']) for (const fn of power.get(event) ?? []) fn();
      let granted; permission.request(null, 'media', (g) => { granted = g; }, { requestingUrl: 'app://obhut/' });
      record('permission.media', granted);
      report();
    }, 50);
  }
}
function report() {
  fs.writeFileSync(process.env.FAKE_REPORT, JSON.stringify({ calls, channels: [...ipc.keys()] }));
  process.exit(0);
}
const electron = {
  app, BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes, { ready: false }),
    handle: (scheme, handler) => { record('protocol.handle', scheme); protocolHandler = handler; },
  },
  session: { defaultSession: {
    setPermissionRequestHandler: (h) => { permission.request = h; },
    setPermissionCheckHandler: (h) => { permission.check = h; },
    setDevicePermissionHandler: () => {},
    setDisplayMediaRequestHandler: () => {},
    webRequest: { onHeadersReceived: () => record('webRequest.onHeadersReceived') },
  } },
  ipcMain: { handle: (channel, fn) => ipc.set(channel, fn), removeHandler: (channel) => ipc.delete(channel) },
  dialog: {
    showMessageBox: async (_w, options) => { record('dialog.showMessageBox', options); return { response: 1 }; },
    showErrorBox: (title, text) => { record('dialog.showErrorBox', text); },
  },
  Menu: { setApplicationMenu: (m) => record('Menu.setApplicationMenu', m) },
  powerMonitor: {
    on: (event, fn) => { record('powerMonitor.on', event); power.set(event, [...(power.get(event) ?? []), fn]); },
    removeListener: () => {},
  },
  shell: { openExternal: async (url) => record('shell.openExternal', url) },
  net: { fetch: (...args) => fetch(...args) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: (s) => Buffer.from('enc:' + s),
    decryptString: (b) => b.toString().slice(4),
  },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-main-'));
  await bundleElectron(path.join(dir, 'dist', 'electron'));
  await mkdir(path.join(dir, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Obhut</title>');
  await writeFile(path.join(dir, 'fake-electron.cjs'), FAKE_ELECTRON);
  await writeFile(
    path.join(dir, 'policy.json'),
    JSON.stringify({ serverUrl: 'https://obhut.kreis-segeberg.example', idleLockMinutes: 'zehn' }),
  );
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Call = [string, ...unknown[]];
async function runMain(env: Record<string, string> = {}): Promise<{ calls: Call[]; channels: string[] }> {
  const reportFile = path.join(dir, `report-${Math.random()}.json`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', path.join(dir, 'fake-electron.cjs'), path.join(dir, 'dist', 'electron', 'main.cjs')],
      {
        env: {
          PATH: process.env.PATH,
          FAKE_REPORT: reportFile,
          FAKE_USER_DATA: path.join(dir, 'profile'),
          OBHUT_POLICY_PATH: path.join(dir, 'policy.json'),
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.on('error', reject);
  });
  return JSON.parse(await readFile(reportFile, 'utf8'));
}

const find = (calls: Call[], name: string) => calls.filter((c) => c[0] === name).map((c) => c.slice(1));

describe('main process wiring', () => {
  it('sets the German locale, registers app:// as privileged and takes the single-instance lock before anything else', async () => {
    const { calls } = await runMain();
    const names = calls.map((c) => c[0]);
    expect(names.slice(0, 5)).toEqual([
      'app.setName',
      'app.commandLine.appendSwitch',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
      'app.on',
    ]);
    expect(find(calls, 'app.commandLine.appendSwitch')).toEqual([['lang', 'de-DE']]);
    expect(find(calls, 'protocol.registerSchemesAsPrivileged')[0][0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('quits when another Obhut already runs', async () => {
    const { calls } = await runMain({ FAKE_LOCK: 'taken' });
    expect(calls.map((c) => c[0])).toContain('app.quit');
    expect(find(calls, 'BrowserWindow')).toEqual([]);
  });

  it('opens one hardened window on app://obhut/, served with the CSP of the policy server', async () => {
    const { calls } = await runMain();
    const [[options]] = find(calls, 'BrowserWindow') as [[{ webPreferences: Record<string, unknown> }]];
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true,
    });
    expect(String(options.webPreferences.preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(find(calls, 'loadURL')).toEqual([['app://obhut/']]);
    const [[status, csp, body]] = find(calls, 'protocol.response') as [[number, string, string]];
    expect(status).toBe(200);
    expect(body).toContain('<title>Obhut</title>');
    expect(csp).toContain("connect-src 'self' https://obhut.kreis-segeberg.example");
    expect(find(calls, 'webRequest.onHeadersReceived')).toHaveLength(1);
  });

  it('answers the app over the IPC channels of the contract only, refuses other origins and denies permissions', async () => {
    const { calls, channels } = await runMain();
    expect(channels.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const [[config]] = find(calls, 'ipc.getConfig') as [[Record<string, unknown>]];
    expect(config).toMatchObject({
      serverUrl: 'https://obhut.kreis-segeberg.example',
      idleLockMinutes: 10,
      managed: ['serverUrl', 'idleLockMinutes'],
    });
    expect((config.policyErrors as string[])[0]).toContain('„idleLockMinutes“');
    expect(find(calls, 'ipc.foreign')).toEqual([['refused']]);
    expect(find(calls, 'permission.media')).toEqual([[false]]);
    // Linux's plain-text keystore backend and no policy allowing it: refused.
    expect(find(calls, 'ipc.protectSecret')).toEqual([
      [{ ok: false, message: expect.stringContaining('nicht sicher ablegen') }],
    ]);
  });

  it('asks the renderer to lock on sleep and screen lock', async () => {
    const { calls } = await runMain();
    expect(
      find(calls, 'powerMonitor.on')
        .map(([event]) => event)
        .sort(),
    ).toEqual(['lock-screen', 'suspend']);
    expect(find(calls, 'webContents.send')).toEqual([
      [IPC_EVENTS.lockRequest, 'suspend'],
      [IPC_EVENTS.lockRequest, 'lock-screen'],
    ]);
  });

  it('shows the policy problem to the user', async () => {
    const { calls } = await runMain();
    const [[dialog]] = find(calls, 'dialog.showMessageBox') as [[{ title: string; detail: string }]];
    expect(dialog.title).toBe('Obhut – Fehler in der Konfiguration');
    expect(dialog.detail).toContain('muss eine ganze Zahl sein');
  });
});
