import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NEVER, of } from 'rxjs';

import { REFUSAL_REASONS } from '../../../../shared/catalogues/entry';
import { OFFICE_IDS, type OfficeId } from '../../../../shared/offices';
import {
  type CallToPlacementOf,
  DURATION_BUCKETS,
  perOffice,
  PLACEMENT_AREAS,
  type RefusalReasonKey,
  type VerbundOverview,
  weeksOf,
} from '../../../../shared/overview';
import { suppressSmallCounts } from '../../../../shared/overview-suppression';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import { SyncApi } from '../../data/http';
import { OverviewApi } from '../../data/overview';
import type { SyncStatus } from '../../data/sync-status';
import { renderWithTheme } from '../../test-render';
import { VerbundOverviewPage } from './VerbundOverviewPage';

const NOW = Date.parse('2025-03-19T10:00+01:00'); // a Wednesday
const coordinator = {
  id: 'koordination',
  username: 'koordination',
  displayName: 'Koordination',
  officeId: 'segeberg',
  roles: ['coordinator'],
};

const durations = (measured: number, medianMinutes: number | null, implausible = 0): CallToPlacementOf<number> => ({
  measured,
  medianMinutes,
  buckets: Object.fromEntries(
    DURATION_BUCKETS.map((b, i) => [b, i === 0 ? measured : 0]),
  ) as CallToPlacementOf<number>['buckets'],
  implausible,
});

/**
 * An answer of the server for a period, made as the server makes it (exact counts, then the small ones suppressed):
 * Segeberg and Stormarn with intakes in the first week, Pinneberg with a refusal.
 */
function answer(from: string, to: string): VerbundOverview {
  const weeks = weeksOf(from, to);
  const counts = (c: Partial<Record<OfficeId, number>>) => {
    const byOffice = perOffice((o) => c[o] ?? 0);
    return { ...byOffice, verbund: OFFICE_IDS.reduce((n, o) => n + byOffice[o], 0) };
  };
  const zeroReasons = () =>
    Object.fromEntries([...REFUSAL_REASONS, 'unspecified'].map((r) => [r, 0])) as Record<RefusalReasonKey, number>;
  const byReason = perOffice(zeroReasons);
  byReason.pinneberg.no_place = 1;
  return suppressSmallCounts({
    from,
    to,
    weeks,
    intakes: {
      byWeek: weeks.map((week, i) => ({
        week,
        ...counts(i === 0 ? { segeberg: 5, stormarn: 1, norderstedt: 2 } : {}),
      })),
      total: counts({ segeberg: 5, stormarn: 1, norderstedt: 2 }),
    },
    callToPlacement: {
      byOffice: perOffice((o) => (o === 'segeberg' ? durations(4, 95, 1) : durations(0, null))),
      verbund: durations(4, 95, 1),
    },
    refusals: {
      byWeek: weeks.map((week, i) => ({ week, ...counts(i === 1 ? { pinneberg: 1 } : {}) })),
      total: counts({ pinneberg: 1 }),
      byReason,
    },
    placementAreas: perOffice(
      (o) =>
        Object.fromEntries(
          PLACEMENT_AREAS.map((a) => [a, o === 'segeberg' && a === 'outside_verbund' ? 2 : 0]),
        ) as Record<(typeof PLACEMENT_AREAS)[number], number>,
    ),
  });
}

type Call = { url: URL; authorization: string | null };

/** The page over the app's real OverviewApi and SyncApi; only the network is replaced. */
function renderPage(status: SyncStatus | null, network: (url: URL) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    calls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return network(url);
  }) as typeof fetch;
  const api = new SyncApi('https://obhut.example', fetchFn);
  api.token = 'token-koordination';
  const client = {
    user: coordinator,
    overview: new OverviewApi(api, (request) => request()),
    status$: status ? of(status) : NEVER,
  } as unknown as ObhutClient;
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <VerbundOverviewPage now={() => NOW} />
    </ClientContext.Provider>,
  );
  return calls;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const served = (url: URL) => json(answer(url.searchParams.get('from')!, url.searchParams.get('to')!));
