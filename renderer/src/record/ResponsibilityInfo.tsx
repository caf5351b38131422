import { Alert, Text } from '@mantine/core';

import { de } from '../../../shared/i18n';
import { responsibilityOf, type ResponsibleOffice } from '../../../shared/nightRecord/responsibility';
import type { Intake } from '../../../shared/schema/intake';

const t = de.app.nightRecord.responsibility;
const officeName = (id: ResponsibleOffice) => (id === 'outside' ? de.nightRecord.outsideVerbund : de.offices[id]);

/** Örtliche Zuständigkeit as derived from the record (shared/nightRecord/responsibility.ts). */
export function ResponsibilityInfo({ intake }: { intake: Partial<Intake> }) {
  const r = responsibilityOf(intake);
  if (r.officeId === undefined) {
    return (
      <Text size="sm" c="dimmed" data-testid="responsibility">
        {r.missing === 'allocation' ? t.unknownAllocation : t.unknown}
      </Text>
    );
  }
  const headline =
    r.basis === 'override' && r.derivedOfficeId !== undefined
      ? t.overridden(officeName(r.officeId), officeName(r.derivedOfficeId))
      : t.derived(officeName(r.officeId), t.bases[r.basis ?? '§87']);
  return (
    <Alert color={r.handoverNeeded ? 'yellow' : 'blue'} data-testid="responsibility" p="xs">
      <Text size="sm" fw={600}>
        {headline}
      </Text>
      {r.handoverNeeded && <Text size="sm">{t.handover(officeName(r.officeId))}</Text>}
      {r.followUpOfficeId && <Text size="sm">{t.followUp(officeName(r.followUpOfficeId))}</Text>}
    </Alert>
  );
}
