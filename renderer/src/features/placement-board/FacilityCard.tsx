import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { mismatchLabel } from '../../../../shared/placement/labels';
import { reportStandLabel } from '../../../../shared/placement/staleness';
import type { Facility } from '../../../../shared/schema/facility';
import type { HoldStatus } from '../../../../shared/schema/hold';
import type { BoardCard, HoldView } from './board-model';

const t = de.app.board;
const p = de.placement;

type Props = {
  card: BoardCard;
  now: number;
  /** Absent: the viewer may not hold places (coordination, administration). */
  onHold?: (facility: Facility) => void;
  onSetStatus?: (holdId: string, status: HoldStatus) => void;
  /** The name of one of the office's intakes, where this device has it. */
  intakeName: (id: string) => string | undefined;
};

function freeColor(free: number): string {
  if (free < 0) return 'red';
  return free === 0 ? 'gray' : 'teal';
}

/** One facility on the board: free places with the age of the report, fit to the search, the office's holds. */
export const FacilityCard = memo(function FacilityCard({ card, now, onHold, onSetStatus, intakeName }: Props) {
  const { facility, free, motherChildRoom, stale, fits, mismatches } = card.match;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="facility-card"
      data-facility-id={facility.id}
      data-fits={fits}
      data-free={free.free}
      // Not faded (that cut the text's contrast below 4.5:1): the badge says it does not fit, the border is dashed.
      style={fits ? undefined : { borderStyle: 'dashed' }}
      component="article"
      aria-label={facility.name}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3} size="h4">
              {facility.name}
            </Title>
            <Badge variant="light" color="gray" tt="none">
              {p.facilityTypes[facility.type]}
            </Badge>
            <Badge variant="light" color={fits ? 'teal' : 'gray'} tt="none">
              {fits ? t.card.fits : t.card.doesNotFit}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              facility.provider,
              `${facility.address.town} (${p.areas[facility.area]})`,
              t.card.ages(facility.ageMin, facility.ageMax),
              facility.sexes.map((s) => de.nightRecord.sexes[s]).join(', '),
              facility.siblingGroupMax > 1 ? t.card.siblings(facility.siblingGroupMax) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Text size="sm">{t.card.phone(facility.dutyPhone)}</Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text fz="xl" fw={700} c={freeColor(free.free)} data-testid="free-places">
            {p.freePlaces(free.free)}
          </Text>
          {motherChildRoom && (
            // The room is counted apart from the places above: a mother with her baby takes it, not one of them.
            <Text
              size="sm"
              fw={600}
              c={freeColor(motherChildRoom.free)}
              data-testid="mother-child-free"
              data-free={motherChildRoom.free}
            >
              {p.motherChildRoom(motherChildRoom.free, motherChildRoom.capacity)}
            </Text>
          )}
          <Text size="xs" c={stale ? 'orange' : 'dimmed'} data-testid="report-stand">
            {reportStandLabel(free.reportedAt, now)}
          </Text>
          {stale && (
            <Badge color="orange" variant="light" tt="none" title={p.stand.stale} data-testid="stale">
              {t.card.stale}
            </Badge>
          )}
        </Stack>
      </Group>

      {stale && (
        <Text size="xs" c="orange">
          {p.stand.stale}
        </Text>
      )}
      {!fits && mismatches.length > 0 && (
        <List size="sm" mt="xs" data-testid="mismatches">
          {mismatches.map((m) => (
            <List.Item
              key={m.code + ('specialisation' in m ? m.specialisation : '') + ('exclusion' in m ? m.exclusion : '')}
            >
              {mismatchLabel(m)}
            </List.Item>
          ))}
        </List>
      )}
      {card.othersActive > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t.card.holdsOfOthers(card.othersActive)}
        </Text>
      )}

      {card.collidesWith.length > 0 && (
        <Alert color="red" mt="xs" title={t.overbooked.title} data-testid="overbooked-alert">
          <Text size="sm">{t.overbooked.text}</Text>
          <List size="sm">
            {card.collidesWith.map((c) => (
              <List.Item key={c.officeId} data-testid="collision-contact">
                {t.overbooked.office(de.offices[c.officeId], c.phone)}
              </List.Item>
            ))}
            <List.Item>{t.overbooked.facility(facility.dutyPhone)}</List.Item>
          </List>
        </Alert>
      )}

      {card.ownHolds.length > 0 && (
        <Stack gap={4} mt="xs" data-testid="own-holds">
          <Text size="sm" fw={600}>
            {t.ownHolds.title}
          </Text>
          {card.ownHolds.map((view) => (
            <OwnHold key={view.hold.id} view={view} intakeName={intakeName} onSetStatus={onSetStatus} />
          ))}
        </Stack>
      )}

      {onHold && (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" onClick={() => onHold(facility)} aria-label={t.hold.actionLabel(facility.name)}>
            {t.hold.action}
          </Button>
        </Group>
      )}
    </Card>
  );
});

function OwnHold({
  view,
  intakeName,
  onSetStatus,
}: {
  view: HoldView;
  intakeName: (id: string) => string | undefined;
  onSetStatus?: (holdId: string, status: HoldStatus) => void;
}) {
  const { hold, status } = view;
  return (
    <Group gap="xs" data-testid="own-hold" data-hold-id={hold.id} data-status={status}>
      <Badge
        variant="filled"
        color={status === 'occupied' ? 'blue' : status === 'confirmed' ? 'cyan' : 'teal'}
        tt="none"
      >
        {p.holdStatus[status]}
      </Badge>
      {view.provisional && (
        <Badge variant="light" color="yellow" tt="none" data-testid="hold-provisional">
          {p.provisional}
        </Badge>
      )}
      {view.rejection && (
        <Badge variant="filled" color="red" tt="none" data-testid="hold-rejected" title={view.rejection}>
          {t.ownHolds.rejected(view.rejection)}
        </Badge>
      )}
      {view.overbooked && (
        <Badge variant="filled" color="red" tt="none" data-testid="hold-overbooked">
          {p.overbooked}
        </Badge>
      )}
      <Text size="sm">
        {t.ownHolds.intake(intakeName(hold.intakeRef) ?? t.ownHolds.unknownIntake)} · {p.holdAgeGroups[hold.ageGroup]} ·{' '}
        {status === 'held'
          ? t.ownHolds.until(formatDateTime(hold.expiresAt))
          : t.ownHolds.since(formatDateTime(hold.from))}
      </Text>
      {onSetStatus && (status === 'held' || status === 'confirmed') && !view.rejection && (
        <Button size="compact-xs" variant="light" onClick={() => onSetStatus(hold.id, 'occupied')}>
          {t.ownHolds.confirm}
        </Button>
      )}
      {onSetStatus && !view.rejection && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onSetStatus(hold.id, 'released')}>
          {t.ownHolds.release}
        </Button>
      )}
    </Group>
  );
}
