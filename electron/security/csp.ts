/**
 * The Content-Security-Policy of every response the app serves. Scripts only from the app itself, no eval, no
 * frames, no plugins; the network only to the app and the configured server (pull, push and the SSE stream).
 * Styles allow inline because Mantine writes its CSS variables into a <style> element and style props into
 * style attributes; CSS cannot run code, so this does not reopen script injection.
 */
export function contentSecurityPolicy(serverUrl: string): string {
  const server = new URL(serverUrl).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${server}`,
    "worker-src 'self'",
    "frame-src 'none'",
    "child-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
