import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { ObhutBridge, ProblemReport } from '../../../shared/ipc';
import { ErrorBoundary } from './ErrorBoundary';
import { reportProblem } from './problems';

function Broken(): never {
  throw new TypeError('Jonas Testkind: cannot read properties of undefined');
}

describe('the error boundary', () => {
  afterEach(() => {
    delete window.obhut;
  });

  it('shows a German message and "Neu laden" instead of a blank window, and reports the error by its name only', async () => {
    const reports: ProblemReport[] = [];
    window.obhut = { reportProblem: async (r: ProblemReport) => void reports.push(r) } as unknown as ObhutBridge;
    const onReload = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <MantineProvider>
        <ErrorBoundary onReload={onReload}>
          <Broken />
        </ErrorBoundary>
      </MantineProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('nicht verloren');
    const button = screen.getByRole('button', { name: 'Neu laden' });
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onReload).toHaveBeenCalledOnce();
    expect(reports).toEqual([{ code: 'TypeError', where: 'render' }]);
    expect(JSON.stringify(reports)).not.toContain('Jonas');
  });

  it('renders its children while nothing fails', () => {
    render(
      <MantineProvider>
        <ErrorBoundary>
          <p>Inobhutnahmen</p>
        </ErrorBoundary>
      </MantineProvider>,
    );
    expect(screen.getByText('Inobhutnahmen')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns names that are not plain tokens into a generic code', () => {
    const reports: ProblemReport[] = [];
    const bridge = { reportProblem: async (r: ProblemReport) => void reports.push(r) } as unknown as ObhutBridge;
    const error = new Error('x');
    error.name = 'Fehler bei Jonas Testkind';
    reportProblem(error, 'render', bridge);
    reportProblem('a string', 'promise', bridge);
    expect(reports).toEqual([
      { code: 'Error', where: 'render' },
      { code: 'string', where: 'promise' },
    ]);
  });
});
