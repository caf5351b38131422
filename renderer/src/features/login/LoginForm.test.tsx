import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { de } from '../../../../shared/i18n';
import { loginErrorMessage } from '../../app/login-error';
import { nightContact } from '../../app/night-contact';
import { LoginError, openClient } from '../../data/client';
import { memoryStore } from '../../data/vault';
import { renderWithTheme } from '../../test-render';
import { LoginForm } from './LoginForm';

const SERVER = 'http://127.0.0.1:9';

/** A server that answers every login with one error of the contract (docs/api.md), or no server at all. */
function serverAnswering(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): typeof fetch {
  return () =>
    Promise.resolve(
      new Response(JSON.stringify({ error: { code, message } }), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );
}
const noServer: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));

function renderLogin(fetchFn: typeof fetch) {
  const attempts: string[] = [];
  renderWithTheme(
    <LoginForm
      serverUrl={SERVER}
      onLogin={async (username, password) => {
        attempts.push(username);
        await openClient({
          serverUrl: SERVER,
          username,
          password,
          device: { id: 'test-device', name: 'Test' },
          fetch: fetchFn,
          vault: memoryStore(),
          indexedDB: new IDBFactory(),
          IDBKeyRange,
        });
      }}
    />,
  );
  return attempts;
}

async function login(username = 'bereitschaft.segeberg', password = 'falsch') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Benutzername'), username);
  await user.type(screen.getByLabelText('Passwort'), password);
  await user.keyboard('{Enter}');
  return user;
}

describe('LoginForm', () => {
  it('starts in the user name field and asks for both fields in German', async () => {
    const attempts = renderLogin(noServer);
    expect(screen.getByLabelText('Benutzername')).toHaveFocus();
    await userEvent.setup().keyboard('{Enter}');
    expect(await screen.findAllByText('Bitte ausfüllen.')).toHaveLength(2);
    expect(attempts).toEqual([]);
  });

  it.each([
    [401, 'invalid_credentials', de.errors.invalid_credentials],
    [429, 'too_many_attempts', de.app.login.limits.lockedNoEnd],
    [403, 'device_revoked', de.errors.device_revoked],
  ])('shows the catalogue message for %i %s and clears the password', async (status, code, expected) => {
    renderLogin(serverAnswering(status, code, 'server text'));
    await login();
    expect(await screen.findByRole('alert')).toHaveTextContent(expected);
    expect(screen.getByLabelText('Passwort')).toHaveValue('');
    expect(screen.getByLabelText('Benutzername')).toHaveValue('bereitschaft.segeberg');
  });

  it('says how many attempts are left, then until when the name is locked and whom to ask (issue 12.3)', async () => {
    renderLogin(serverAnswering(401, 'invalid_credentials', 'x', { 'x-obhut-attempts-left': '3' }));
    await login();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `${de.errors.invalid_credentials} Noch 3 Versuche, dann wird die Anmeldung vorübergehend gesperrt.`,
    );
  });

  it('names the end of the lock in Berlin time', async () => {
    const until = Date.UTC(2026, 11, 7, 2, 15); // 03:15 in Berlin (CET)
    renderLogin(
      serverAnswering(429, 'too_many_attempts', 'x', {
        'x-obhut-attempts-left': '0',
        'x-obhut-locked-until': String(until),
      }),
    );
    await login();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Die Anmeldung ist bis 07.12.2026 03:15 Uhr gesperrt.');
    expect(alert).toHaveTextContent(de.app.login.limits.callAdmin);
  });

  it('explains that the first login needs a connection when the server does not answer', async () => {
    renderLogin(noServer);
    await login();
    expect(await screen.findByRole('alert')).toHaveTextContent(de.app.login.errors.offline);
  });
});

describe('whom to call when locked out', () => {
  const locked = new LoginError('too_many_attempts', 'x', { attemptsLeft: 0, lockedUntil: Date.UTC(2026, 6, 1, 1, 0) });

  it('names the contact of the machine policy, with or without a name', () => {
    expect(loginErrorMessage(locked, { name: 'IT-Rufbereitschaft', phone: '04551 951-9999' })).toBe(
      'Die Anmeldung ist bis 01.07.2026 03:00 Uhr gesperrt. ' +
        `${de.app.login.limits.localStillOpens} Hilfe, auch nachts: IT-Rufbereitschaft, Telefon 04551 951-9999.`,
    );
    expect(loginErrorMessage(locked, { name: null, phone: '112' })).toContain(
      'Hilfe, auch nachts: Administration, Telefon 112.',
    );
  });

  it('reads it from the desktop bridge; none in the browser', async () => {
    expect(await nightContact(undefined)).toBeNull();
    const bridge = {
      getConfig: () =>
        Promise.resolve({
          serverUrl: SERVER,
          idleLockMinutes: 10,
          managed: [],
          nightContact: { name: null, phone: '1' },
        }),
    } as unknown as Window['obhut'];
    expect(await nightContact(bridge)).toEqual({ name: null, phone: '1' });
  });
});
