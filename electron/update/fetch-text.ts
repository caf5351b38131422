/** Signature files are a few hundred bytes; anything much larger is not one. */
const MAX_BYTES = 64 * 1024;

/**
 * GET for small text files from the update feed, with the fetch the caller trusts (Electron's net.fetch in the
 * app, so the system proxy applies). 404 means "not there" (null); any other failure rejects.
 */
export function createFetchText(fetchFn: typeof fetch): (url: string) => Promise<string | null> {
  return async (url) => {
    const response = await fetchFn(url, { cache: 'no-store', redirect: 'follow' });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_BYTES) throw new Error(`response too large for a signature file: ${url}`);
    return new TextDecoder().decode(body);
  };
}
