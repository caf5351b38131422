import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { memo, useContext, useState } from 'react';

import { type PlacementAnswer, REFUSAL_REASONS, type RefusalReason } from '../../../../shared/catalogues/entry';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { placementRoomOf } from '../../../../shared/intakes/childGroups';
import { effectiveHoldStatus } from '../../../../shared/placement/expiry';
import { placementAgeGroup } from '../../../../shared/placement/newHold';
import type { Entry } from '../../../../shared/schema/entry';
import type { Facility } from '../../../../shared/schema/facility';
import { type Hold, type HoldStatus, nextHoldSteps } from '../../../../shared/schema/hold';
import { ClientContext } from '../../app/client-context';
import { useNow } from '../../app/use-now';
import { useRecordPlacements } from '../../data/hooks';
import { type PlaceAsked, placesAsked } from './placement-log';

const t = de.app.nightRecord.placementSearch;
const ANSWER_COLOR: Record<PlacementAnswer, string> = { requested: 'blue', refused: 'red', accepted: 'teal' };

export type PlaceRef = { facilityId?: string; facilityName: string };
/** A known place to pick from (the Verbund's facilities), with its provider. */
export type PlaceSuggestion = PlaceRef & { facilityId: string; provider?: string };

type Props = {
  /**
   * The record: its placements at Verbund facilities (collection `holds`) are the rows of those places, the same
   * documents the board shows, so the two never disagree; places outside the Verbund come from the log.
   */
  intakeId?: string;
  entries: readonly Entry[];
  suggestions?: readonly PlaceSuggestion[];
  onAnswer: (place: PlaceRef, answer: PlacementAnswer, reason?: RefusalReason) => Promise<void>;
  /** A locked or received record: the places asked are shown, nothing more is asked or answered here. */
  readOnly?: boolean;
};

/**
 * The placement search of one night: every place asked, each answer logged with one action ("angefragt",
 * "abgelehnt", "zugesagt"). Enter in the name field asks a new place.
 */
export const PlacementSearch = memo(function PlacementSearch({
  intakeId,
  entries,
  suggestions = [],
  onAnswer,
  readOnly = false,
}: Props) {
  const client = useContext(ClientContext);
  const now = useNow();
  const verbund = useRecordPlacements(intakeId);
  const inVerbund = new Set(verbund.placements.map((p) => p.facilityId));
  // A place of the Verbund asked before its placement existed shows once, as its placement.
  const places = placesAsked(entries).filter((p) => !p.facilityId || !inVerbund.has(p.facilityId));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refused =
    places.filter((p) => p.answer === 'refused').length +
    verbund.placements.filter((p) => p.status === 'refused').length;
  const asked = places.length + verbund.placements.length;

  const request = async () => {
    const facilityName = name.trim();
    if (!facilityName) {
      setError(t.facilityRequired);
      return;
    }
    const known = suggestions.find(
      (s) => s.facilityName.toLocaleLowerCase('de') === facilityName.toLocaleLowerCase('de'),
    );
    // Cleared at once: the next place may be typed while this one is being logged.
    setName('');
    setError(null);
    const facility = known && verbund.facilities.get(known.facilityId);
    // A place of the Verbund becomes a placement (the board counts it), with the age group `unknown` where the record
    // has no age yet; one typed by name is only logged.
    const ageGroup = verbund.intake && placementAgeGroup(verbund.intake.child, Date.now());
    if (client && intakeId && facility && ageGroup && !inVerbund.has(facility.id)) {
      await client.holds.hold({
        facility,
        intakeRef: intakeId,
        ageGroup,
        sex: verbund.intake?.statistics?.sex ?? 'unspecified',
        status: 'requested',
        room: placementRoomOf(verbund.intake ?? {}),
      });
    }
    await onAnswer(
      known ? { facilityId: known.facilityId, facilityName: known.facilityName } : { facilityName },
      'requested',
    );
  };
  const answerPlacement = async (placement: Hold, to: HoldStatus, reason?: RefusalReason) => {
    if (!client) return;
    await client.holds.setStatus(placement.id, to, to === 'refused' ? reason : undefined);
    const ref = { facilityId: placement.facilityId, facilityName: nameOf(placement, verbund.facilities) };
    if (to === 'confirmed') await onAnswer(ref, 'accepted');
    if (to === 'refused') await onAnswer(ref, 'refused', reason);
  };

  return (
    <Paper withBorder p="sm" data-testid="placement-search">
      <Title order={4} size="h5">
        {t.title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.intro} {asked > 0 && `· ${t.count(asked, refused)}`}
      </Text>
      {asked === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t.empty}
        </Text>
      ) : (
        <Table mb="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.facility}</Table.Th>
              <Table.Th>{t.asked}</Table.Th>
              <Table.Th>{t.answer}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{de.app.shell.actionsColumn}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {verbund.placements.map((placement) => (
              <PlacementRow
                key={placement.id}
                placement={placement}
                status={effectiveHoldStatus(placement, now)}
                facilityName={nameOf(placement, verbund.facilities)}
                onStep={answerPlacement}
                readOnly={readOnly}
              />
            ))}
            {places.map((place) => (
              <PlaceRow key={place.key} place={place} onAnswer={onAnswer} readOnly={readOnly} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t.facility}
            value={name}
            error={error}
            list="placement-suggestions"
            autoComplete="off"
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                void request();
              }
            }}
            style={{ flex: 1 }}
          />
          <datalist id="placement-suggestions">
            {suggestions.map((s) => (
              <option key={s.facilityId} value={s.facilityName} />
            ))}
          </datalist>
          <Button variant="light" onClick={() => void request()}>
            {t.request}
          </Button>
        </Group>
      )}
    </Paper>
  );
});

