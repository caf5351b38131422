import { Alert, List, Progress, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';

import { de } from '../../../../shared/i18n';
import type { DamagedRecords } from '../../data/damaged-records';
import type { StoreUpgradeProgress } from '../../data/sealed-storage';

const t = de.app.store;
const count = (n: number) => n.toLocaleString('de-DE');
const kindOf = (collection: string) => t.kinds[collection] ?? t.otherKind;

/**
 * The one-time upgrade of this laptop's store to the sealed format (sealed-storage.ts), shown while the database
 * opens at unlock: the first open after the update may take a while with years of records.
 */
export function StoreUpgradeNotice({ progress }: { progress: StoreUpgradeProgress | null }) {
  if (!progress) return null;
  const label = t.upgradeProgress(kindOf(progress.collection), count(progress.done), count(progress.total));
  return (
    <Stack gap="xs" role="status" aria-label={t.upgradeTitle} maw={480}>
      <Text fw={700}>{t.upgradeTitle}</Text>
      <Text size="sm">{t.upgradeText}</Text>
      <Progress value={progress.total > 0 ? (100 * progress.done) / progress.total : 100} aria-label={label} animated />
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

/** Stored records whose encryption does not verify: left out of every list, named here so someone can act. */
export function DamagedRecordsNotice({ records }: { records: DamagedRecords }) {
  const found = useSyncExternalStore(records.subscribe, () => records.current);
  if (found.length === 0) return null;
  return (
    <Alert color="red" title={t.damagedTitle} role="alert">
      <Text size="sm">{t.damagedText(found.length)}</Text>
      <List size="sm">
        {found.map((r) => (
          <List.Item key={`${r.collection}/${r.id}`}>
            {t.damagedRecord(t.record[r.collection] ?? t.otherRecord, r.id)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
