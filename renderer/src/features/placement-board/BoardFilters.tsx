import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, Switch } from '@mantine/core';

import { SEXES } from '../../../../shared/catalogues/nightRecord';
import { de } from '../../../../shared/i18n';
import { FACILITY_AREAS } from '../../../../shared/schema/facility';
import { type BoardCriteria, NO_CRITERIA } from './board-model';

const t = de.app.board.filters;
const ANY = 'any';

type Props = { criteria: BoardCriteria; onChange: (next: BoardCriteria) => void };

/** The search of the board: every field optional, each change applies at once. */
export function BoardFilters({ criteria, onChange }: Props) {
  const set = (patch: Partial<BoardCriteria>) => onChange({ ...criteria, ...patch });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t.title}>
      <NumberInput
        label={t.age}
        placeholder={t.agePlaceholder}
        min={0}
        max={21}
        allowDecimal={false}
        w={110}
        value={criteria.ageYears ?? ''}
        onChange={(v) => set({ ageYears: typeof v === 'number' ? v : undefined })}
      />
      <Select
        label={t.sex}
        w={150}
        data={[{ value: ANY, label: t.sexAny }, ...SEXES.map((s) => ({ value: s, label: de.nightRecord.sexes[s] }))]}
        value={criteria.sex ?? ANY}
        allowDeselect={false}
        onChange={(v) => set({ sex: !v || v === ANY ? undefined : v })}
      />
      <NumberInput
        label={t.siblings}
        min={0}
        max={11}
        allowDecimal={false}
        w={150}
        value={criteria.siblings ?? 0}
        onChange={(v) => set({ siblings: typeof v === 'number' && v > 0 ? v : undefined })}
      />
      <MultiSelect
        label={t.areas}
        placeholder={criteria.areas?.length ? undefined : t.areasPlaceholder}
        w={260}
        data={FACILITY_AREAS.map((a) => ({ value: a, label: de.placement.areas[a] }))}
        value={[...(criteria.areas ?? [])]}
        onChange={(v) => set({ areas: v.length ? v : undefined })}
        clearable
      />
      <Checkbox
        label={t.motherAndChild}
        checked={criteria.motherAndChild ?? false}
        onChange={(e) => set({ motherAndChild: e.currentTarget.checked || undefined })}
        mb={8}
      />
      <Switch
        label={t.onlyFitting}
        checked={criteria.onlyFitting}
        onChange={(e) => set({ onlyFitting: e.currentTarget.checked })}
        mb={8}
      />
      <Button variant="subtle" onClick={() => onChange(NO_CRITERIA)}>
        {t.reset}
      </Button>
    </Group>
  );
}
