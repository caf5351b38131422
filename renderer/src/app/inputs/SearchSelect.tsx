import { type ComboboxItem, type OptionsFilter, Select, type SelectProps } from '@mantine/core';
import { type FocusEvent, useState } from 'react';

import { matchOptions, type SearchOption } from './option-search';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  data: readonly SearchOption[];
  /** The chosen code, '' for none. */
  value: string;
  onChange: (value: string) => void;
};

const filter: OptionsFilter = ({ options, search }) => matchOptions(options as ComboboxItem[], search);

/**
 * A select to type in: "2b", "Stormarn", "Polizei" narrow the list (option-search.ts), the first match is marked,
 * and Enter or leaving the field with Tab takes it, so a choice costs no extra key. Emptying the text and leaving
 * the field clears the choice. Its accessible name is its label, as the native select's was.
 */
export function SearchSelect({ data, value, onChange, onBlur, disabled, ...rest }: Props) {
  const [search, setSearch] = useState<string | null>(null);
  const chosen = data.find((o) => o.value === value);
  const chosenLabel = chosen?.label ?? '';
  // Mantine does not narrow the list while the text is the chosen option's label, and marks its first option: Enter
  // after typing "2025" over a chosen 2025 took 2024. With the chosen option first, it keeps what was typed.
  const options = chosen && search === chosenLabel ? [chosen, ...data.filter((o) => o !== chosen)] : data;
  return (
    <Select
      {...rest}
      disabled={disabled}
      data={options as SearchOption[]}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ?? '')}
      searchable
      filter={filter}
      allowDeselect={false}
      selectFirstOptionOnChange
      searchValue={search ?? chosenLabel}
      onSearchChange={setSearch}
      comboboxProps={{ withinPortal: true }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        // Only what was typed is taken on leaving: tabbing through a chosen field changes nothing. The text is read
        // from the input as it was left and its first match computed here, not taken from the dropdown's marked
        // option, which may not have caught up with fast typing (the value was then dropped without a word).
        const text = e.currentTarget.value;
        const first = text.trim() !== '' && text !== chosenLabel ? matchOptions(data, text)[0] : undefined;
        if (first && first.value !== value) onChange(first.value);
        else if (text.trim() === '' && value !== '') onChange('');
        setSearch(null);
        onBlur?.(e);
      }}
    />
  );
}
