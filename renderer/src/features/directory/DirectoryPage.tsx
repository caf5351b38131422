import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

import { searchContacts } from '../../../../shared/contacts/search';
import { de } from '../../../../shared/i18n';
import { contactOwnersFor } from '../../../../shared/rules/contacts';
import type { Contact } from '../../../../shared/schema/contact';
import { useClient } from '../../app/client-context';
import { useNow } from '../../app/use-now';
import { useContacts } from '../../data/hooks';
import { contactInputOf } from './contact-form-model';
import { availabilityLabel, ownerLabel, rosterLabel, telHref } from './contact-view';
import { ContactForm } from './ContactForm';

const t = de.contacts;

type Editing = { kind: 'new' } | { kind: 'edit'; contact: Contact } | null;

/**
 * The night directory as a list: everyone reads it (and finds the entries in force with the search); those who
 * keep entries (an office's supervisors and admins, the coordination) add, change and remove theirs.
 */
export function DirectoryPage() {
  const client = useClient();
  const contacts = useContacts();
  const now = useNow();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const keeps = contactOwnersFor(client.user).length > 0;
  const shown = useMemo(() => {
    const list = query.trim() ? searchContacts(contacts, query, now) : contacts;
    return [...list].sort(
      (a, b) =>
        a.officeId.localeCompare(b.officeId) ||
        a.category.localeCompare(b.category) ||
        (a.validFrom ?? 0) - (b.validFrom ?? 0) ||
        a.name.localeCompare(b.name, 'de'),
    );
  }, [contacts, query, now]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t.search.title}</Title>
        {keeps && <Button onClick={() => setEditing({ kind: 'new' })}>{t.editor.new}</Button>}
      </Group>
      {message && (
        <Alert color="green" role="status" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      <TextInput
        aria-label={t.search.label}
        placeholder={t.search.placeholder}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.fields.name}</Table.Th>
            <Table.Th>{t.fields.phones}</Table.Th>
            <Table.Th>{t.fields.availability}</Table.Th>
            <Table.Th>{t.fields.officeId}</Table.Th>
            {keeps && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((c) => {
            const roster = rosterLabel(c, now);
            const mine = client.contacts.mayWrite(c.officeId);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fw={600}>{c.name}</Text>
                  <Group gap={4}>
                    <Badge variant="light" size="sm">
                      {t.categories[c.category]}
                    </Badge>
                    {roster && (
                      <Badge size="sm" color={roster === t.search.tonight ? 'green' : 'gray'}>
                        {roster}
                      </Badge>
                    )}
                  </Group>
                  {c.languages.length > 0 && <Text size="xs">{c.languages.join(', ')}</Text>}
                  {c.notes && (
                    <Text size="xs" c="dimmed">
                      {c.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {c.phones.map((p) => (
                    <div key={p.id}>
                      <Anchor href={telHref(p.number)} size="sm">
                        {p.label ? `${p.label}: ` : ''}
                        {p.number}
                      </Anchor>
                    </div>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{availabilityLabel(c)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ownerLabel(c.officeId)}</Text>
                  {c.areaNote && (
                    <Text size="xs" c="dimmed">
                      {c.areaNote}
                    </Text>
                  )}
                </Table.Td>
                {keeps && (
                  <Table.Td>
                    {mine && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={`${t.editor.edit}: ${c.name}`}
                          onClick={() => setEditing({ kind: 'edit', contact: c })}
                        >
                          {t.editor.edit}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          color="red"
                          aria-label={`${t.editor.remove}: ${c.name}`}
                          onClick={() => void client.contacts.remove(c.id).then(() => setMessage(t.editor.removed))}
                        >
                          {t.editor.remove}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'edit' ? `${t.editor.edit}: ${editing.contact.name}` : t.editor.new}
        size="xl"
      >
        {editing && (
          <ContactForm
            contact={editing.kind === 'edit' ? editing.contact : undefined}
            user={client.user}
            onCancel={() => setEditing(null)}
            onSave={async (values) => {
              const input = contactInputOf(values);
              if (editing.kind === 'edit') await client.contacts.update(editing.contact.id, input, editing.contact);
              else await client.contacts.create(input);
              setEditing(null);
              setMessage(t.editor.saved);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
