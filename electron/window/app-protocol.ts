import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

import type { CustomScheme } from 'electron';

import { de } from '../../shared/i18n';

const { desktop } = de;

/**
 * The UI is served from app://obhut/ rather than file://: a standard, secure scheme gives the renderer a stable
 * origin of its own (IndexedDB survives moving the install folder), lets the CSP's 'self' mean exactly the app,
 * and keeps file:// with its wide privileges out of reach.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'obhut';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** True for a URL of the app's own origin, and nothing else. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestHandler = (request: Request) => Promise<Response>;

/**
 * Serves files below `root` (dist/renderer) for app:// requests, with the CSP on every response, errors
 * included. Anything that resolves outside `root` - `..`, encoded slashes, backslashes, symlinks - is refused.
 * A path without a file extension is a client-side route and gets index.html.
 */
export function createAppRequestHandler(options: { root: string; csp: string }): AppRequestHandler {
  const rootReady = realpath(options.root);
  const headers = (contentType: string) => ({
    'Content-Type': contentType,
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    const root = await rootReady;
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, desktop.window.notFound);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, desktop.window.forbidden);

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, desktop.window.forbidden);
    }
    if (relative.includes('\0') || relative.includes('\\')) return plain(403, desktop.window.forbidden);
    if (relative.endsWith('/')) relative += 'index.html';
    if (!path.posix.extname(relative)) relative = '/index.html';

    const candidate = path.resolve(root, `.${path.posix.normalize(relative)}`);
    if (!isInside(root, candidate)) return plain(403, desktop.window.forbidden);
    let file: string;
    try {
      file = await realpath(candidate);
    } catch {
      return plain(404, desktop.window.notFound);
    }
    if (!isInside(root, file)) return plain(403, desktop.window.forbidden);

    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, desktop.window.notFound);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(type),
    });
  };
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