function PlaceRow({
  place,
  onAnswer,
  readOnly,
}: {
  place: PlaceAsked;
  onAnswer: Props['onAnswer'];
  readOnly: boolean;
}) {
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const ref = { facilityId: place.facilityId, facilityName: place.facilityName };
  return (
    <Table.Tr data-testid="place-row" data-answer={place.answer}>
      <Table.Td>{place.facilityName}</Table.Td>
      <Table.Td>{formatDateTime(place.askedAt)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Badge color={ANSWER_COLOR[place.answer]} variant="light">
            {de.nightRecord.placementAnswers[place.answer]}
          </Badge>
          {place.answer !== 'requested' && (
            <Text size="xs" c="dimmed">
              {formatDateTime(place.answeredAt)}
              {place.reason ? ` · ${de.nightRecord.refusalReasons[place.reason]}` : ''}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {place.answer === 'requested' && !readOnly && (
          <Group gap={4} wrap="nowrap" role="group" aria-label={t.actionsFor(place.facilityName)}>
            <NativeSelect
              size="xs"
              aria-label={t.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value as RefusalReason | '')}
              data={[
                { value: '', label: t.reason },
                ...REFUSAL_REASONS.map((r) => ({ value: r, label: de.nightRecord.refusalReasons[r] })),
              ]}
            />
            <Button
              size="xs"
              color="red"
              variant="light"
              aria-label={t.refuseLabel(place.facilityName)}
              onClick={() => void onAnswer(ref, 'refused', reason || undefined)}
            >
              {t.refuse}
            </Button>
            <Button
              size="xs"
              color="teal"
              aria-label={t.acceptLabel(place.facilityName)}
              onClick={() => void onAnswer(ref, 'accepted')}
            >
              {t.accept}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function nameOf(placement: Hold, facilities: ReadonlyMap<string, Facility>): string {
  return facilities.get(placement.facilityId)?.name ?? placement.facilityId;
}

const STATUS_COLOR: Record<HoldStatus, string> = {
  requested: 'blue',
  held: 'yellow',
  confirmed: 'teal',
  occupied: 'teal',
  refused: 'red',
  released: 'gray',
  expired: 'gray',
};

/** What a placement's state means as an answer in the log's terms (for tests and the count). */
const ANSWER_OF: Record<HoldStatus, PlacementAnswer> = {
  requested: 'requested',
  held: 'requested',
  confirmed: 'accepted',
  occupied: 'accepted',
  refused: 'refused',
  released: 'requested',
  expired: 'requested',
};

/** One placement at a Verbund facility: its state as the board has it, and the facility's answer. */
function PlacementRow({
  placement,
  status,
  facilityName,
  onStep,
  readOnly,
}: {
  placement: Hold;
  status: HoldStatus;
  facilityName: string;
  onStep: (placement: Hold, to: HoldStatus, reason?: RefusalReason) => Promise<void>;
  readOnly: boolean;
}) {
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const steps = nextHoldSteps(status);
  return (
    <Table.Tr data-testid="place-row" data-answer={ANSWER_OF[status]} data-status={status}>
      <Table.Td>{facilityName}</Table.Td>
      <Table.Td>{formatDateTime(placement.createdAt)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Badge color={STATUS_COLOR[status]} variant="light" data-testid="placement-status">
            {de.placement.holdStatus[status]}
          </Badge>
          <Text size="xs" c="dimmed">
            {status === 'held'
              ? de.app.board.ownHolds.until(formatDateTime(placement.expiresAt))
              : formatDateTime(placement.updatedAt)}
            {status === 'refused' && placement.refusalReason
              ? ` · ${de.nightRecord.refusalReasons[placement.refusalReason]}`
              : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {!readOnly && (steps.includes('confirmed') || steps.includes('refused')) && (
          <Group gap={4} wrap="nowrap" role="group" aria-label={t.actionsFor(facilityName)}>
            {steps.includes('refused') && (
              <>
                <NativeSelect
                  size="xs"
                  aria-label={t.reason}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value as RefusalReason | '')}
                  data={[
                    { value: '', label: t.reason },
                    ...REFUSAL_REASONS.map((r) => ({ value: r, label: de.nightRecord.refusalReasons[r] })),
                  ]}
                />
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  aria-label={t.refuseLabel(facilityName)}
                  onClick={() => void onStep(placement, 'refused', reason || undefined)}
                >
                  {t.refuse}
                </Button>
              </>
            )}
            {steps.includes('confirmed') && (
              <Button
                size="xs"
                color="teal"
                aria-label={t.acceptLabel(facilityName)}
                onClick={() => void onStep(placement, 'confirmed')}
              >
                {t.accept}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
