import { EventEmitter } from 'node:events';

import { IPC_CHANNELS, IPC_EVENTS, type LockReason } from '../shared/ipc';
import { createBridge } from './bridge';

describe('preload bridge', () => {
  function setup() {
    const calls: unknown[][] = [];
    const events = new EventEmitter();
    const bridge = createBridge(
      {
        invoke: async (channel: string, ...args: unknown[]) => {
          calls.push([channel, ...args]);
          return channel === IPC_CHANNELS.getConfig ? { serverUrl: 'https://x.example.org' } : undefined;
        },
        on: ((channel: string, listener: (...args: unknown[]) => void) => events.on(channel, listener)) as never,
        removeListener: ((channel: string, listener: (...args: unknown[]) => void) =>
          events.removeListener(channel, listener)) as never,
      },
      '1.2.3',
    );
    return { bridge, calls, events };
  }

  it('exposes exactly the ObhutBridge members, frozen', () => {
    const { bridge } = setup();
    expect(Object.keys(bridge).sort()).toEqual([
      'appVersion',
      'getConfig',
      'onLockRequest',
      'openExternal',
      'printToPdf',
      'protectSecret',
      'reportProblem',
      'unprotectSecret',
    ]);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge.appVersion).toBe('1.2.3');
  });

  it('calls only contract channels', async () => {
    const { bridge, calls } = setup();
    expect(await bridge.getConfig()).toEqual({ serverUrl: 'https://x.example.org' });
    expect(await bridge.openExternal('https://example.org')).toBeUndefined();
    await bridge.protectSecret!('key');
    await bridge.unprotectSecret!('os1:abc');
    await bridge.printToPdf!('Übergabebericht.pdf');
    await bridge.reportProblem!({ code: 'TypeError', where: 'render' });
    expect(calls).toEqual([
      [IPC_CHANNELS.getConfig],
      [IPC_CHANNELS.openExternal, 'https://example.org'],
      [IPC_CHANNELS.protectSecret, 'key'],
      [IPC_CHANNELS.unprotectSecret, 'os1:abc'],
      [IPC_CHANNELS.printToPdf, 'Übergabebericht.pdf'],
      [IPC_CHANNELS.reportProblem, { code: 'TypeError', where: 'render' }],
    ]);
  });

  it('passes lock requests on with their reason only, drops unknown ones, and stops when asked', () => {
    const { bridge, events } = setup();
    const got: unknown[][] = [];
    const stop = bridge.onLockRequest!((...args: LockReason[]) => got.push(args));
    const event = { sender: 'the ipcRenderer itself' };
    events.emit(IPC_EVENTS.lockRequest, event, 'suspend');
    events.emit(IPC_EVENTS.lockRequest, event, 'lock-screen');
    events.emit(IPC_EVENTS.lockRequest, event, 'format-disk');
    expect(got).toEqual([['suspend'], ['lock-screen']]);
    stop();
    events.emit(IPC_EVENTS.lockRequest, event, 'suspend');
    expect(got).toHaveLength(2);
    expect(events.listenerCount(IPC_EVENTS.lockRequest)).toBe(0);
  });
});
