import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { isOfficeId, OFFICE_IDS, type OfficeId } from '../../../../shared/offices';
import { intakeFieldLimits } from '../../../../shared/rules/fieldLimits';
import { FilterSelect } from '../../app/inputs/FilterSelect';

const t = de.review.ui;

/** The step's failure, inside the dialog that is still open (not behind it). */
function StepError({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" role="alert" data-testid="review-error">
      {error}
    </Alert>
  ) : null;
}

type DialogProps = { opened: boolean; error: string | null; onClose: () => void };

export function CountersignDialog({
  opened,
  error,
  onClose,
  onConfirm,
}: DialogProps & { onConfirm: () => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t.countersign.title}>
      <Stack>
        <Text size="sm">{t.countersign.text}</Text>
        <StepError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            color="teal"
            data-autofocus
            loading={busy}
            data-testid="review-countersign-confirm"
            onClick={async () => {
              setBusy(true);
              await onConfirm();
              setBusy(false);
            }}
          >
            {t.countersign.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReturnDialog({
  opened,
  error: stepError,
  onClose,
  onConfirm,
}: DialogProps & { onConfirm: (comment: string) => Promise<boolean> }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!comment.trim()) {
      setError(t.giveBack.commentRequired);
      return;
    }
    setError(null);
    setBusy(true);
    const saved = await onConfirm(comment);
    setBusy(false);
    // A comment that could not be saved stays, so that it can be sent again.
    if (saved) setComment('');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t.giveBack.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Textarea
            label={t.giveBack.comment}
            description={t.giveBack.commentHint}
            value={comment}
            error={error}
            autosize
            minRows={4}
            maxLength={intakeFieldLimits('review.returnComment')?.maxLength}
            data-autofocus
            data-testid="review-return-comment-input"
            onChange={(e) => setComment(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <StepError error={stepError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" color="orange" loading={busy} data-testid="review-return-confirm">
              {t.giveBack.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function HandoverDialog(
  props: DialogProps & { from: OfficeId; suggested: string | undefined; onConfirm: (to: OfficeId) => Promise<boolean> },
) {
  const options = OFFICE_IDS.filter((o) => o !== props.from);
  const initial = isOfficeId(props.suggested) && props.suggested !== props.from ? props.suggested : '';
  const [to, setTo] = useState<OfficeId | ''>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Each opening starts from the suggestion again (state adjusted while rendering, as React's docs show).
  const [shownFor, setShownFor] = useState({ initial, opened: props.opened });
  if (shownFor.initial !== initial || shownFor.opened !== props.opened) {
    setShownFor({ initial, opened: props.opened });
    setTo(initial);
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t.handOver.title}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!to) {
            setError(t.handOver.targetRequired);
            return;
          }
          setBusy(true);
          await props.onConfirm(to);
          setBusy(false);
          setError(null);
        }}
      >
        <Stack>
          {props.suggested === 'outside' && (
            <Alert color="yellow" p="xs">
              {t.handOver.outside}
            </Alert>
          )}
          {/* Typed, not a native select: every office starts alike ("Kreis …"), so a first letter finds nothing. */}
          <FilterSelect
            label={t.handOver.target}
            value={to}
            error={error}
            data-autofocus
            data-testid="review-handover-target"
            onChange={(next) => setTo(next as OfficeId | '')}
            anyLabel={t.handOver.targetNone}
            data={options.map((o) => ({ value: o, label: de.offices[o] }))}
          />
          {to && isOfficeId(props.suggested) && to !== props.suggested && (
            <Alert color="yellow" p="xs" data-testid="review-handover-differs">
              {t.handOver.differs(props.suggested)}
            </Alert>
          )}
          <Text size="sm">{t.handOver.text(props.from)}</Text>
          <StepError error={props.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" color="grape" loading={busy} data-testid="review-handover-confirm">
              {t.handOver.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
