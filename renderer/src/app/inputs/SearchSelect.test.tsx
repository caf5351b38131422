import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { renderWithTheme } from '../../test-render';
import { SearchSelect } from './SearchSelect';

const GROUNDS = Object.entries(de.nightRecord.legalGrounds).map(([value, label]) => ({ value, label }));

function Harness({ initial = '', changes }: { initial?: string; changes: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <SearchSelect
        label="Rechtsgrundlage"
        data={GROUNDS}
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

describe('SearchSelect', () => {
  it('takes the first match of what was typed when the field is left with Tab: "2b" is § 42 … Nr. 2 Buchst. b', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness changes={changes} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('combobox', { name: 'Rechtsgrundlage' }));
    await u.keyboard('2b{Tab}');
    expect(changes).toEqual(['42_1_2b']);
    expect(screen.getByLabelText('danach')).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Rechtsgrundlage' })).toHaveValue(
      de.nightRecord.legalGrounds['42_1_2b'],
    );
  });

  it('takes what was typed when the field is left at once, without the list having been opened by a click', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness changes={changes} />);
    const input = screen.getByRole('combobox', { name: 'Rechtsgrundlage' });
    // Typed without a click that opens the list, and left at once.
    input.focus();
    await userEvent.setup().type(input, '2a', { skipClick: true });
    fireEvent.blur(input);
    expect(changes).toEqual(['42_1_2a']);
  });

  it('puts the option whose code is the search first ("42a"), and Enter takes it', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness changes={changes} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('combobox', { name: 'Rechtsgrundlage' }));
    await u.keyboard('42a{Enter}');
    expect(changes).toEqual(['42a']);
  });

  it('changes nothing when tabbed through, and clears the choice when its text is deleted', async () => {
    const changes: string[] = [];
    renderWithTheme(<Harness initial="42_1_2a" changes={changes} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('combobox', { name: 'Rechtsgrundlage' }));
    await u.tab();
    expect(changes).toEqual([]);
    await u.click(screen.getByRole('combobox', { name: 'Rechtsgrundlage' }));
    await u.clear(screen.getByRole('combobox', { name: 'Rechtsgrundlage' }));
    await u.tab();
    expect(changes).toEqual(['']);
  });

  it('keeps the choice when its own label is typed again and taken with Enter (the list then is not narrowed)', async () => {
    const changes: string[] = [];
    function Years() {
      const [value, setValue] = useState('2025');
      return (
        <SearchSelect
          label="Berichtsjahr"
          data={['2024', '2025', '2026'].map((y) => ({ value: y, label: y }))}
          value={value}
          onChange={(v) => {
            changes.push(v);
            setValue(v);
          }}
        />
      );
    }
    renderWithTheme(<Years />);
    const u = userEvent.setup();
    const field = screen.getByRole('combobox', { name: 'Berichtsjahr' });
    await u.click(field);
    await u.clear(field);
    await u.keyboard('2025{Enter}');
    expect(field).toHaveValue('2025');
    expect(changes.filter((v) => v !== '2025')).toEqual([]);
  });
});