const online = { connection: 'online' } as SyncStatus;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('VerbundOverviewPage', () => {
  it('asks the server for the last twelve weeks with the session token and shows every figure as a table', async () => {
    const calls = renderPage(online, served);
    await screen.findByTestId('overview-period');
    expect(calls).toHaveLength(1);
    expect(calls[0].url.pathname).toBe('/api/v1/overview');
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ from: '2024-12-30', to: '2025-03-19' });
    expect(calls[0].authorization).toBe('Bearer token-koordination');
    expect(screen.getByTestId('overview-period')).toHaveTextContent('Zeitraum 30.12.2024 bis 19.03.2025');

    const intakes = screen.getByTestId('overview-intakes');
    const rows = within(intakes).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12 + 1);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('Woche ab 30.12.2024');
    // Stormarn's one and Norderstedt's two intakes: "< 3", so no single child can be recognised.
    expect(cells(rows[0])).toEqual(['5', '< 3', '0', '0', '< 3', '8']);
    expect(cells(rows[12])).toEqual(['5', '< 3', '0', '0', '< 3', '8']);
    expect(screen.getByText(/„< 3“ steht für weniger als drei Fälle/)).toBeInTheDocument();
    expect(within(rows[12]).getByRole('rowheader')).toHaveTextContent('Summe');
    expect(
      within(intakes)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining(['Kreis Segeberg', 'Stadt Norderstedt', 'Verbund gesamt']));

    const segeberg = within(screen.getByTestId('overview-duration'))
      .getAllByRole('row')
      .find((r) => r.dataset.office === 'segeberg')!;
    expect(cells(segeberg)).toEqual(['4', '1 Std. 35 Min.', '4', '0', '0', '0', '0', '< 3']);
    const none = within(screen.getByTestId('overview-duration'))
      .getAllByRole('row')
      .find((r) => r.dataset.office === 'norderstedt')!;
    expect(cells(none)[1]).toBe('–');

    const reasons = within(screen.getByTestId('overview-refusal-reasons'))
      .getAllByRole('row')
      .find((r) => r.dataset.office === 'pinneberg')!;
    expect(cells(reasons)[0]).toBe('< 3');
    const areas = within(screen.getByTestId('overview-areas'))
      .getAllByRole('row')
      .find((r) => r.dataset.office === 'segeberg')!;
    expect(cells(areas)).toEqual(['0', '0', '< 3', '0']);
    // Every per-office table: a row per office; the durations end with the Verbund.
    const offices = (testId: string) =>
      within(screen.getByTestId(testId))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.dataset.office);
    expect(offices('overview-duration')).toEqual([...OFFICE_IDS, 'verbund']);
    expect(offices('overview-refusal-reasons')).toEqual([...OFFICE_IDS]);
    expect(offices('overview-areas')).toEqual([...OFFICE_IDS]);
    const verbund = within(screen.getByTestId('overview-duration')).getAllByRole('row').at(-1)!;
    expect(within(verbund).getByRole('rowheader')).toHaveTextContent('Verbund gesamt');
    expect(cells(verbund)).toEqual(['4', '1 Std. 35 Min.', '4', '0', '0', '0', '0', '< 3']);
    expect(
      within(screen.getByTestId('overview-areas'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Jugendamt',
      'Im eigenen Kreis',
      'In einem anderen Kreis des Verbunds',
      'Außerhalb des Verbunds',
      'Lage unbekannt',
    ]);
    expect(screen.getByTestId('overview-duration-chart')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByTestId('overview-areas-chart')).toHaveAttribute('aria-hidden', 'true');
    // The charts are pictures of these tables: screen readers skip them.
    expect(screen.getByTestId('overview-intakes-chart')).toHaveAttribute('aria-hidden', 'true');
  });

  it('asks again for a chosen period and refuses a period that is too long', async () => {
    const calls = renderPage(online, served);
    await screen.findByTestId('overview-period');
    const user = userEvent.setup();
    const from = screen.getByLabelText(/^Von/);
    await user.clear(from);
    await user.type(from, '01.01.2024');
    expect(screen.getByRole('alert')).toHaveTextContent('höchstens 53 Wochen');
    expect(screen.getByRole('button', { name: 'Anzeigen' })).toBeDisabled();
    await user.clear(from);
    await user.type(from, '03.03.2025');
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    await waitFor(() =>
      expect(screen.getByTestId('overview-period')).toHaveTextContent('Zeitraum 03.03.2025 bis 19.03.2025'),
    );
    expect(Object.fromEntries(calls[calls.length - 1].url.searchParams)).toEqual({
      from: '2025-03-03',
      to: '2025-03-19',
    });
    expect(within(screen.getByTestId('overview-intakes')).getAllByRole('row')).toHaveLength(1 + 3 + 1);
  });

  it('says that the overview needs a connection when offline, and asks nothing', async () => {
    const calls = renderPage({ connection: 'offline' } as SyncStatus, served);
    expect(await screen.findByTestId('overview-offline')).toHaveTextContent(
      'Die Verbund-Übersicht braucht eine Verbindung zum Server.',
    );
    expect(calls).toEqual([]);
    expect(screen.queryByTestId('overview-intakes')).toBeNull();
  });

  it('says the same when the server does not answer, and loads on retry', async () => {
    let up = false;
    renderPage(online, (url) => {
      if (!up) throw new TypeError('Failed to fetch');
      return served(url);
    });
    expect(await screen.findByTestId('overview-offline')).toHaveTextContent('braucht eine Verbindung');
    up = true;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Erneut laden' }));
    expect(await screen.findByTestId('overview-intakes')).toBeInTheDocument();
  });

  it('shows the server’s German message when it refuses', async () => {
    renderPage(online, () =>
      json({ error: { code: 'forbidden', message: 'Dafür fehlt Ihnen die Berechtigung.' } }, 403),
    );
    expect(await screen.findByTestId('overview-failed')).toHaveTextContent('Dafür fehlt Ihnen die Berechtigung.');
  });
});
