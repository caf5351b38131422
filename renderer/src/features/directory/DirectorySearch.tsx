import { Anchor, Badge, Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { type KeyboardEvent, useMemo, useState } from 'react';

import { searchContacts } from '../../../../shared/contacts/search';
import { de } from '../../../../shared/i18n';
import type { Contact } from '../../../../shared/schema/contact';
import { useClient } from '../../app/client-context';
import { useNavigation } from '../../app/navigation';
import { useOpenRecord } from '../../app/open-record';
import { useNow } from '../../app/use-now';
import { useContacts } from '../../data/hooks';
import { availabilityLabel, callLine, ownerLabel, rosterLabel, telHref } from './contact-view';

const t = de.contacts.search;
const MAX_SHOWN = 8;

/**
 * The night directory at a keystroke: Ctrl+K from anywhere, also inside a record's field. Searches the entries on
 * this laptop (offline too). Enter copies the chosen number, Alt+W dials it (tel: link), Alt+P writes
 * "Anruf bei …" into the log of the record that is open.
 */
export function DirectorySearch() {
  const [opened, setOpened] = useState(false);
  // Inside fields too: the worker is typing in a record when the call has to be made.
  useHotkeys([['mod+K', () => setOpened(true)]], []);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>
        {t.open}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t.title}
        size="lg"
        closeOnEscape={false}
        returnFocus
      >
        {opened && <SearchBody onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function SearchBody({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const navigation = useNavigation();
  const record = useOpenRecord();
  const contacts = useContacts();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const now = useNow();
  const found = useMemo(
    () => (query.trim() ? searchContacts(contacts, query, now).slice(0, MAX_SHOWN) : []),
    [contacts, query, now],
  );
  const current = found[Math.min(active, found.length - 1)];

  const copy = async (contact: Contact) => {
    const number = contact.phones[0].number;
    await navigator.clipboard?.writeText(number).catch(() => {});
    setMessage(`${t.copied}: ${number}`);
  };
  const dial = (contact: Contact) => {
    window.location.href = telHref(contact.phones[0].number);
  };
  const logCall = async (contact: Contact) => {
    if (!record.intakeId) {
      setMessage(t.noRecord);
      return;
    }
    const at = Date.now();
    await client.entries.append(record.intakeId, {
      kind: 'call',
      at,
      text: callLine(contact, contact.phones[0].number, at),
    });
    setMessage(t.logged);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      // Handled here so that the record behind does not take Esc as "close the record".
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (found.length ? (i + step + found.length) % found.length : 0));
    } else if (current && e.key === 'Enter') {
      e.preventDefault();
      void copy(current);
    } else if (current && e.altKey && e.code === 'KeyW') {
      e.preventDefault();
      dial(current);
    } else if (current && e.altKey && e.code === 'KeyP') {
      e.preventDefault();
      void logCall(current);
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        aria-label={t.label}
        placeholder={t.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setMessage(null);
        }}
        onKeyDown={onKeyDown}
      />
      <Text size="xs" c="dimmed">
        <Kbd size="xs">Enter</Kbd> {t.copy} · <Kbd size="xs">Alt+W</Kbd> {t.dial} · <Kbd size="xs">Alt+P</Kbd>{' '}
        {t.logCall} · <Kbd size="xs">Esc</Kbd>
      </Text>
      <Group justify="flex-end">
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => {
            navigation.go({ kind: 'directory' });
            onClose();
          }}
        >
          {de.contacts.search.openAll}
        </Button>
      </Group>
      {message && (
        <Text size="sm" role="status">
          {message}
        </Text>
      )}
      {query.trim() && found.length === 0 && <Text c="dimmed">{t.none}</Text>}
      <Stack gap={4} role="listbox" aria-label={t.title}>
        {found.map((c) => (
          <ContactRow
            key={c.id}
            contact={c}
            active={c === current}
            now={now}
            canLog={record.intakeId !== null}
            onCopy={() => void copy(c)}
            onLog={() => void logCall(c)}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function ContactRow(props: {
  contact: Contact;
  active: boolean;
  now: number;
  canLog: boolean;
  onCopy: () => void;
  onLog: () => void;
}) {
  const { contact, active, now } = props;
  const roster = rosterLabel(contact, now);
  return (
    <Stack
      gap={2}
      p="xs"
      role="option"
      aria-selected={active}
      aria-label={contact.name}
      bg={active ? 'var(--mantine-color-default-hover)' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{contact.name}</Text>
        <Group gap={4} wrap="nowrap">
          {roster && <Badge color="green">{roster}</Badge>}
          <Badge variant="light">{de.contacts.categories[contact.category]}</Badge>
        </Group>
      </Group>
      <Group gap="md">
        {contact.phones.map((p) => (
          <Anchor key={p.id} href={telHref(p.number)} size="sm">
            {p.label ? `${p.label}: ` : ''}
            {p.number}
          </Anchor>
        ))}
        <Text size="xs" c="dimmed">
          {availabilityLabel(contact)} · {ownerLabel(contact.officeId)}
          {contact.languages.length > 0 && ` · ${contact.languages.join(', ')}`}
        </Text>
      </Group>
      {contact.notes && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {contact.notes}
        </Text>
      )}
      {active && (
        <Group gap="xs">
          <Button size="compact-xs" variant="default" onClick={props.onCopy}>
            {de.contacts.search.copy}
          </Button>
          <Button size="compact-xs" variant="default" onClick={props.onLog} disabled={!props.canLog}>
            {de.contacts.search.logCall}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
