import { useEffect } from 'react';

import { laptopPurgeDays } from '../../../../shared/privacy/laptop-purge';
import type { LaptopCopies } from '../../data/laptop-copies';

const HOUR_MS = 60 * 60 * 1000;

/** The purge period of this machine: the machine policy's `laptopPurgeDays`, else the deletion concept's default. */
export async function purgeDaysOfMachine(
  bridge: Window['obhut'] = typeof window !== 'undefined' ? window.obhut : undefined,
): Promise<number> {
  const config = bridge ? await bridge.getConfig().catch(() => undefined) : undefined;
  return laptopPurgeDays(config?.laptopPurgeDays);
}

/**
 * Removes finished records from this laptop when the session opens and every hour while it stays open (a laptop
 * left running for weeks still lets them go). It needs no connection: only what the server confirmed goes.
 */
export function useLaptopPurge(copies: LaptopCopies): void {
  useEffect(() => {
    let live = true;
    const run = async () => {
      const days = await purgeDaysOfMachine();
      // A failed run (the session closing under it) changes nothing; the next one tries again.
      if (live) await copies.purge(days).catch(() => undefined);
    };
    void run();
    const timer = setInterval(() => void run(), HOUR_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [copies]);
}
