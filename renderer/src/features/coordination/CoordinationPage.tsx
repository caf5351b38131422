import { Stack, Tabs, Title } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import { useNow } from '../../app/use-now';
import { useFacilities, useHolds, usePendingIds } from '../../data/hooks';
import { FacilitiesEditor } from './FacilitiesEditor';
import { FreePlacesReport } from './FreePlacesReport';
import { HoldsOverview } from './HoldsOverview';
import { OccupancyChart } from './OccupancyChart';

const t = de.app.coordination;

/** The Verbund coordination (role coordinator): free places, the facilities, occupancy, holds to look at. */
export function CoordinationPage() {
  const now = useNow();
  const facilities = useFacilities();
  const holds = useHolds();
  const pendingIds = usePendingIds();

  return (
    <Stack data-testid="coordination" pb={96}>
      <Title order={2}>{t.title}</Title>
      <Tabs defaultValue="report" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="report">{t.tabs.report}</Tabs.Tab>
          <Tabs.Tab value="facilities">{t.tabs.facilities}</Tabs.Tab>
          <Tabs.Tab value="occupancy">{t.tabs.occupancy}</Tabs.Tab>
          <Tabs.Tab value="holds">{t.tabs.holds}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="report" pt="md">
          <FreePlacesReport facilities={facilities} holds={holds} now={now} pendingIds={pendingIds} />
        </Tabs.Panel>
        <Tabs.Panel value="facilities" pt="md">
          <FacilitiesEditor facilities={facilities} />
        </Tabs.Panel>
        <Tabs.Panel value="occupancy" pt="md">
          <OccupancyChart holds={holds} now={now} />
        </Tabs.Panel>
        <Tabs.Panel value="holds" pt="md">
          <HoldsOverview facilities={facilities} holds={holds} now={now} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
