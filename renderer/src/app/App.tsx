import { Center, Loader, MantineProvider, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

import { de } from '../../../shared/i18n';
import type { SessionUser } from '../../../shared/sync/protocol';
import { LoginError, type ObhutClient, openClient } from '../data/client';
import { useOutboxEntries } from '../data/hooks';
import type { StoreUpgradeProgress } from '../data/sealed-storage';
import { wipeDevice } from '../data/wipe';
import { LockScreen } from '../features/lock/LockScreen';
import { RevokedScreen, type WipeState } from '../features/lock/RevokedScreen';
import { type LockCause, useAutoLock, useIdleLockMinutes } from '../features/lock/use-auto-lock';
import { LoginForm } from '../features/login/LoginForm';
import { StoreUpgradeNotice } from '../features/store/StoreNotices';
import { OutboxNotice } from '../features/sync-status/OutboxNotice';
import { ClientContext } from './client-context';
import { deviceIdentity } from './device';
import { ErrorBoundary } from './ErrorBoundary';
import { OpenRecordProvider } from './open-record';
import { resolveServerUrl } from './server-url';
import { Session } from './Session';
import { cssVariablesResolver, theme } from './theme';
import { useOutboxCourier } from './use-outbox-courier';

const LAST_USER_KEY = 'obhut.lastUsername';

/**
 * Where the app is. Locked: the database is closed and the key dropped; only who was working stays, so that the
 * same person can unlock with the password (offline too). Revoked: the server said so; the device is wiped.
 */
type Phase =
  | { kind: 'login' }
  | { kind: 'session'; client: ObhutClient; username: string }
  | { kind: 'locked'; user: SessionUser; username: string; cause: LockCause }
  | { kind: 'revoked'; state: WipeState; lost: number };

export function App() {
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'login' });
  // The first unlock after the update rewrites the store (sealed-storage.ts): its progress, while it runs.
  const [upgrade, setUpgrade] = useState<StoreUpgradeProgress | null>(null);
  const idleMinutes = useIdleLockMinutes();
  const client = phase.kind === 'session' ? phase.client : null;
  const outbox = useOutboxCourier(serverUrl, client?.user.id ?? null);
  const waiting = useOutboxEntries(outbox);

  useEffect(() => {
    void resolveServerUrl().then(setServerUrl);
  }, []);
  useEffect(() => {
    if (!client) return;
    const close = () => void client.close();
    window.addEventListener('pagehide', close);
    return () => window.removeEventListener('pagehide', close);
  }, [client]);

  const revoke = useCallback(async (closing: ObhutClient | null) => {
    let lost = 0;
    try {
      lost = closing?.status.pendingCount ?? 0;
    } catch {
      // status not computed yet: nothing was counted as pending in this session
    }
    setPhase({ kind: 'revoked', state: 'wiping', lost });
    try {
      await closing?.close();
      await wipeDevice({ store: localStorage });
      setPhase({ kind: 'revoked', state: 'done', lost });
    } catch {
      setPhase({ kind: 'revoked', state: 'failed', lost });
    }
  }, []);

  useEffect(() => {
    if (!client) return;
    const sub = client.revoked$.subscribe((revoked) => {
      if (revoked) void revoke(client);
    });
    return () => sub.unsubscribe();
  }, [client, revoke]);

  const lock = useCallback(
    (cause: LockCause) => {
      if (phase.kind !== 'session') return;
      // Unmount the session first and at once (its components hold decrypted records; an open record writes what
      // was typed as it unmounts), then close the database, which lets those writes land first.
      flushSync(() => setPhase({ kind: 'locked', user: phase.client.user, username: phase.username, cause }));
      void phase.client.close();
    },
    [phase],
  );
  useAutoLock({ active: phase.kind === 'session', idleMinutes, onLock: lock });

  /** Login and unlock: a revoked device learns it here too, and wipes. */
  const open = async (username: string, password: string) => {
    try {
      const opened = await openClient({
        serverUrl: serverUrl!,
        username,
        password,
        device: deviceIdentity(),
        onStoreUpgrade: setUpgrade,
      });
      localStorage.setItem(LAST_USER_KEY, username);
      setPhase({ kind: 'session', client: opened, username });
    } catch (err) {
      if (err instanceof LoginError && err.code === 'device_revoked') {
        await revoke(null);
        return;
      }
      throw err;
    } finally {
      setUpgrade(null);
    }
  };

  let content;
  if (!serverUrl) {
    content = (
      <Center h="100vh" aria-label={de.app.shell.loading}>
        <Loader />
      </Center>
    );
  } else if (phase.kind === 'login') {
    content = (
      <Stack gap="md">
        <LoginForm serverUrl={serverUrl} initialUsername={localStorage.getItem(LAST_USER_KEY) ?? ''} onLogin={open} />
        <Center>
          <StoreUpgradeNotice progress={upgrade} />
        </Center>
        <Center>
          <OutboxNotice entries={waiting} />
        </Center>
      </Stack>
    );
  } else if (phase.kind === 'locked') {
    content = (
      <Stack gap="md">
        <LockScreen
          displayName={phase.user.displayName}
          cause={phase.cause}
          idleMinutes={idleMinutes}
          onUnlock={(password) => open(phase.username, password)}
          onSwitchUser={() => setPhase({ kind: 'login' })}
        />
        <Center>
          <StoreUpgradeNotice progress={upgrade} />
        </Center>
      </Stack>
    );
  } else if (phase.kind === 'revoked') {
    content = <RevokedScreen state={phase.state} lost={phase.lost} />;
  } else {
    const current = phase.client;
    content = (
      <ClientContext.Provider value={current}>
        <OpenRecordProvider>
          <Session
            onLock={() => lock('manual')}
            onLogout={async () => {
              await current.logout();
              setPhase({ kind: 'login' });
            }}
          />
        </OpenRecordProvider>
      </ClientContext.Provider>
    );
  }

  // The session has its own main landmark (AppShell.Main); login, lock and wipe screens are one main each.
  if (phase.kind !== 'session') content = <main>{content}</main>;

  return (
    <MantineProvider theme={theme} defaultColorScheme="dark" cssVariablesResolver={cssVariablesResolver}>
      <ErrorBoundary>{content}</ErrorBoundary>
    </MantineProvider>
  );
}
