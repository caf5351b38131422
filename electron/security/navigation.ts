import type { WebContents } from 'electron';

import type { Logger } from '../log';
import { isAppUrl } from '../window/app-protocol';

/** Links the user may open in the system browser; file:, smb:, custom handlers and the like never. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol, username, password } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && !username && !password;
  } catch {
    return false;
  }
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * The window never leaves the app: navigation to any other origin is cancelled, new windows are refused, and a
 * web link the user clicked goes to the system browser instead, where it cannot reach the bridge or the data.
 */
export function guardNavigation(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: OpenExternal,
  log: Logger,
): void {
  const toBrowser = (url: string) => {
    if (!isSafeExternalUrl(url)) {
      log.warn('link refused', { scheme: url.split(':', 1)[0] });
      return;
    }
    openExternal(url).catch((error: unknown) => log.warn('opening link failed', { error: String(error) }));
  };
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) toBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    toBrowser(url);
    return { action: 'deny' };
  });
}
