import { Alert, Text } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import { withheldOf } from '../../../../shared/privacy/entrusted';
import type { Intake } from '../../../../shared/schema/intake';

const t = de.privacy.withheld;

/**
 * A record received by handover says what the sending office withheld as entrusted (§ 65 SGB VIII): which fields,
 * how many log lines. The server left the content out (server/sync/entrusted.ts); only the note came along.
 */
export function WithheldNotice({ intake }: { intake: Pick<Intake, 'entrusted'> }) {
  const { fields, entryIds } = withheldOf(intake);
  if (fields.length === 0 && entryIds.length === 0) return null;
  return (
    <Alert color="gray" title={t.title} data-testid="entrusted-withheld">
      <Text size="sm">{t.intro}</Text>
      {fields.length > 0 && <Text size="sm">{t.fields(fields.map((f) => fieldLabel(f)))}</Text>}
      {entryIds.length > 0 && <Text size="sm">{t.entries(entryIds.length)}</Text>}
    </Alert>
  );
}
