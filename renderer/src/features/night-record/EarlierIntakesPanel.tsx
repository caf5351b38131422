import { Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';

import { formatDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { findRepeatIntakes, repeatFill } from '../../../../shared/intakes/repeatIntakes';
import type { Intake } from '../../../../shared/schema/intake';
import { useIntakesNamedAlike } from '../../data/hooks';
import type { FieldEdit } from '../../data/intakes';

const t = de.relatedRecords.earlier;
const NONE: readonly string[] = [];

type Props = {
  /** The record as typed so far. */
  record: Intake;
  /**
   * The records that may be the child's earlier intakes: at least every record on this device whose child's name has
   * the record's name key (as {@link EarlierIntakes} reads them), or simply every record; the matcher decides.
   */
  records: readonly Intake[];
  officeId: string;
  /** Only an editable record is filled and takes dismissals. */
  editable: boolean;
  write: (edits: readonly FieldEdit[]) => Promise<void>;
};

/**
 * The panel as the record's page shows it: only the records whose child has the same name by the matcher's key are
 * read (the name index), not every record on the device - on a supervisor's laptop with years of records that was
 * the cost of opening any record. Nothing is shown or filled until they are read, so an answer filled earlier is
 * not taken back for a moment without matches.
 */
export function EarlierIntakes(props: Omit<Props, 'records'>) {
  const candidates = useIntakesNamedAlike(props.record.child);
  if (candidates === null) return null;
  return <EarlierIntakesPanel {...props} records={candidates} />;
}

/**
 * The child's earlier intakes in this office, shown beside the child's fields as soon as a name and a birth date
 * or age are typed (shared/intakes/repeatIntakes.ts), offline on the local store. It fills "Wiederholte Maßnahme im
 * Jahr" from them, and the worker dismisses a wrong match ("Anderes Kind"), which is kept in the record.
 */
export function EarlierIntakesPanel({ record, records, officeId, editable, write }: Props) {
  const dismissed = record.earlierIntakes?.dismissed ?? NONE;
  // Matched again only when the child's facts, the start or the store change, not on every keystroke elsewhere.
  const key = JSON.stringify([record.id, record.child, record.receivedAt, record.decision?.startAt, dismissed]);
  const matches = useMemo(
    () => findRepeatIntakes(record, records, officeId, new Set(dismissed)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the record's matched facts
    [key, records, officeId],
  );
  const fill = editable ? repeatFill(record, matches) : [];
  const fillKey = JSON.stringify(fill);
  useEffect(() => {
    const edits = JSON.parse(fillKey) as FieldEdit[];
    if (edits.length > 0) void write(edits);
  }, [fillKey, write]);

  if (matches.length === 0 && dismissed.length === 0) return null;
  const latest = matches[0];
  return (
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-yellow-light)"
      role="region"
      aria-label={t.title}
      data-testid="earlier-intakes"
    >
      <Title order={3} size="h5" mb={4}>
        {latest ? t.summary(matches.length, formatDate(latest.at), latest.facilityName) : t.title}
      </Title>
      {matches.length > 0 && (
        <List size="sm" spacing={4}>
          {matches.map((m) => (
            <List.Item key={m.id} data-testid="earlier-intake" data-record-id={m.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{t.item(formatDate(m.at), m.facilityName)}</Text>
                {editable && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t.dismissLabel(formatDate(m.at))}
                    onClick={() => void write([['earlierIntakes.dismissed', [...dismissed, m.id]]])}
                  >
                    {t.dismiss}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {record.earlierIntakes?.filledFrom?.length ? (
        <Text size="xs" mt={4}>
          {t.filled}
        </Text>
      ) : null}
      {dismissed.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t.dismissed(dismissed.length)}
        </Text>
      )}
    </Paper>
  );
}
