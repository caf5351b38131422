import { useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { LockReason } from '../../../../shared/ipc';
import { DEFAULT_IDLE_LOCK_MINUTES, watchIdle } from './idle-timer';

export type LockCause = 'idle' | 'sleep' | 'screen' | 'manual';

const CAUSE_OF: Record<LockReason, LockCause> = { suspend: 'sleep', 'lock-screen': 'screen' };

/** Idle minutes of the machine policy (desktop app) or the default (browser dev mode). */
export function useIdleLockMinutes(bridge: Window['obhut'] = window.obhut): number {
  const [minutes, setMinutes] = useState(DEFAULT_IDLE_LOCK_MINUTES);
  useEffect(() => {
    let live = true;
    bridge
      ?.getConfig()
      .then((config) => {
        if (live && Number.isFinite(config.idleLockMinutes) && config.idleLockMinutes > 0) {
          setMinutes(config.idleLockMinutes);
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [bridge]);
  return minutes;
}

/**
 * While `active`, locks after `idleMinutes` without input in this window and at once when the desktop app says
 * the machine goes to sleep or the screen was locked.
 */
export function useAutoLock(options: {
  active: boolean;
  idleMinutes: number;
  onLock: (cause: LockCause) => void;
  bridge?: Window['obhut'];
  target?: EventTarget;
}): void {
  const onLock = useRef(options.onLock);
  useLayoutEffect(() => {
    onLock.current = options.onLock;
  });
  const bridge = options.bridge ?? window.obhut;
  const target = options.target ?? window;
  useEffect(() => {
    if (!options.active) return;
    let fired = false;
    const lock = (cause: LockCause) => {
      if (fired) return;
      fired = true;
      onLock.current(cause);
    };
    const stopIdle = watchIdle({ target, timeoutMs: options.idleMinutes * 60_000, onIdle: () => lock('idle') });
    const stopSignals = bridge?.onLockRequest?.((reason) => lock(CAUSE_OF[reason]));
    return () => {
      stopIdle();
      stopSignals?.();
    };
  }, [options.active, options.idleMinutes, bridge, target]);
}
