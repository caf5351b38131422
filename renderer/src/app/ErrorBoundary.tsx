import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

import { de } from '../../../shared/i18n';
import { reportProblem } from './problems';

const t = de.problems.boundary;

type Props = { children: ReactNode; onReload?: () => void };
type State = { failed: boolean };

/**
 * The last line: a render error shows a German message and "Neu laden" instead of a blank window. Nothing typed is
 * lost by reloading: every field is written to the local database as it is typed (useRecordEditor).
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    reportProblem(error, 'render');
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return (
      <Center component="main" mih="100vh" p="md">
        <Alert color="red" title={t.title} maw={560} role="alert">
          <Stack>
            <Text>{t.message}</Text>
            <Button onClick={reload} autoFocus>
              {t.reload}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
}
