import { TextInput, type TextInputProps } from '@mantine/core';
import { type FocusEvent, type KeyboardEvent, useState } from 'react';

import { de } from '../../../../shared/i18n';
import { formatDateText, formatDateTimeText, maskTyping, parseDateText, parseDateTimeText } from './german-date-text';

const t = de.app.dateEntry;

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  kind: 'date' | 'datetime';
  /** The text in the field (dd.MM.yyyy or dd.MM.yyyy HH:mm; anything while it is being typed). */
  value: string;
  onValueChange: (text: string) => void;
  /** The clock for "J" and relative entries. */
  now: () => number;
};

/**
 * A date or date-time field that reads and shows German dates whatever the OS language: one text input (one Tab
 * stop), digits typed with the separators filled in, "J" for now, "-15" for a quarter of an hour ago. Leaving the
 * field shows what was understood in full. A message about the text is held back while it is still being typed.
 */
export function DateTextInput({ kind, value, onValueChange, now, onKeyDown, onBlur, onFocus, error, ...rest }: Props) {
  const [focused, setFocused] = useState(false);
  const parse = (text: string) => (kind === 'date' ? parseDateText(text, now()) : parseDateTimeText(text, now()));
  const typing = focused && value !== '' && parse(value) === null;
  return (
    <TextInput
      {...rest}
      autoComplete="off"
      spellCheck={false}
      placeholder={kind === 'date' ? t.placeholderDate : t.placeholderDateTime}
      value={value}
      error={typing ? undefined : error}
      onChange={(e) => onValueChange(maskTyping(value, e.currentTarget.value, kind))}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        onKeyDown?.(e);
        if (kind === 'datetime' && !e.ctrlKey && !e.altKey && !e.metaKey && (e.key === 'j' || e.key === 'J')) {
          e.preventDefault();
          onValueChange(formatDateTimeText(now()));
        }
      }}
      onFocus={(e: FocusEvent<HTMLInputElement>) => {
        setFocused(true);
        onFocus?.(e);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setFocused(false);
        const parsed = value.trim() === '' ? null : parse(value);
        if (parsed !== null) {
          const full = typeof parsed === 'number' ? formatDateTimeText(parsed) : formatDateText(parsed);
          if (full !== value) onValueChange(full);
        }
        onBlur?.(e);
      }}
    />
  );
}

type IsoProps = Omit<Props, 'kind' | 'value' | 'onValueChange' | 'now'> & {
  /** The date as a filter or query takes it (yyyy-mm-dd), '' for none. */
  value: string;
  /** Called with the date once the text is one (or '' once the field is emptied). */
  onChange: (iso: string) => void;
  now?: () => number;
};

/** A German date field for a yyyy-mm-dd value (search and period filters): the text stays as typed meanwhile. */
export function IsoDateInput({ value, onChange, now = Date.now, error, ...rest }: IsoProps) {
  const [text, setText] = useState(() => (value ? formatDateText(value) : ''));
  const [shown, setShown] = useState(value);
  // A value set from outside (a reset, a default) replaces the text; one that came from this text leaves it.
  if (value !== shown) {
    setShown(value);
    if (value !== (parseDateText(text, now()) ?? '')) setText(value ? formatDateText(value) : '');
  }
  const invalid = text.trim() !== '' && parseDateText(text, now()) === null;
  return (
    <DateTextInput
      {...rest}
      kind="date"
      now={now}
      value={text}
      error={error ?? (invalid ? de.app.nightRecord.validation.invalidDate : undefined)}
      onValueChange={(next) => {
        setText(next);
        const iso = next.trim() === '' ? '' : parseDateText(next, now());
        if (iso !== null && iso !== value) {
          setShown(iso);
          onChange(iso);
        }
      }}
    />
  );
}
