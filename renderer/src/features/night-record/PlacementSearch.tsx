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
import { memo, useState } from 'react';

import { type PlacementAnswer, REFUSAL_REASONS, type RefusalReason } from '../../../../shared/catalogues/entry';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { Entry } from '../../../../shared/schema/entry';
import { type PlaceAsked, placesAsked } from './placement-log';

const t = de.app.nightRecord.placementSearch;
const ANSWER_COLOR: Record<PlacementAnswer, string> = { requested: 'blue', refused: 'red', accepted: 'teal' };

export type PlaceRef = { facilityId?: string; facilityName: string };
/** A known place to pick from (the Verbund's facilities), with its provider. */
export type PlaceSuggestion = PlaceRef & { facilityId: string; provider?: string };

type Props = {
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
  entries,
  suggestions = [],
  onAnswer,
  readOnly = false,
}: Props) {
  const places = placesAsked(entries);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refused = places.filter((p) => p.answer === 'refused').length;

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
    await onAnswer(
      known ? { facilityId: known.facilityId, facilityName: known.facilityName } : { facilityName },
      'requested',
    );
  };

  return (
    <Paper withBorder p="sm" data-testid="placement-search">
      <Title order={4} size="h5">
        {t.title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.intro} {places.length > 0 && `· ${t.count(places.length, refused)}`}
      </Text>
      {places.length === 0 ? (
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
