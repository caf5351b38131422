import type { IpcMain } from 'electron';

import { IPC_CHANNELS } from '../../shared/ipc';
import type { Logger } from '../log';
import { isTrustedSender, registerIpcHandlers } from './ipc';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** Electron's ipcMain at the seam: remembers handle() registrations so the test can invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const appFrame = { url: 'app://obhut/index.html', parent: null };
const config = { serverUrl: 'https://obhut.example.org', idleLockMinutes: 10, managed: [], policyErrors: [] };

function setup() {
  const ipcMain = fakeIpcMain();
  const opened: string[] = [];
  const warnings: unknown[] = [];
  const problems: unknown[] = [];
  const log: Logger = { info: () => {}, warn: (m, f) => warnings.push([m, f]), error: () => {} };
  const unregister = registerIpcHandlers(
    ipcMain as unknown as IpcMain,
    {
      getConfig: async () => config,
      openExternal: async (url) => void opened.push(url),
      protectSecret: async (plain) => ({ ok: true, value: `wrapped:${plain}` }),
      unprotectSecret: async (wrapped) => ({ ok: true, value: wrapped.replace('wrapped:', '') }),
      printToPdf: async (name) => ({ status: 'saved', path: `/tmp/${name}` }),
      reportProblem: async (report) => void problems.push(report),
    },
    log,
  );
  const invoke = (channel: string, frame: unknown, ...args: unknown[]) =>
    ipcMain.handlers.get(channel)!({ senderFrame: frame }, ...args);
  return { ipcMain, opened, warnings, problems, invoke, unregister };
}

describe('IPC', () => {
  it('handles exactly the channels of the contract', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers the app page', async () => {
    const { invoke, opened } = setup();
    expect(await invoke(IPC_CHANNELS.getConfig, appFrame)).toEqual(config);
    await invoke(IPC_CHANNELS.openExternal, appFrame, 'https://example.org');
    expect(opened).toEqual(['https://example.org']);
    expect(await invoke(IPC_CHANNELS.protectSecret, appFrame, 'k')).toEqual({ ok: true, value: 'wrapped:k' });
    expect(await invoke(IPC_CHANNELS.printToPdf, appFrame, 'Bericht.pdf')).toEqual({
      status: 'saved',
      path: '/tmp/Bericht.pdf',
    });
  });

  it.each([
    ['another origin', { url: 'https://evil.example.org/', parent: null }],
    ['a look-alike host', { url: 'app://obhut.evil/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a subframe of the app', { url: 'app://obhut/frame.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses %s and logs it', async (_name, frame) => {
    const { invoke, opened, warnings } = setup();
    await expect(invoke(IPC_CHANNELS.getConfig, frame)).rejects.toThrow(/sender not allowed/);
    await expect(invoke(IPC_CHANNELS.openExternal, frame, 'https://example.org')).rejects.toThrow(/sender not allowed/);
    await expect(invoke(IPC_CHANNELS.unprotectSecret, frame, 'wrapped:k')).rejects.toThrow(/sender not allowed/);
    expect(opened).toEqual([]);
    expect(warnings).toHaveLength(3);
  });

  it('refuses arguments the contract does not have', async () => {
    const { invoke, opened } = setup();
    await expect(invoke(IPC_CHANNELS.openExternal, appFrame, { toString: () => 'https://x' })).rejects.toThrow(
      /bad arguments/,
    );
    await expect(invoke(IPC_CHANNELS.openExternal, appFrame)).rejects.toThrow(/bad arguments/);
    await expect(invoke(IPC_CHANNELS.openExternal, appFrame, 'https://x.org/' + 'a'.repeat(3000))).rejects.toThrow(
      /bad arguments/,
    );
    await expect(invoke(IPC_CHANNELS.getConfig, appFrame, 'extra')).rejects.toThrow(/bad arguments/);
    await expect(invoke(IPC_CHANNELS.protectSecret, appFrame, 42)).rejects.toThrow(/bad arguments/);
    await expect(invoke(IPC_CHANNELS.unprotectSecret, appFrame, 'x'.repeat(200_000))).rejects.toThrow(/bad arguments/);
    await expect(invoke(IPC_CHANNELS.printToPdf, appFrame, 'x'.repeat(300))).rejects.toThrow(/bad arguments/);
    await expect(invoke(IPC_CHANNELS.printToPdf, appFrame)).rejects.toThrow(/bad arguments/);
    expect(opened).toEqual([]);
  });

  it('takes problem reports of codes only: no free text, no extra fields', async () => {
    const { invoke, problems } = setup();
    await invoke(IPC_CHANNELS.reportProblem, appFrame, { code: 'TypeError', where: 'render' });
    for (const bad of [
      { code: 'Kind Jonas Testkind nicht gefunden', where: 'render' },
      { code: 'TypeError', where: 'render', message: 'Jonas' },
      { code: 'x'.repeat(65), where: 'render' },
      { code: 42, where: 'render' },
      'TypeError',
    ]) {
      await expect(invoke(IPC_CHANNELS.reportProblem, appFrame, bad)).rejects.toThrow(/bad arguments/);
    }
    expect(problems).toEqual([{ code: 'TypeError', where: 'render' }]);
  });

  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
