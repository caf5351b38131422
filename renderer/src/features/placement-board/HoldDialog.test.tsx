import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { renderWithTheme } from '../../test-render';
import { HoldDialog } from './HoldDialog';

const NOW = Date.UTC(2025, 10, 24, 1, 51);
const JSH = demoFacilities(NOW).find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
const INTAKE = '11111111-1111-4111-8111-111111111111';

describe('the dialog "Platz halten"', () => {
  it('offers "Alter unbekannt" for a child whose age nobody knows, and holds the place with it', async () => {
    const onConfirm = vi.fn(async () => {});
    renderWithTheme(
      <HoldDialog
        facility={JSH}
        draft={{ intakeRef: INTAKE, sex: 'female' }}
        intakes={[{ id: INTAKE, name: 'Emma Erfunden' }]}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Platz halten' }));
    expect(onConfirm).not.toHaveBeenCalled();

    await u.click(screen.getByRole('combobox', { name: 'Altersgruppe' }));
    await u.click(await screen.findByRole('option', { name: 'Alter unbekannt', hidden: true }));
    await u.click(screen.getByRole('button', { name: 'Platz halten' }));
    expect(onConfirm).toHaveBeenCalledWith({ intakeRef: INTAKE, sex: 'female', ageGroup: 'unknown' });
  });
});
