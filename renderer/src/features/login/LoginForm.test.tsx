import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { de } from '../../../../shared/i18n';
import { openClient } from '../../data/client';
import { memoryStore } from '../../data/vault';
import { renderWithTheme } from '../../test-render';
import { LoginForm } from './LoginForm';

const SERVER = 'http://127.0.0.1:9';

/** A server that answers every login with one error of the contract (sync-api.md), or no server at all. */
function serverAnswering(status: number, code: string, message: string): typeof fetch {
  return async () =>
    new Response(JSON.stringify({ error: { code, message } }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}
const noServer: typeof fetch = async () => {
  throw new TypeError('fetch failed');
};

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
    [429, 'too_many_attempts', de.errors.too_many_attempts],
    [403, 'device_revoked', de.errors.device_revoked],
  ])('shows the catalogue message for %i %s and clears the password', async (status, code, expected) => {
    renderLogin(serverAnswering(status, code, 'server text'));
    await login();
    expect(await screen.findByRole('alert')).toHaveTextContent(expected);
    expect(screen.getByLabelText('Passwort')).toHaveValue('');
    expect(screen.getByLabelText('Benutzername')).toHaveValue('bereitschaft.segeberg');
  });

  it('explains that the first login needs a connection when the server does not answer', async () => {
    renderLogin(noServer);
    await login();
    expect(await screen.findByRole('alert')).toHaveTextContent(de.app.login.errors.offline);
  });
});
