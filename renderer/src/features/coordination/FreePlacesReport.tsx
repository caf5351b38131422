import { Badge, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

import { de } from '../../../../shared/i18n';
import { freePlaces } from '../../../../shared/placement/freePlaces';
import { hasMotherChildRoom } from '../../../../shared/placement/rooms';
import { isReportStale, reportStandLabel } from '../../../../shared/placement/staleness';
import type { Facility } from '../../../../shared/schema/facility';
import type { Hold, HoldRoom } from '../../../../shared/schema/hold';
import { useClient } from '../../app/client-context';

const t = de.app.coordination.report;
const collator = new Intl.Collator('de');

type Props = { facilities: Facility[]; holds: Hold[]; now: number; pendingIds: ReadonlySet<string> };

/**
 * Report free places quickly: one field per facility, Enter reports it. Tab moves to the next facility's field,
 * so a round of phone calls is typed in without the mouse. A mother-and-child room has a row of its own right
 * after its house: it is reported on its own (shared/placement/rooms.ts).
 */
export function FreePlacesReport({ facilities, holds, now, pendingIds }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = useMemo(() => [...facilities].sort((a, b) => collator.compare(a.name, b.name)), [facilities]);
  const byFacility = useMemo(() => {
    const map = new Map<string, Hold[]>();
    for (const h of holds) map.set(h.facilityId, [...(map.get(h.facilityId) ?? []), h]);
    return map;
  }, [holds]);

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t.intro}
      </Text>
      {notice && (
        <Text c="teal" role="status" mb="sm" data-testid="report-notice">
          {notice}
        </Text>
      )}
      <Table aria-label={de.app.coordination.tabs.report} data-testid="free-places-report">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.facility}</Table.Th>
            <Table.Th>{t.current}</Table.Th>
            <Table.Th>{t.stand}</Table.Th>
            <Table.Th>{t.newValue}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.flatMap((f) =>
            (hasMotherChildRoom(f) ? (['ordinary', 'mother_child'] as const) : (['ordinary'] as const)).map((room) => (
              <ReportRow
                key={`${f.id}-${room}`}
                facility={f}
                room={room}
                holds={byFacility.get(f.id) ?? []}
                now={now}
                pending={pendingIds.has(f.id)}
                onReported={(free) => setNotice(t.reported(rowName(f, room), free))}
              />
            )),
          )}
        </Table.Tbody>
      </Table>
    </>
  );
}

const rowName = (facility: Facility, room: HoldRoom) =>
  room === 'ordinary' ? facility.name : t.motherChildRoom(facility.name);

function ReportRow({
  facility,
  room,
  holds,
  now,
  pending,
  onReported,
}: {
  facility: Facility;
  room: HoldRoom;
  holds: Hold[];
  now: number;
  pending: boolean;
  onReported: (free: number) => void;
}) {
  const client = useClient();
  const [value, setValue] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const shown = freePlaces(facility, holds, now, room);
  const name = rowName(facility, room);
  return (
    <Table.Tr data-testid="report-row" data-facility-id={facility.id} data-room={room}>
      <Table.Td>
        <Text fw={room === 'ordinary' ? 600 : undefined}>{name}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Text c={shown.free < 0 ? 'red' : undefined} data-testid="report-current" data-free={shown.free}>
            {de.placement.freePlaces(shown.free)}
          </Text>
          {pending && (
            <Badge color="yellow" variant="light" tt="none">
              {de.app.intakes.markers.pending}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={isReportStale(shown.reportedAt, now) ? 'orange' : 'dimmed'}>
          {reportStandLabel(shown.reportedAt, now)}
        </Text>
      </Table.Td>
      <Table.Td>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (value === '') return;
            if (value > shown.capacity) {
              setError(room === 'ordinary' ? t.tooMany(shown.capacity) : t.tooManyInRoom(shown.capacity));
              return;
            }
            setError(null);
            await client.facilities.reportFree(facility.id, value, room);
            setValue('');
            onReported(value);
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <NumberInput
              aria-label={t.inputLabel(name)}
              min={0}
              max={shown.capacity}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              w={90}
              value={value}
              onChange={(v) => setValue(typeof v === 'number' ? v : '')}
              error={error}
            />
            <Button type="submit" size="xs" variant="light" aria-label={t.submitLabel(name)}>
              {t.submit}
            </Button>
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  );
}
