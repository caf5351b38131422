import { Button, Group } from '@mantine/core';
import { useCallback } from 'react';

import { de } from '../../../../shared/i18n';
import { useClient } from '../../app/client-context';
import { IsoDateInput } from '../../app/inputs/DateTextInput';
import { FilterSelect } from '../../app/inputs/FilterSelect';
import type { AuditFilter } from '../../data/admin';
import { ACTION_OPTIONS } from './audit-labels';
import { useAdminQuery } from './use-admin-query';

const t = de.security.admin.audit.filters;
export const NO_AUDIT_FILTER: AuditFilter = { action: '', actorId: '', from: '', to: '' };

/** What the server narrows the trail to: the kind of action, who acted (the office's accounts) and the days. */
export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const client = useClient();
  const loadUsers = useCallback(() => client.admin.users(), [client]);
  const users = useAdminQuery(loadUsers).data ?? [];
  const set = (part: Partial<AuditFilter>) => onChange({ ...value, ...part });
  const narrowed = Object.values(value).some((v) => v !== '');
  return (
    <Group align="flex-end" gap="sm" role="group" aria-label={t.label}>
      <FilterSelect
        label={t.action}
        anyLabel={t.anyAction}
        data={ACTION_OPTIONS}
        value={value.action}
        onChange={(action) => set({ action })}
        miw={280}
      />
      <FilterSelect
        label={t.actor}
        anyLabel={t.anyActor}
        data={users.map((u) => ({ value: u.id, label: t.actorOption(u.displayName, u.username) }))}
        value={value.actorId}
        onChange={(actorId) => set({ actorId })}
        miw={240}
      />
      <IsoDateInput label={t.from} value={value.from} onChange={(from) => set({ from })} w={130} />
      <IsoDateInput label={t.to} value={value.to} onChange={(to) => set({ to })} w={130} />
      {narrowed && (
        <Button variant="default" onClick={() => onChange(NO_AUDIT_FILTER)}>
          {t.reset}
        </Button>
      )}
    </Group>
  );
}
