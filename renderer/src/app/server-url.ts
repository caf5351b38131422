/**
 * Where the replication endpoint is. Electron: the machine configuration of the preload bridge. Browser dev mode:
 * `?server=` in the address, else VITE_OBHUT_SERVER_URL at build time, else the local default server.
 */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

export async function resolveServerUrl(
  bridge: Window['obhut'] = typeof window !== 'undefined' ? window.obhut : undefined,
  search: string = typeof location !== 'undefined' ? location.search : '',
  envUrl: string | undefined = import.meta.env.VITE_OBHUT_SERVER_URL,
): Promise<string> {
  if (bridge) return (await bridge.getConfig()).serverUrl.replace(/\/+$/, '');
  const fromQuery = new URLSearchParams(search).get('server');
  const url = fromQuery || envUrl || DEFAULT_SERVER_URL;
  return url.replace(/\/+$/, '');
}
