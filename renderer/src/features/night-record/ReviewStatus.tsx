import { Alert, Button, Stack, Text } from '@mantine/core';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import type { RecordAccess } from './access';

const t = de.app.nightRecord.review;
const r = de.review.ui.record;

type Props = {
  intake: Intake;
  access: RecordAccess;
  onResubmit: () => void;
  /** Why the last "Erneut vorlegen" did not go through (what is missing, or the store's error). */
  blocked: string | null;
  /** Display names by user id (the office directory); anyone not in it shows by id. */
  names?: ReadonlyMap<string, string>;
};

/**
 * The morning review as the worker sees it, at the top of the record: a returned record with the supervisor's
 * comment (who, when) and the way back into the review; the countersignature and the handover; why a record is
 * read only. The supervisor's side is features/review.
 */
/** A returned record opens here, at the supervisor's comment (NightRecordForm). */
export const REVIEW_STATUS_ID = 'record-review-status';

export function ReviewStatus({ intake, access, onResubmit, blocked, names }: Props) {
  const person = (id: string | undefined) => (id ? (names?.get(id) ?? id) : '');
  const review = intake.review;
  const state = reviewStateOf(intake);
  const history = (
    <>
      {review?.countersignedAt !== undefined && (
        <Text size="sm" data-testid="record-countersigned">
          {r.countersignedBy(person(review.countersignedBy), formatDateTime(review.countersignedAt))}
        </Text>
      )}
      {review?.handedOverAt !== undefined && review.handedOverTo && (
        <Text size="sm" data-testid="record-handed-over">
          {r.handedOverBy(person(review.handedOverBy), review.handedOverTo, formatDateTime(review.handedOverAt))}
        </Text>
      )}
    </>
  );

  if (access === 'received') {
    return (
      <Alert color="grape" data-testid="record-review" data-state={state} data-access={access}>
        <Stack gap={4}>
          <Text size="sm" fw={600} data-testid="record-read-only-note">
            {r.receivedFrom(intake.officeId)}
          </Text>
          {history}
        </Stack>
      </Alert>
    );
  }
  if (access === 'locked') {
    return (
      <Alert color="teal" data-testid="record-review" data-state={state} data-access={access}>
        <Stack gap={4}>
          <Text size="sm" fw={600} data-testid="record-read-only-note">
            {t.locked}
          </Text>
          {history}
          <Text size="sm" c="dimmed" data-testid="record-late-facts-note">
            {t.lateFacts}
          </Text>
        </Stack>
      </Alert>
    );
  }
  if (state === 'returned' && review?.returnedAt !== undefined) {
    return (
      <Alert
        id={REVIEW_STATUS_ID}
        tabIndex={-1}
        color="orange"
        title={t.returnedTitle}
        role="alert"
        data-testid="record-review"
        data-state={state}
        data-access={access}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm" fw={600} data-testid="record-return-comment" style={{ whiteSpace: 'pre-wrap' }}>
            {r.returnedBy(person(review.returnedBy), formatDateTime(review.returnedAt), review.returnComment ?? '')}
          </Text>
          <Text size="sm">{t.returnedHint}</Text>
          {blocked && (
            <Text size="sm" c="red" data-testid="resubmit-blocked">
              {blocked}
            </Text>
          )}
          <Button color="orange" onClick={onResubmit} data-testid="resubmit">
            {t.resubmit}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (state === 'new' && review?.returnedAt !== undefined) {
    return (
      <Text size="sm" c="teal" data-testid="record-review" data-state={state} data-access={access}>
        {t.resubmitted}
      </Text>
    );
  }
  return null;
}
