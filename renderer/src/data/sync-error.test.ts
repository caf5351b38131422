import { newRxError } from 'rxdb';

import { ApiError, NetworkError } from './http';
import { syncErrorText } from './sync-error';

describe('the last sync error in words', () => {
  it('says the server is unreachable for a network failure, also wrapped in RxDB’s replication error', () => {
    const network = new NetworkError(new TypeError('fetch failed'));
    expect(syncErrorText(network)).toContain('nicht erreichbar');
    expect(syncErrorText(newRxError('RC_PULL', { errors: [network], direction: 'pull' }))).toContain(
      'nicht erreichbar',
    );
  });

  it('gives the catalogue’s sentence for a known code and the HTTP status for an unknown one, never English', () => {
    expect(syncErrorText(new ApiError(401, 'token_expired', 'token expired'))).toBe(
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    );
    expect(syncErrorText(new ApiError(502, 'bad_gateway', 'Bad Gateway'))).toBe(
      'Der Server hat mit einem Fehler geantwortet (HTTP 502). Die Übertragung wird wiederholt.',
    );
    expect(syncErrorText(new Error('Cannot read properties of undefined (reading "child")'))).toContain(
      'lokale Datenbank',
    );
  });
});
