import { ActionIcon, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { contactOwnersFor } from '../../../../shared/rules/contacts';
import {
  AVAILABILITY_KINDS,
  type Contact,
  CONTACT_AREAS,
  CONTACT_CATEGORIES,
  type ContactOwner,
} from '../../../../shared/schema/contact';
import { DateTextInput } from '../../app/inputs/DateTextInput';
import { newId } from '../../data/intakes';
import { type ContactFormValues, contactValuesOf, emptyContactValues, validateContact } from './contact-form-model';
import { ownerLabel } from './contact-view';

const t = de.contacts;
const f = t.fields;
const MAX_PHONES = 8;

type Props = {
  contact?: Contact;
  user: { officeId: string; roles: readonly string[] };
  onSave: (values: ContactFormValues) => Promise<void>;
  onCancel: () => void;
};

/** Create or change one entry of the night directory; only the owners the user keeps are offered. */
export function ContactForm({ contact, user, onSave, onCancel }: Props) {
  const owners = contactOwnersFor(user);
  const [busy, setBusy] = useState(false);
  const form = useForm<ContactFormValues>({
    mode: 'controlled',
    initialValues: contact ? contactValuesOf(contact) : emptyContactValues(owners[0]),
    validate: (values) => validateContact(values, user),
  });
  const values = form.getValues();
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        setBusy(true);
        try {
          await onSave(v);
        } finally {
          setBusy(false);
        }
      })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={f.name} required data-autofocus {...form.getInputProps('name')} />
          <Select
            label={f.category}
            allowDeselect={false}
            data={CONTACT_CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))}
            {...form.getInputProps('category')}
          />
          <Select
            label={f.officeId}
            allowDeselect={false}
            data={owners.map((o: ContactOwner) => ({ value: o, label: ownerLabel(o) }))}
            {...form.getInputProps('officeId')}
          />
          <TextInput label={f.languages} description={t.editor.languagesHint} {...form.getInputProps('languages')} />
        </SimpleGrid>
        {values.phones.map((p, i) => (
          <Group key={p.id} align="end" wrap="nowrap">
            <TextInput label={f['phones.label']} w={160} {...form.getInputProps(`phones.${i}.label`)} />
            <TextInput
              label={f['phones.number']}
              required={i === 0}
              style={{ flex: 1 }}
              {...form.getInputProps(`phones.${i}.number`)}
            />
            {values.phones.length > 1 && (
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`${t.editor.removePhone} ${i + 1}`}
                onClick={() => form.removeListItem('phones', i)}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {values.phones.length < MAX_PHONES && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => form.insertListItem('phones', { id: newId(), label: '', number: '' })}
            >
              {t.editor.addPhone}
            </Button>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={f.availability}
            allowDeselect={false}
            data={AVAILABILITY_KINDS.map((k) => ({ value: k, label: t.availability[k] }))}
            {...form.getInputProps('availability')}
          />
          {values.availability === 'weekdays' && (
            <>
              <TextInput
                label={f['availability.from']}
                placeholder={de.app.dateEntry.placeholderTime}
                autoComplete="off"
                {...form.getInputProps('from')}
              />
              <TextInput
                label={f['availability.to']}
                placeholder={de.app.dateEntry.placeholderTime}
                autoComplete="off"
                {...form.getInputProps('to')}
              />
            </>
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={f.areas}
            placeholder={t.wholeVerbund}
            data={CONTACT_AREAS.map((a) => ({ value: a, label: a === 'outside' ? t.outsideArea : ownerLabel(a) }))}
            {...form.getInputProps('areas')}
          />
          <TextInput label={f.areaNote} {...form.getInputProps('areaNote')} />
          <DateTextInput
            kind="datetime"
            label={f.validFrom}
            now={Date.now}
            value={values.validFrom}
            error={form.errors.validFrom}
            onValueChange={(text) => form.setFieldValue('validFrom', text)}
          />
          <DateTextInput
            kind="datetime"
            label={f.validTo}
            now={Date.now}
            value={values.validTo}
            error={form.errors.validTo}
            onValueChange={(text) => form.setFieldValue('validTo', text)}
          />
        </SimpleGrid>
        <Textarea label={f.notes} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.editor.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {t.editor.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
