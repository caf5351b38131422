import { Alert, Button, Group, Text } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import type { Intake } from '../../../../shared/schema/intake';
import type { FieldEdit } from '../../data/intakes';
import type { RejectionView } from '../../data/rejections';
import { specOf } from '../../record/fields';
import { rejectionMessage } from '../../record/rejection-message';
import { displayOf } from '../../record/values';

const t = de.app.nightRecord;

/** What was typed into a field that was locked meanwhile: not written, shown with its value until seen. */
export function NotWrittenAlert({
  skipped,
  doc,
  onSeen,
}: {
  skipped: readonly FieldEdit[];
  doc: Intake;
  onSeen: () => void;
}) {
  if (skipped.length === 0) return null;
  return (
    <Alert color="orange" role="alert" data-testid="record-not-written">
      <Text size="sm">
        {t.review.notWritten(
          skipped.map(([path, value]) => `${fieldLabel(path, doc)}: ${displayOf(specOf(path), value)}`).join('; '),
        )}
      </Text>
      <Button size="xs" variant="light" color="orange" mt="xs" onClick={onSeen}>
        {t.review.notWrittenSeen}
      </Button>
    </Alert>
  );
}

/** The server refused this record's last change; a locked record offers to take the server's state. */
export function RejectionAlert({
  rejection,
  restoreFailed,
  onRestore,
  onSeen,
}: {
  rejection: RejectionView;
  restoreFailed: string | null;
  onRestore: () => void;
  onSeen: () => void;
}) {
  return (
    <Alert color="red" title={t.rejection.title} role="alert" data-testid="intake-rejection">
      <Text size="sm">{rejection.message || rejectionMessage(rejection)}</Text>
      <Text size="sm">{rejection.code === 'intake_locked' ? t.rejection.hintLocked : t.rejection.hint}</Text>
      {restoreFailed && (
        <Text size="sm" c="red" data-testid="intake-restore-failed">
          {restoreFailed}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {rejection.code === 'intake_locked' && (
          <Button size="xs" color="red" onClick={onRestore} data-testid="intake-restore">
            {t.rejection.restore}
          </Button>
        )}
        <Button size="xs" variant="light" color="red" onClick={onSeen}>
          {t.rejection.seen}
        </Button>
      </Group>
    </Alert>
  );
}
