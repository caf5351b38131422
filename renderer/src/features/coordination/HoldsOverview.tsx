import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { expiredHolds, longRunningHolds } from '../../../../shared/placement/attention';
import { effectiveHoldStatus } from '../../../../shared/placement/expiry';
import { type FreePlaces, freePlaces } from '../../../../shared/placement/freePlaces';
import { OFFICE_DUTY_PHONES } from '../../../../shared/placement/officeContacts';
import { roomOf, ROOMS } from '../../../../shared/placement/rooms';
import type { Facility } from '../../../../shared/schema/facility';
import type { Hold } from '../../../../shared/schema/hold';

const t = de.app.coordination.holds;
const c = t.columns;

type Props = { facilities: Facility[]; holds: Hold[]; now: number };

/**
 * What the coordinator should look at: over-booked facilities (with whom to call), lapsed and long holds. A
 * facility's ordinary places and its mother-and-child room are over-booked apart, each shown with its own count.
 */
export function HoldsOverview({ facilities, holds, now }: Props) {
  const names = useMemo(() => new Map(facilities.map((f) => [f.id, f.name])), [facilities]);
  const overbooked = useMemo(
    () =>
      facilities
        .flatMap((f) =>
          ROOMS.map((room) => ({
            facility: f,
            room,
            flagged: holds.filter((h) => h.facilityId === f.id && h.overbooked && roomOf(h) === room),
          })),
        )
        .filter((x) => x.flagged.length > 0),
    [facilities, holds],
  );
  const expired = useMemo(() => expiredHolds(holds, now), [holds, now]);
  const long = useMemo(() => longRunningHolds(holds, now), [holds, now]);

  return (
    <Stack>
      <Title order={3} size="h4">
        {t.overbooked}
      </Title>
      {overbooked.length === 0 ? (
        <Text c="dimmed">{t.none}</Text>
      ) : (
        <Table data-testid="overbooked-facilities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.facility}</Table.Th>
              <Table.Th>{c.free}</Table.Th>
              <Table.Th>{c.office}</Table.Th>
              <Table.Th>{c.phone}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overbooked.flatMap(({ facility, room, flagged }) =>
              flagged.map((h, i) => (
                <Table.Tr key={h.id} data-testid="overbooked-hold" data-room={room}>
                  <Table.Td>{i === 0 ? facility.name : ''}</Table.Td>
                  <Table.Td>{i === 0 ? freeLabel(freePlaces(facility, holds, now, room)) : ''}</Table.Td>
                  <Table.Td>{de.offices[h.officeId]}</Table.Td>
                  <Table.Td>{OFFICE_DUTY_PHONES[h.officeId]}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      )}
      <HoldTable title={t.expired} holds={expired} names={names} now={now} testId="expired-holds" />
      <HoldTable title={t.longRunning} holds={long} names={names} now={now} testId="long-running-holds" />
    </Stack>
  );
}

const freeLabel = (free: FreePlaces) =>
  free.room === 'ordinary'
    ? de.placement.freePlaces(free.free)
    : de.placement.motherChildRoom(free.free, free.capacity);

function HoldTable({
  title,
  holds,
  names,
  now,
  testId,
}: {
  title: string;
  holds: Hold[];
  names: Map<string, string>;
  now: number;
  testId: string;
}) {
  return (
    <>
      <Title order={3} size="h4">
        {title}
      </Title>
      {holds.length === 0 ? (
        <Text c="dimmed">{t.none}</Text>
      ) : (
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.facility}</Table.Th>
              <Table.Th>{c.office}</Table.Th>
              <Table.Th>{c.ageGroup}</Table.Th>
              <Table.Th>{c.from}</Table.Th>
              <Table.Th>{c.expiresAt}</Table.Th>
              <Table.Th>{c.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holds.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{names.get(h.facilityId) ?? h.facilityId}</Table.Td>
                <Table.Td>{de.offices[h.officeId]}</Table.Td>
                <Table.Td>{de.placement.holdAgeGroups[h.ageGroup]}</Table.Td>
                <Table.Td>{formatDateTime(h.from)}</Table.Td>
                <Table.Td>{formatDateTime(h.expiresAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none">
                    {de.placement.holdStatus[effectiveHoldStatus(h, now)]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
