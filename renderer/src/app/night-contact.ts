import { useEffect, useState } from 'react';

import type { MachineConfig } from '../../../shared/ipc';

export type NightContact = NonNullable<MachineConfig['nightContact']>;

/**
 * Whom a worker locked out at night calls. Today the machine policy's contact (set by the office's IT). Hook for
 * the office directory (being built separately): once it can name the admin on duty, ask it first here and fall
 * back to the policy; the login and lock screens only see this function.
 */
export async function nightContact(
  bridge: Window['obhut'] = typeof window !== 'undefined' ? window.obhut : undefined,
): Promise<NightContact | null> {
  if (!bridge) return null;
  return (await bridge.getConfig()).nightContact ?? null;
}

export function useNightContact(): NightContact | null {
  const [contact, setContact] = useState<NightContact | null>(null);
  useEffect(() => {
    let live = true;
    nightContact().then(
      (c) => live && setContact(c),
      () => undefined, // no policy readable: the messages say "Administration" without a number
    );
    return () => {
      live = false;
    };
  }, []);
  return contact;
}
