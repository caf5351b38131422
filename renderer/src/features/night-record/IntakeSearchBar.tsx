import { Group, NativeSelect, TextInput } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import { INTAKE_STATUS, type IntakeStatus } from '../../../../shared/schema/intake';
import { IsoDateInput } from '../../app/inputs/DateTextInput';
import type { IntakeSearch } from '../../record/search';

const t = de.app.intakes.search;

/** Search the office's records by name, call date and status. */
export function IntakeSearchBar({
  search,
  onChange,
}: {
  search: IntakeSearch;
  onChange: (search: IntakeSearch) => void;
}) {
  const set = (patch: Partial<IntakeSearch>) => onChange({ ...search, ...patch });
  const badRange = search.from !== '' && search.to !== '' && search.to < search.from;
  return (
    <Group align="flex-start" gap="sm" role="search" aria-label={t.label}>
      <TextInput
        label={t.name}
        placeholder={t.namePlaceholder}
        type="search"
        autoComplete="off"
        value={search.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        style={{ flex: 1 }}
      />
      <IsoDateInput label={t.from} value={search.from} onChange={(from) => set({ from })} />
      <IsoDateInput
        label={t.to}
        value={search.to}
        error={badRange ? t.invalidRange : undefined}
        onChange={(to) => set({ to })}
      />
      <NativeSelect
        label={t.status}
        value={search.status}
        onChange={(e) => set({ status: e.currentTarget.value as IntakeStatus | '' })}
        data={[
          { value: '', label: t.anyStatus },
          ...INTAKE_STATUS.map((s) => ({ value: s, label: de.intakeStatus[s] })),
        ]}
      />
    </Group>
  );
}
