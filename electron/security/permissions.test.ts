import { readFileSync } from 'node:fs';

import type { Session } from 'electron';

import { installPermissionHandlers, isPermissionAllowed, PERMISSION_ALLOWLIST } from './permissions';

type Handler = (...args: never[]) => unknown;

/** Electron's Session at the seam: records the handlers so the test can call them as Chromium would. */
function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const record = (name: string) => (handler: Handler) => void (handlers[name] = handler);
  const session = {
    setPermissionRequestHandler: record('request'),
    setPermissionCheckHandler: record('check'),
    setDevicePermissionHandler: record('device'),
    setDisplayMediaRequestHandler: record('displayMedia'),
  };
  installPermissionHandlers(session as unknown as Session);
  return handlers as Record<string, (...args: unknown[]) => unknown>;
}

function request(handlers: Record<string, (...args: unknown[]) => unknown>, permission: string, requestingUrl: string) {
  let granted: boolean | undefined;
  handlers.request(null, permission, (g: boolean) => (granted = g), { requestingUrl });
  return granted;
}

describe('permissions', () => {
  it('denies camera, microphone, location, notifications, devices and the rest', () => {
    const handlers = fakeSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'clipboard-read',
      'fileSystem',
      'display-capture',
      'unknown',
    ]) {
      expect(request(handlers, permission, 'app://obhut/')).toBe(false);
      expect(handlers.check(null, permission, 'app://obhut', {})).toBe(false);
    }
    expect(handlers.device({ deviceType: 'usb', origin: 'app://obhut' })).toBe(false);
  });

  it('grants the allowlisted clipboard write to the app only', () => {
    const handlers = fakeSession();
    expect(request(handlers, 'clipboard-sanitized-write', 'app://obhut/intakes')).toBe(true);
    expect(request(handlers, 'clipboard-sanitized-write', 'https://evil.example.org/')).toBe(false);
    expect(handlers.check(null, 'clipboard-sanitized-write', 'app://obhut')).toBe(true);
  });

  it('refuses screen capture', () => {
    const handlers = fakeSession();
    let streams: unknown;
    handlers.displayMedia({}, (s: unknown) => (streams = s));
    expect(streams).toEqual({});
  });

  it('keeps the allowlist tiny, with a reason written above each entry', () => {
    expect(PERMISSION_ALLOWLIST.size).toBeLessThanOrEqual(1);
    const source = readFileSync(new URL('./permissions.ts', import.meta.url), 'utf8');
    for (const permission of PERMISSION_ALLOWLIST) {
      expect(source).toMatch(new RegExp(`//[^\\n]*\\n(\\s*//[^\\n]*\\n)*\\s*'${permission}'`));
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://obhut/')).toBe(true);
  });
});
