import { DEFAULT_SERVER_URL, resolveServerUrl } from './server-url';

describe('resolveServerUrl', () => {
  it('takes the machine configuration in Electron', async () => {
    const bridge = {
      appVersion: '0.1.0',
      getConfig: async () => ({ serverUrl: 'https://obhut.example.org/', idleLockMinutes: 10, managed: [] }),
      openExternal: async () => {},
    };
    expect(await resolveServerUrl(bridge, '?server=http://x', 'http://env')).toBe('https://obhut.example.org');
  });

  it('prefers ?server= over the build variable in the browser', async () => {
    expect(await resolveServerUrl(undefined, '?server=http://127.0.0.1:4000', 'http://env:1')).toBe(
      'http://127.0.0.1:4000',
    );
    expect(await resolveServerUrl(undefined, '', 'http://env:1')).toBe('http://env:1');
    expect(await resolveServerUrl(undefined, '', undefined)).toBe(DEFAULT_SERVER_URL);
  });
});
