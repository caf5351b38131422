import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { renderWithTheme } from '../../test-render';
import { FilterSelect } from './FilterSelect';

const KINDS = [
  { value: 'admin.user_created', label: 'Benutzerkonto angelegt' },
  { value: 'admin.user_disabled', label: 'Benutzerkonto deaktiviert' },
];

function Harness({ changes }: { changes: string[] }) {
  const [value, setValue] = useState('');
  return (
    <>
      <FilterSelect
        label="Art"
        anyLabel="Alle Arten"
        data={KINDS}
        value={value}
        onChange={(v) => {
          changes.push(v);
          setValue(v);
        }}
      />
      <input aria-label="danach" />
    </>
  );
}

describe('FilterSelect', () => {
  it('reads "Alle Arten" with no filter, takes a typed kind with Enter, and lifts it again when emptied', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness changes={changes} />);
    const u = userEvent.setup();
    const field = screen.getByRole('combobox', { name: 'Art' });
    expect(field).toHaveValue('Alle Arten');
    await u.click(field);
    await u.clear(field);
    await u.keyboard('deaktiviert{Enter}');
    expect(changes).toEqual(['admin.user_disabled']);
    expect(field).toHaveValue('Benutzerkonto deaktiviert');
    await u.clear(field);
    await u.tab();
    expect(changes).toEqual(['admin.user_disabled', '']);
    expect(field).toHaveValue('Alle Arten');
  });

  it('offers "Alle Arten" as a choice of its own', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness changes={changes} />);
    const u = userEvent.setup();
    const field = screen.getByRole('combobox', { name: 'Art' });
    await u.click(field);
    await u.clear(field);
    await u.keyboard('angelegt{Tab}');
    await u.click(field);
    await u.clear(field);
    await u.keyboard('alle{Enter}');
    expect(changes).toEqual(['admin.user_created', '']);
  });
});
