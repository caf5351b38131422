import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useState } from 'react';

import { de } from '../../../../shared/i18n';
import { adminErrorMessage } from './admin-error';

export type Notice = { ok: boolean; text: string };

/** Runs an admin action, says in German how it went, and reloads the list. */
export function useAdminAction(reload: () => Promise<void>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const act = useCallback(
    async (run: () => Promise<unknown>, done: string) => {
      try {
        await run();
        setNotice({ ok: true, text: done });
      } catch (err) {
        setNotice({ ok: false, text: adminErrorMessage(err) });
      }
      await reload();
    },
    [reload],
  );
  return { notice, setNotice, act };
}

/**
 * The frame of an administration list: its buttons and "Neu laden", the loading error, how the last action went,
 * then the list, or the text for an empty one (nothing while it loads).
 */
export function AdminListFrame(props: {
  actions?: ReactNode;
  onReload: () => Promise<void>;
  error: string | null;
  notice: Notice | null;
  onCloseNotice: () => void;
  count: number | null;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <Stack>
      <Group>
        {props.actions}
        <Button variant="default" onClick={() => void props.onReload()}>
          {de.security.admin.reload}
        </Button>
      </Group>
      {props.error && <Alert color="red">{props.error}</Alert>}
      {props.notice && (
        <Alert color={props.notice.ok ? 'green' : 'red'} role="status" withCloseButton onClose={props.onCloseNotice}>
          {props.notice.text}
        </Alert>
      )}
      {props.count === 0 && <Text c="dimmed">{props.emptyText}</Text>}
      {props.count !== null && props.count > 0 && props.children}
    </Stack>
  );
}
