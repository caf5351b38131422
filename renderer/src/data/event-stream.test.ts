import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { firstValueFrom } from 'rxjs';

import { eventStream } from './event-stream';
import { SyncApi } from './http';

/**
 * The change stream against a real HTTP server that first refuses the token (401), then streams: a renewal of the
 * token that fails (the network went away meanwhile) must not end the stream for good.
 */
describe('eventStream', () => {
  let server: Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_request, res) => {
      requests++;
      if (requests === 1) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'token_expired', message: 'Token abgelaufen' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: "RESYNC"\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('goes on after a token renewal that failed, and says so', async () => {
    const errors: unknown[] = [];
    const stream = eventStream({
      api: new SyncApi(url, (input, init) => fetch(input, init)),
      collection: 'intakes',
      backoff: { baseMs: 5, capMs: 20 },
      onUnauthorized: () => Promise.reject(new TypeError('fetch failed: network is offline')),
      onError: (err) => errors.push(err),
    });
    expect(await firstValueFrom(stream)).toBe('RESYNC');
    expect(requests).toBe(2);
    expect(errors).toEqual([new TypeError('fetch failed: network is offline')]);
  });
});
