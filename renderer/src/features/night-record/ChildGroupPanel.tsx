import { Button, Group, List, type OptionsFilter, Paper, Select, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

import { CHILD_GROUP_KINDS, CHILD_GROUP_ROLES, type ChildGroupKind } from '../../../../shared/catalogues/nightRecord';
import { formatDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { groupMembers, linkedGroups } from '../../../../shared/intakes/childGroups';
import { type Intake, isLocked } from '../../../../shared/schema/intake';
import { useIntakeGroup, useIntakeSearch, useNewestIntakes } from '../../data/hooks';
import type { FieldEdit, IntakeRepository } from '../../data/intakes';
import { newId } from '../../data/intakes';
import { nameOf } from '../../record/name';

const t = de.relatedRecords.group;

/** Offered before a name is typed: the children of the last calls, most often the ones to link. */
const NEWEST_OFFERED = 20;
const ANY: Record<string, never> = {};
const NONE: readonly Intake[] = [];
// The name index has narrowed the options already, folding umlauts and case ("muller" finds "Müller"), which the
// select's own filter on the label does not.
const keepAll: OptionsFilter = ({ options }) => options;
const labelOf = (r: Intake) => `${nameOf(r)} (${formatDate(r.receivedAt)})`;

type Props = {
  record: Intake;
  officeId: string;
  editable: boolean;
  write: (edits: readonly FieldEdit[]) => Promise<void>;
  intakes: Pick<IntakeRepository, 'modify'>;
};

/**
 * The children taken into care with this one (siblings, a mother with her child): named on each of their records,
 * linked and unlinked here. Each child keeps its own record; only the group id is shared (shared/intakes/childGroups.ts).
 * Neither the members nor the children to link are found by opening every record on the laptop: the members are
 * read through the name index's groups, and the child to link by typing its name (the name index, as the list's
 * search), or among the newest records before anything is typed.
 */
export function ChildGroupPanel({ record, officeId, editable, write, intakes }: Props) {
  const group = useIntakeGroup(record.group?.id);
  const members = useMemo(() => groupMembers(record, group ?? NONE), [record, group]);
  const others = members.filter((m) => m.id !== record.id);
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<Intake | null>(null);
  // The select shows the chosen child's label as its text: that is no name to search for.
  const typed = other && query === labelOf(other) ? '' : query;
  const hits = useIntakeSearch(typed);
  const newest = useNewestIntakes(NEWEST_OFFERED, ANY);
  const candidates = useMemo(() => {
    const offered = (typed.trim() === '' ? newest : hits) ?? NONE;
    const linkable = offered.filter(
      (r) =>
        r.id !== record.id &&
        r.officeId === officeId &&
        !isLocked(r) &&
        (r.group?.id === undefined || r.group.id !== record.group?.id),
    );
    // The chosen child stays an option while another name is typed, so the select keeps showing it.
    return other && !linkable.some((r) => r.id === other.id) ? [other, ...linkable] : linkable;
  }, [typed, newest, hits, other, record.id, record.group?.id, officeId]);
  const [chosenKind, setKind] = useState<ChildGroupKind>('siblings');
  // A child already in a group links others into that group, of its kind.
  const kind = record.group?.kind ?? chosenKind;
  const [role, setRole] = useState<string>('child');
  const [failed, setFailed] = useState<string | null>(null);

  if (!editable && others.length === 0) return null;

  const link = async () => {
    if (!other) return;
    setFailed(null);
    const groups = linkedGroups(record, other, kind, role === 'mother' ? 'mother' : 'child', newId());
    try {
      // The other child's record, as it is at this moment: a record locked meanwhile is not linked.
      const written = await intakes.modify(other.id, (latest) => (isLocked(latest) ? null : { group: groups.other }));
      if (!written) {
        setFailed(t.lockedOther(nameOf(other)));
        return;
      }
      await write([['group', groups.own]]);
      setOther(null);
      setQuery('');
    } catch (err) {
      setFailed(`${t.failed} ${String(err instanceof Error ? err.message : err)}`);
    }
  };

  const roles = de.nightRecord.childGroupRoles;
  return (
    <Paper withBorder p="sm" role="region" aria-label={t.title} data-testid="child-group">
      <Title order={3} size="h5" mb={4}>
        {t.title}
      </Title>
      {others.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.none}
        </Text>
      ) : (
        <>
          <Text size="sm">{t.members(de.nightRecord.childGroupKinds[record.group!.kind])}</Text>
          <List size="sm" spacing={2} data-testid="child-group-members">
            {members.map((m) => (
              <List.Item key={m.id} data-record-id={m.id} fw={m.id === record.id ? 600 : undefined}>
                {t.member(nameOf(m), m.group?.role && roles[m.group.role])}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={4}>
            {t.placeOnce(members.length)}
          </Text>
        </>
      )}
      {editable && (
        <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
          <Select
            label={t.linkWith}
            placeholder={t.linkWithPlaceholder}
            w={260}
            searchable
            filter={keepAll}
            searchValue={query}
            onSearchChange={setQuery}
            nothingFoundMessage={typed.trim() === '' ? undefined : t.noMatch}
            data={candidates.map((r) => ({ value: r.id, label: labelOf(r) }))}
            value={other?.id ?? null}
            onChange={(id) => setOther(candidates.find((r) => r.id === id) ?? null)}
          />
          <Select
            label={t.kind}
            w={170}
            data={CHILD_GROUP_KINDS.map((k) => ({ value: k, label: de.nightRecord.childGroupKinds[k] }))}
            value={kind}
            allowDeselect={false}
            disabled={record.group !== undefined}
            onChange={(v) => v && setKind(v)}
          />
          {kind === 'mother_child' && (
            <Select
              label={t.role}
              w={130}
              data={CHILD_GROUP_ROLES.map((r) => ({ value: r, label: roles[r] }))}
              value={role}
              allowDeselect={false}
              onChange={(v) => v && setRole(v)}
            />
          )}
          <Button variant="light" disabled={!other} onClick={() => void link()}>
            {t.link}
          </Button>
          {others.length > 0 && (
            <Button variant="subtle" color="gray" onClick={() => void write([['group', undefined]])}>
              {t.leave}
            </Button>
          )}
        </Group>
      )}
      {failed && (
        <Text size="sm" c="red" role="alert" mt={4}>
          {failed}
        </Text>
      )}
    </Paper>
  );
}
