import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';

import { IPC_CHANNELS, isProblemReport, type ObhutBridge } from '../../shared/ipc';
import type { Logger } from '../log';
import { isAppUrl } from '../window/app-protocol';

type ChannelName = keyof typeof IPC_CHANNELS;
type BridgeMethod<K extends ChannelName> =
  NonNullable<ObhutBridge[K]> extends (...args: infer A) => infer R ? (...args: A) => R : never;
/** One handler per channel of the contract, typed by the bridge method it serves. */
export type IpcHandlers = { [K in ChannelName]: BridgeMethod<K> };

/** Only the app's own top-level page may call the main process: not a frame, not another origin. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Argument checks per channel: the renderer is not trusted to send what its types say. */
const oneString = (max: number) => (args: unknown[]) =>
  args.length === 1 && typeof args[0] === 'string' && args[0].length <= max;
const ARGUMENT_CHECKS: { [K in ChannelName]: (args: unknown[]) => boolean } = {
  getConfig: (args) => args.length === 0,
  openExternal: oneString(2048),
  protectSecret: oneString(64 * 1024),
  unprotectSecret: oneString(128 * 1024),
  printToPdf: oneString(255),
  reportProblem: (args) => args.length === 1 && isProblemReport(args[0]),
};

export class IpcRefused extends Error {}

/**
 * Registers exactly the channels of IPC_CHANNELS with `ipcMain.handle`, each checking its sender and its
 * arguments first. Returns the function that removes them again.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  log: Logger,
): () => void {
  const names = Object.keys(IPC_CHANNELS) as ChannelName[];
  for (const name of names) {
    const channel = IPC_CHANNELS[name];
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) {
        log.warn('ipc refused: untrusted sender', { channel, origin: safeOrigin(event.senderFrame?.url) });
        throw new IpcRefused(`${channel}: sender not allowed`);
      }
      if (!ARGUMENT_CHECKS[name](args)) {
        log.warn('ipc refused: bad arguments', { channel });
        throw new IpcRefused(`${channel}: bad arguments`);
      }
      return handler(...args);
    });
  }
  return () => names.forEach((name) => ipcMain.removeHandler(IPC_CHANNELS[name]));
}

function safeOrigin(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'unknown';
  }
}
