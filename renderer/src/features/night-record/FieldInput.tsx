import { Checkbox, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { memo } from 'react';

import { de } from '../../../../shared/i18n';
import { DateTextInput } from '../../app/inputs/DateTextInput';
import { SearchSelect } from '../../app/inputs/SearchSelect';
import { type FieldSpec, inputId } from '../../record/fields';
import { parseRaw, type Raw, toRaw } from '../../record/values';
import { type DraftStore, useDraft } from './draft-store';

const t = de.app.nightRecord;

type Props = {
  spec: FieldSpec;
  /** The full document path (for list items with the item's id). */
  path: string;
  value: Raw;
  error?: string;
  now: () => number;
  autoFocus?: boolean;
  /** Read only: the record is locked or belongs to another office (access.ts). */
  disabled?: boolean;
  /**
   * A late fact of a locked record: a choice, too, is written only when the field is left (type-ahead in a select
   * or a second checkbox must not be taken for the fact already).
   */
  deferred?: boolean;
  onChange: (path: string, raw: Raw) => void;
  onBlur: () => void;
};

/**
 * One field of the night record, chosen by its kind. Dates and times are German text fields (one Tab stop, "J" for
 * now, whatever the OS language); choices are selects to type in ("2b", "Polizei"); checkboxes take Space.
 */
export const FieldInput = memo(function FieldInput({
  spec,
  path,
  value,
  error,
  now,
  autoFocus,
  disabled,
  deferred,
  onChange,
  onBlur,
}: Props) {
  const id = inputId(path);
  const common = {
    id,
    label: spec.label,
    error,
    onBlur,
    autoFocus: autoFocus && !disabled,
    disabled,
    description: spec.hint,
  };
  const text = value as string;
  const set = (raw: Raw) => onChange(path, raw);
  // A choice is made at once: written straight away, so the missing list and the deadlines follow it.
  const choose = (raw: Raw) => {
    onChange(path, raw);
    if (!deferred) onBlur();
  };

  switch (spec.kind) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={12}
          value={text}
          onChange={(e) => set(e.currentTarget.value)}
        />
      );
    case 'datetime':
    case 'date':
      return (
        <DateTextInput
          {...common}
          kind={spec.kind}
          now={now}
          description={spec.hint ?? (spec.kind === 'datetime' ? t.now : undefined)}
          value={text}
          onValueChange={set}
        />
      );
    case 'int':
      return (
        <TextInput
          {...common}
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => set(e.currentTarget.value)}
        />
      );
    case 'bool':
      return (
        <SearchSelect
          {...common}
          placeholder={t.choose}
          value={text}
          onChange={choose}
          data={[
            { value: 'true', label: t.yes },
            { value: 'false', label: t.no },
          ]}
        />
      );
    case 'code':
      return (
        <SearchSelect {...common} placeholder={t.choose} value={text} onChange={choose} data={spec.options ?? []} />
      );
    case 'codes':
      return (
        // Deferred: written when the focus leaves the group, not when it moves from box to box.
        <div onBlur={deferred ? (e) => void (!e.currentTarget.contains(e.relatedTarget) && onBlur()) : undefined}>
          <Checkbox.Group id={id} label={spec.label} error={error} value={value as string[]} onChange={choose}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {(spec.options ?? []).map((o) => (
                <Checkbox
                  key={o.value}
                  value={o.value}
                  label={o.label}
                  disabled={disabled}
                  id={o === spec.options![0] ? `${id}-first` : undefined}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </div>
      );
    default:
      return <TextInput {...common} autoComplete="off" value={text} onChange={(e) => set(e.currentTarget.value)} />;
  }
});

type BoundProps = Omit<Props, 'value' | 'error'> & {
  store: DraftStore;
  /** The stored value at the path. */
  stored: unknown;
  /** A message from checks across fields or the submit rules. */
  extraError?: string;
};

/**
 * A field bound to the record: shows what was typed (the draft) or else the stored value, with the parse message
 * of its own text first. Subscribed to its own draft only, so typing re-renders this field alone.
 */
export const BoundField = memo(function BoundField({ store, stored, extraError, ...rest }: BoundProps) {
  const draft = useDraft(store, rest.path);
  const value = draft ?? toRaw(rest.spec, stored);
  const parsed = draft === undefined ? null : parseRaw(rest.spec, draft, rest.now());
  return <FieldInput {...rest} value={value} error={(parsed && !parsed.ok ? parsed.error : undefined) ?? extraError} />;
});
