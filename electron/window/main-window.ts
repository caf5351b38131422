import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's options. The renderer gets no Node, runs sandboxed and isolated from the preload, and keeps
 * web security. DevTools exist only in an unpackaged app (development); an installed app has none, so a person
 * at an unlocked laptop cannot read the decrypted records through them.
 */
export function mainWindowOptions(options: {
  preload: string;
  isPackaged: boolean;
  icon?: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Obhut',
    backgroundColor: '#1a1b1e',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Spell checking on Linux downloads dictionaries from Google and would see case text.
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  };
}
