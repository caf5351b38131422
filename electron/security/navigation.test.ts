import { EventEmitter } from 'node:events';

import type { WebContents } from 'electron';

import type { Logger } from '../log';
import { guardNavigation, isSafeExternalUrl } from './navigation';

/** Electron's WebContents at the seam: events and the window-open handler, nothing of ours. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  navigate(event: string, url: string, isMainFrame = true) {
    let prevented = false;
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const warnings: string[] = [];
  const log: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
  guardNavigation(contents as unknown as WebContents, async (url) => void opened.push(url), log);
  return { contents, opened, warnings };
}

describe('navigation guard', () => {
  it('lets the app move within its own origin', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-frame-navigate', 'app://obhut/intakes')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('cancels navigation elsewhere and sends web links to the system browser', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-frame-navigate', 'https://www.gesetze-im-internet.de/sgb_8/__42.html')).toBe(true);
    expect(opened).toEqual(['https://www.gesetze-im-internet.de/sgb_8/__42.html']);
  });

  it('cancels a subframe navigation without opening anything', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-frame-navigate', 'https://ads.example.org/', false)).toBe(true);
    expect(opened).toEqual([]);
  });

  it('never hands dangerous schemes to the system', () => {
    const { contents, opened, warnings } = setup();
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://host/share',
      'javascript:alert(1)',
      'ms-msdt:x',
    ]) {
      expect(contents.navigate('will-frame-navigate', url)).toBe(true);
    }
    expect(opened).toEqual([]);
    expect(warnings).toHaveLength(4);
  });

  it('cancels redirects away from the app and any webview', () => {
    const { contents } = setup();
    expect(contents.navigate('will-redirect', 'https://evil.example.org/')).toBe(true);
    expect(contents.navigate('will-redirect', 'app://obhut/')).toBe(false);
    expect(contents.navigate('will-attach-webview', 'https://x.example.org/')).toBe(true);
  });

  it('denies every new window, opening web links externally', () => {
    const { contents, opened } = setup();
    expect(contents.openHandler!({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://obhut/popup' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/help']);
  });

  it('treats only plain web links as safe', () => {
    expect(isSafeExternalUrl('https://example.org')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.org')).toBe(false);
    expect(isSafeExternalUrl('mailto:a@b.de')).toBe(false);
    expect(isSafeExternalUrl('')).toBe(false);
  });
});
