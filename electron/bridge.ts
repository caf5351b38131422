import type { IpcRenderer, IpcRendererEvent } from 'electron';

import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type KeystoreResult,
  LOCK_REASONS,
  type LockReason,
  type MachineConfig,
  type ObhutBridge,
  type PrintToPdfResult,
  type ProblemReport,
} from '../shared/ipc';

/**
 * What the preload puts on window.obhut: exactly ObhutBridge, frozen, with no way to reach ipcRenderer or
 * any channel outside IPC_CHANNELS and IPC_EVENTS. Listeners get the reason only, never the IPC event.
 */
export function createBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  appVersion: string,
): ObhutBridge {
  return Object.freeze({
    appVersion,
    getConfig: (): Promise<MachineConfig> => ipc.invoke(IPC_CHANNELS.getConfig),
    openExternal: async (url: string): Promise<void> => {
      await ipc.invoke(IPC_CHANNELS.openExternal, String(url));
    },
    protectSecret: (plain: string): Promise<KeystoreResult> => ipc.invoke(IPC_CHANNELS.protectSecret, String(plain)),
    unprotectSecret: (wrapped: string): Promise<KeystoreResult> =>
      ipc.invoke(IPC_CHANNELS.unprotectSecret, String(wrapped)),
    printToPdf: (suggestedName: string): Promise<PrintToPdfResult> =>
      ipc.invoke(IPC_CHANNELS.printToPdf, String(suggestedName)),
    reportProblem: async (report: ProblemReport): Promise<void> => {
      await ipc.invoke(IPC_CHANNELS.reportProblem, { code: String(report.code), where: String(report.where) });
    },
    onLockRequest: (listener: (reason: LockReason) => void): (() => void) => {
      const forward = (_event: IpcRendererEvent, reason: unknown) => {
        if (LOCK_REASONS.includes(reason as LockReason)) listener(reason as LockReason);
      };
      ipc.on(IPC_EVENTS.lockRequest, forward);
      return () => void ipc.removeListener(IPC_EVENTS.lockRequest, forward);
    },
  });
}
