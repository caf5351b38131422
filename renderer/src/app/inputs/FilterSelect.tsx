import type { SearchOption } from './option-search';
import { SearchSelect } from './SearchSelect';

/** Stands for "no narrowing" in the list; no code, user id or year looks like it. */
const ANY = '*';

type Props = Omit<Parameters<typeof SearchSelect>[0], 'data'> & {
  data: readonly SearchOption[];
  /** The first option, for no narrowing ("Alle Arten"); it is the value ''. */
  anyLabel: string;
};

/**
 * A filter to type in (SearchSelect) whose first option lifts the filter: choosing it, or emptying the text and
 * leaving the field, gives ''. The field then reads "Alle …" rather than nothing, so the list says what it shows.
 */
export function FilterSelect({ data, anyLabel, value, onChange, ...rest }: Props) {
  return (
    <SearchSelect
      {...rest}
      data={[{ value: ANY, label: anyLabel }, ...data]}
      value={value === '' ? ANY : value}
      onChange={(next) => onChange(next === ANY ? '' : next)}
    />
  );
}
