import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import type { Ref } from 'react';

import { de } from '../../../../shared/i18n';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { nameOf } from '../../record/name';
import { reviewStateColor } from '../../record/review-state';
import type { RecordAccess } from './access';
import { type DraftStore, useSaveState } from './draft-store';
import { APP_HEADER_PX } from './record-focus';

const t = de.app.nightRecord;

type RecordHeaderProps = {
  ref: Ref<HTMLDivElement>;
  doneRef: Ref<HTMLButtonElement>;
  intake: Intake | null;
  /** The record with what was typed (the title follows the name as it is typed). */
  effective: Intake;
  access: RecordAccess;
  store: DraftStore;
  /** Whether the server holds this record's latest state; null while it is not stored at all. */
  synced: boolean | null;
  onSubmit: () => void;
  onClose: () => void;
};

/** The record's sticky header: name, state badges, save state, "Zur Prüfung vorlegen" and "Fertig". */
export function RecordHeader({
  ref,
  doneRef,
  intake,
  effective,
  access,
  store,
  synced,
  onSubmit,
  onClose,
}: RecordHeaderProps) {
  const submitted = intake?.status === 'submitted';
  const readOnly = access !== 'edit';
  return (
    <Paper ref={ref} withBorder p="sm" pos="sticky" top={APP_HEADER_PX} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={2} size="h3">
            {intake ? t.title(nameOf(effective)) : t.titleNew}
          </Title>
          <Badge color={submitted ? 'teal' : 'gray'} data-testid="record-status">
            {de.intakeStatus[effective.status]}
          </Badge>
          {intake && submitted && (
            <Badge color={reviewStateColor(reviewStateOf(intake))} variant="outline" data-testid="record-review-state">
              {de.review.states[reviewStateOf(intake)]}
            </Badge>
          )}
          {readOnly && (
            <Badge color="gray" variant="outline" data-testid="record-locked">
              {de.review.ui.record.lockedBadge}
            </Badge>
          )}
          {intake && effective.conflicts.length > 0 && (
            <Badge color="orange" data-testid="marker-conflict">
              {de.app.intakes.markers.conflict}
            </Badge>
          )}
          <SaveStateView store={store} synced={synced} />
        </Group>
        <Group gap="xs">
          {!submitted && !readOnly && (
            <Button color="teal" onClick={onSubmit} data-testid="submit">
              {t.submit}
            </Button>
          )}
          <Button ref={doneRef} variant="default" onClick={onClose}>
            {t.done}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {access === 'locked'
          ? t.review.keyboardHintLocked
          : access === 'received'
            ? t.review.keyboardHintReceived
            : t.keyboardHint}
      </Text>
    </Paper>
  );
}

/** Whether what was typed is on this device yet, and on the server; re-renders on its own as typing goes on. */
function SaveStateView({ store, synced }: { store: DraftStore; synced: boolean | null }) {
  const { state, unsaved } = useSaveState(store);
  return (
    <Text
      size="sm"
      c={state === 'failed' ? 'red' : 'dimmed'}
      data-testid="save-state"
      data-state={state}
      data-unsaved={unsaved}
    >
      {/* A record opened again with nothing typed yet is on this device all the same, not empty. */}
      {t.save[state === 'idle' && synced !== null ? 'saved' : state]}
      {synced !== null && ` · ${synced ? t.sync.synced : t.sync.pending}`}
    </Text>
  );
}
