/** This installation's device id: generated once, kept, sent with every login (the admin can revoke it). */
const DEVICE_KEY = 'obhut.deviceId';

export function deviceIdentity(store: Storage = localStorage): { id: string; name: string } {
  let id = store.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    store.setItem(DEVICE_KEY, id);
  }
  const runtime = typeof window !== 'undefined' && window.obhut ? 'Obhut Desktop' : 'Browser';
  const platform = typeof navigator !== 'undefined' ? navigator.platform || 'unbekannt' : 'unbekannt';
  return { id, name: `${runtime} (${platform})` };
}
