import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';

import { de } from '../../../../shared/i18n';
import { isOfficeId } from '../../../../shared/offices';
import type { Facility } from '../../../../shared/schema/facility';
import { useClient } from '../../app/client-context';
import { facilityInputOf } from './facility-form-model';
import { FacilityForm } from './FacilityForm';

const t = de.app.coordination.facilities;
const collator = new Intl.Collator('de');

/** The list of the Verbund's facilities with "Bearbeiten" and "Neue Einrichtung". */
export function FacilitiesEditor({ facilities }: { facilities: Facility[] }) {
  const client = useClient();
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sorted = useMemo(() => [...facilities].sort((a, b) => collator.compare(a.name, b.name)), [facilities]);
  const office = isOfficeId(client.user.officeId) ? client.user.officeId : 'segeberg';

  if (editing) {
    const facility = editing === 'new' ? undefined : editing;
    return (
      <Stack>
        <Title order={3}>{facility ? t.editTitle(facility.name) : t.newTitle}</Title>
        <FacilityForm
          key={facility?.id ?? 'new'}
          facility={facility}
          defaultOffice={office}
          onCancel={() => setEditing(null)}
          onSave={async (values) => {
            const input = facilityInputOf(values);
            if (facility) await client.facilities.update(facility.id, input);
            else await client.facilities.create(input, values.initialFree);
            setNotice(t.saved);
            setEditing(null);
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        {notice ? (
          <Text c="teal" role="status">
            {notice}
          </Text>
        ) : (
          <span />
        )}
        <Button onClick={() => setEditing('new')}>{t.new}</Button>
      </Group>
      <Table data-testid="facility-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{de.placement.facilityFields.name}</Table.Th>
            <Table.Th>{de.placement.facilityFields.type}</Table.Th>
            <Table.Th>{de.placement.facilityFields.area}</Table.Th>
            <Table.Th>{de.placement.facilityFields.totalPlaces}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{de.app.shell.actionsColumn}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{de.placement.facilityTypes[f.type]}</Table.Td>
              <Table.Td>{de.placement.areas[f.area]}</Table.Td>
              <Table.Td>{f.totalPlaces}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditing(f)}
                  aria-label={t.editLabel(f.name)}
                >
                  {t.edit}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
