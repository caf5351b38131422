import type { PowerMonitor } from 'electron';

import type { LockReason } from '../../shared/ipc';

/** The powerMonitor events after which the app locks (issue 5: "auto-lock ... on sleep"). */
const LOCK_EVENTS: readonly LockReason[] = ['suspend', 'lock-screen'];

/**
 * Forwards sleep and screen lock to `send` (the window's webContents): the renderer closes the database and drops
 * the key before the machine sleeps, so a laptop taken while asleep holds no key in memory. Returns the function
 * that stops forwarding.
 */
export function forwardLockSignals(
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>,
  send: (reason: LockReason) => void,
): () => void {
  const handlers = LOCK_EVENTS.map((reason) => {
    const handler = () => send(reason);
    // Electron's typings list each event separately; both of ours take no arguments.
    powerMonitor.on(reason as 'suspend', handler);
    return [reason, handler] as const;
  });
  return () => {
    for (const [reason, handler] of handlers) powerMonitor.removeListener(reason as 'suspend', handler);
  };
}
