import { mainWindowOptions } from './main-window';

describe('main window', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = mainWindowOptions({ preload: '/app/preload.cjs', isPackaged: true }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('has DevTools only in an unpackaged app', () => {
    expect(mainWindowOptions({ preload: 'p', isPackaged: true }).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions({ preload: 'p', isPackaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('stays hidden until the first paint, on the dark background', () => {
    const options = mainWindowOptions({ preload: 'p', isPackaged: true });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#1a1b1e');
  });
});
