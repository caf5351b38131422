import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { OFFICE_IDS } from '../../../../shared/offices';
import {
  EXCLUSIONS,
  type Facility,
  FACILITY_AREAS,
  FACILITY_SEXES,
  FACILITY_TYPES,
  MAX_AGE_YEARS,
  MAX_MOTHER_CHILD_PLACES,
  SPECIALISATIONS,
} from '../../../../shared/schema/facility';
import {
  emptyFacilityValues,
  type FacilityFormValues,
  facilityValuesOf,
  validateFacility,
} from './facility-form-model';

const t = de.app.coordination.facilities;
const f = de.placement.facilityFields;
const options = <K extends string>(codes: readonly K[], labels: Record<K, string>) =>
  codes.map((c) => ({ value: c, label: labels[c] }));

type Props = {
  facility?: Facility;
  defaultOffice: (typeof OFFICE_IDS)[number];
  onSave: (values: FacilityFormValues) => Promise<void>;
  onCancel: () => void;
};

/** Edit or create a facility; keyboard-first, Enter saves from any field. */
export function FacilityForm({ facility, defaultOffice, onSave, onCancel }: Props) {
  const isNew = !facility;
  const [busy, setBusy] = useState(false);
  const form = useForm<FacilityFormValues>({
    mode: 'controlled',
    initialValues: facility ? facilityValuesOf(facility) : emptyFacilityValues(defaultOffice),
    validate: (values) => validateFacility(values, isNew),
  });
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        setBusy(true);
        try {
          await onSave(values);
        } finally {
          setBusy(false);
        }
      })}
      data-testid="facility-form"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={f.name}
            description={de.placement.facilityHints.name}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput label={f.provider} {...form.getInputProps('provider')} />
          <Select
            label={f.type}
            data={options(FACILITY_TYPES, de.placement.facilityTypes)}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <Select
            label={f.officeId}
            data={options(OFFICE_IDS, de.offices)}
            allowDeselect={false}
            {...form.getInputProps('officeId')}
          />
          <Select
            label={f.area}
            data={options(FACILITY_AREAS, de.placement.areas)}
            allowDeselect={false}
            {...form.getInputProps('area')}
          />
          <TextInput label={f.dutyPhone} {...form.getInputProps('dutyPhone')} />
          <TextInput
            label={f['address.street']}
            description={de.placement.facilityHints.address}
            {...form.getInputProps('street')}
          />
          <Group grow>
            <TextInput label={f['address.postalCode']} maxLength={5} {...form.getInputProps('postalCode')} />
            <TextInput label={f['address.town']} {...form.getInputProps('town')} />
          </Group>
          <Group grow>
            <NumberInput
              label={f.ageMin}
              min={0}
              max={MAX_AGE_YEARS}
              allowDecimal={false}
              {...form.getInputProps('ageMin')}
            />
            <NumberInput
              label={f.ageMax}
              min={0}
              max={MAX_AGE_YEARS}
              allowDecimal={false}
              {...form.getInputProps('ageMax')}
            />
          </Group>
          <Checkbox.Group label={f.sexes} {...form.getInputProps('sexes')}>
            <Group mt={6}>
              {FACILITY_SEXES.map((s) => (
                <Checkbox key={s} value={s} label={de.nightRecord.sexes[s]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow>
            <NumberInput
              label={f.totalPlaces}
              min={0}
              max={500}
              allowDecimal={false}
              {...form.getInputProps('totalPlaces')}
            />
            <NumberInput
              label={f.siblingGroupMax}
              min={1}
              max={12}
              allowDecimal={false}
              {...form.getInputProps('siblingGroupMax')}
            />
          </Group>
          <NumberInput
            label={f.holdExpiryHours}
            min={1}
            max={72}
            allowDecimal={false}
            {...form.getInputProps('holdExpiryHours')}
          />
          <MultiSelect
            label={f.specialisations}
            data={options(SPECIALISATIONS, de.placement.specialisations)}
            {...form.getInputProps('specialisations')}
          />
          <MultiSelect
            label={f.exclusions}
            data={options(EXCLUSIONS, de.placement.exclusions)}
            {...form.getInputProps('exclusions')}
          />
          <NumberInput
            label={f.motherChildPlaces}
            description={t.motherChildPlacesHint}
            min={0}
            max={MAX_MOTHER_CHILD_PLACES}
            allowDecimal={false}
            {...form.getInputProps('motherChildPlaces')}
          />
          {isNew && (
            <NumberInput
              label={t.initialFree}
              min={0}
              max={500}
              allowDecimal={false}
              {...form.getInputProps('initialFree')}
            />
          )}
        </SimpleGrid>
        {Object.keys(form.errors).length > 0 && (
          <Text c="red" size="sm" role="alert">
            {Object.values(form.errors)
              .filter((e) => typeof e === 'string')
              .join(' ')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
