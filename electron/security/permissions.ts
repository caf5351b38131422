import type { Session } from 'electron';

import { isAppUrl } from '../window/app-protocol';

/**
 * Web permissions the app may use. Everything else - camera, microphone, location, notifications, USB, serial,
 * HID, screen capture, file system, opening external protocols - is denied without asking the user.
 */
export const PERMISSION_ALLOWLIST: ReadonlySet<string> = new Set([
  // Writing plain text to the clipboard: the worker copies a case number or a facility's phone number with one
  // click. Write-only and sanitised; reading the clipboard stays denied.
  'clipboard-sanitized-write',
]);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return PERMISSION_ALLOWLIST.has(permission) && isAppUrl(requestingUrl);
}

export function installPermissionHandlers(
  session: Pick<
    Session,
    | 'setPermissionRequestHandler'
    | 'setPermissionCheckHandler'
    | 'setDevicePermissionHandler'
    | 'setDisplayMediaRequestHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // An empty answer refuses the capture request.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
