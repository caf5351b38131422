import {
  Alert,
  AppShell,
  Button,
  Group,
  Menu,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';

import { assertNever } from '../../../shared/assert-never';
import { formatDateTime } from '../../../shared/format';
import { de } from '../../../shared/i18n';
import { type Caller, mayAtAll, type Operation, type Resource } from '../../../shared/rules/authz';
import type { ObhutClient } from '../data/client';
import { useIntakesById, useOutboxEntries, useSyncStatus } from '../data/hooks';
import { AccessRequestPage } from '../features/access-request/AccessRequestPage';
import { AdminPage } from '../features/admin/AdminPage';
import { CoordinationPage } from '../features/coordination/CoordinationPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { DirectorySearch } from '../features/directory/DirectorySearch';
import { IntakesPage } from '../features/night-record/IntakesPage';
import { ObligationsPage } from '../features/obligations/ObligationsPage';
import { PlacementBoardPage } from '../features/placement-board/PlacementBoardPage';
import { RemovedFromLaptop } from '../features/privacy/RemovedFromLaptop';
import { useLaptopPurge } from '../features/privacy/use-laptop-purge';
import { ReviewPage } from '../features/review/ReviewPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { DamagedRecordsNotice } from '../features/store/StoreNotices';
import { StatusBar } from '../features/sync-status/StatusBar';
import { SyncLogButton } from '../features/sync-status/SyncLogDialog';
import { VerbundOverviewPage } from '../features/verbund-overview/VerbundOverviewPage';
import { nameOf } from '../record/name';
import { useClient } from './client-context';
import { loginErrorMessage } from './login-error';
import { NavigationContext, type View } from './navigation';
import { nightRecordPapers, reviewPapers } from './record-papers';

const t = de.app.shell;

/** The logged-in app (the session's client comes from App's context): header, areas, the status bar in view. */
export function Session({
  onLogout,
  onLock,
}: {
  onLogout: () => Promise<void>;
  /** Locks now: the database closes, the lock screen asks for the password. */
  onLock?: () => void;
}) {
  const client = useClient();
  const status = useSyncStatus();
  useLaptopPurge(client.laptopCopies);
  // The status bar names the records of the refused writes: only those are read, not every record.
  const rejectedIds = useMemo(() => (status?.rejections ?? []).map((r) => r.id), [status?.rejections]);
  const rejected = useIntakesById(rejectedIds);
  const office = de.offices[client.user.officeId as keyof typeof de.offices] ?? client.user.officeId;
  const areas = areasOf(client.user);
  const [view, setView] = useState<View>({ kind: areas[0] } as View);
  const navigation = useMemo(() => ({ view, go: setView }), [view]);
  const outbox = useOutboxEntries(client.outbox);
  const othersWaiting = useMemo(() => outbox.filter((e) => e.userId !== client.user.id), [outbox, client]);
  const [askLogout, setAskLogout] = useState<{ pending: number; until: number | null } | null>(null);
  const logout = () => {
    const pending = status?.pendingCount ?? 0;
    // The author is told what becomes of unsent changes before leaving (docs/outbox.md).
    if (pending > 0) setAskLogout({ pending, until: client.outboxDeliverableUntil() });
    else void onLogout();
  };
  // The display name often names the office already ("Bereitschaft Kreis Segeberg"): then it is not repeated.
  const signedInAs = client.user.displayName.includes(office)
    ? client.user.displayName
    : t.signedInAs(client.user.displayName, office);
  // Areas side by side where they fit beside title, directory, name and buttons, else one menu button. Calibrated
  // (test/e2e/layout.test.ts): at 1024 px on-call and coordination need the menu; at 1280 px six areas fit.
  const navFits = useMediaQuery(`(min-width: ${850 + areas.length * 70}px)`, true) ?? true;

  return (
    <NavigationContext.Provider value={navigation}>
      <AppShell header={{ height: 56 }} footer={{ height: 'auto' }} padding="md">
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={1} size="h3">
                {de.app.name}
              </Title>
              <Text size="sm" c="dimmed" visibleFrom="xl">
                {t.tagline}
              </Text>
              {areas.length > 1 &&
                (navFits ? (
                  <SegmentedControl
                    aria-label={de.app.nav.label}
                    size="xs"
                    value={view.kind}
                    onChange={(kind) => setView({ kind })}
                    data={areas.map((a) => ({ value: a, label: navLabel(a) }))}
                  />
                ) : (
                  <AreaMenu areas={areas} current={view.kind} onChoose={(kind) => setView({ kind })} />
                ))}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <DirectorySearch />
              <Text size="sm" data-testid="current-user" truncate="end" maw={260} title={signedInAs}>
                {signedInAs}
              </Text>
              {onLock && (
                <Button variant="default" size="xs" onClick={onLock}>
                  {de.security.lock.lockNow}
                </Button>
              )}
              <Button variant="default" size="xs" onClick={logout}>
                {t.logout}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          <Stack maw={1100} mx="auto">
            {client.unlockedOffline && status?.auth.state === 'ok' && status.connection !== 'online' && (
              <Alert color="blue">{t.offlineSession}</Alert>
            )}
            {status?.auth.state === 'failed' && <Reauthenticate client={client} />}
            <DamagedRecordsNotice records={client.damagedRecords} />
            <AreaView view={view} />
          </Stack>
        </AppShell.Main>
        <AppShell.Footer p="xs" px="md">
          <StatusBar
            status={status}
            describe={(id) => {
              const intake = rejected.get(id);
              return intake ? nameOf(intake) : id;
            }}
            outbox={othersWaiting}
            log={<SyncLogButton />}
          />
        </AppShell.Footer>
      </AppShell>
      <Modal opened={askLogout !== null} onClose={() => setAskLogout(null)} title={t.logoutPending.title} centered>
        {askLogout && (
          <Stack>
            <Text data-testid="logout-pending-text">
              {askLogout.until === null
                ? t.logoutPending.stranded(askLogout.pending)
                : t.logoutPending.sealed(askLogout.pending, formatDateTime(askLogout.until))}
            </Text>
            <Text size="sm" c="dimmed">
              {t.logoutPending.others}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAskLogout(null)} data-autofocus>
                {t.logoutPending.stay}
              </Button>
              <Button color="yellow" onClick={() => void onLogout()}>
                {t.logoutPending.confirm}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </NavigationContext.Provider>
  );
}

type Area = View['kind'];
/**
 * Case data only for those who handle cases; the board for everyone; coordination for its role and admins; the
 * Verbund overview (counts only) for coordinators and supervisors.
 */
/** The page of the current view: every kind of view has its page (a new one that has none is a type error). */
function AreaView({ view }: { view: View }) {
  switch (view.kind) {
    case 'intakes':
      return <IntakesPage papers={nightRecordPapers} removed={<RemovedFromLaptop />} />;
    case 'board':
      return <PlacementBoardPage key={view.intakeId} intakeId={view.intakeId} />;
    case 'review':
      return <ReviewPage key={view.intakeId} intakeId={view.intakeId} papers={reviewPapers} />;
    case 'obligations':
      return <ObligationsPage />;
    case 'overview':
      return <VerbundOverviewPage />;
    case 'coordination':
      return <CoordinationPage />;
    case 'admin':
      return <AdminPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'accessRequest':
      return <AccessRequestPage />;
    case 'directory':
      return <DirectoryPage />;
    default:
      return assertNever(view);
  }
}

function areasOf(user: Caller): Area[] {
  const may = <R extends Resource>(resource: R, operation: Operation<R>) => mayAtAll(user, resource, operation);
  const areas: Area[] = [];
  if (may('intakes', 'read')) areas.push('intakes');
  if (may('intakes', 'countersign')) areas.push('review');
  if (may('intakes', 'read')) areas.push('obligations');
  if (may('facilities', 'write')) areas.push('coordination');
  areas.push('board');
  if (may('intakes', 'statistics')) areas.push('statistics');
  if (may('overview', 'read')) areas.push('overview');
  if (may('users', 'read')) areas.push('admin');
  return areas;
}

function navLabel(area: Area): string {
  if (area === 'admin') return de.security.admin.nav;
  if (area === 'statistics') return de.statistics.nav;
  if (area === 'accessRequest') return de.privacy.accessRequest.nav;
  if (area === 'review') return de.review.ui.nav;
  if (area === 'obligations') return de.obligations.nav;
  if (area === 'overview') return de.overview.nav;
  if (area === 'directory') return de.contacts.nav;
  return de.app.nav[area];
}

/** The areas as one menu button (narrow windows): the button names the current area. */
function AreaMenu({ areas, current, onChoose }: { areas: Area[]; current: Area; onChoose: (area: Area) => void }) {
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t.areaMenu(navLabel(current))}>
          {navLabel(current)} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={de.app.nav.label}>
        {areas.map((a) => (
          <Menu.Item key={a} onClick={() => onChoose(a)} aria-current={a === current ? 'page' : undefined}>
            {navLabel(a)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Reauthenticate({ client }: { client: ObhutClient }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Alert color="red" title={t.authFailed}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (async () => {
            try {
              await client.reauthenticate(password);
              setError(null);
            } catch (err) {
              setError(loginErrorMessage(err));
            }
            setPassword('');
          })();
        }}
      >
        <Group align="end">
          <PasswordInput
            label={de.app.login.password}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
          />
          <Button type="submit">{t.reauthenticate}</Button>
        </Group>
      </form>
    </Alert>
  );
}
