import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { SEXES } from '../../../../shared/catalogues/nightRecord';
import { de } from '../../../../shared/i18n';
import type { Facility } from '../../../../shared/schema/facility';
import { type Hold, HOLD_AGE_GROUPS, OVERBOOK_REASONS } from '../../../../shared/schema/hold';

const t = de.app.board.hold;

export type HoldDraft = {
  intakeRef?: string;
  ageGroup?: Hold['ageGroup'];
  sex?: Hold['sex'];
  overbookReason?: Hold['overbookReason'];
};
export type CompleteHold = Required<Omit<HoldDraft, 'overbookReason'>> & Pick<HoldDraft, 'overbookReason'>;

type Props = {
  facility: Facility;
  draft: HoldDraft;
  intakes: { id: string; name: string }[];
  /** The board shows no free place here: holding it over-books, and needs a reason. */
  full?: boolean;
  onConfirm: (hold: CompleteHold) => Promise<void>;
  onCancel: () => void;
};

/** Asks for what the board does not know yet (which intake, age group, sex) before holding a place. */
export function HoldDialog({ facility, draft, intakes, full = false, onConfirm, onCancel }: Props) {
  const [value, setValue] = useState<HoldDraft>(draft);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = (v: unknown) => (tried && !v ? t.required : undefined);

  return (
    <Modal opened onClose={onCancel} title={t.title(facility.name)} centered>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setTried(true);
          if (!value.intakeRef || !value.ageGroup || !value.sex || (full && !value.overbookReason)) return;
          setBusy(true);
          try {
            await onConfirm(value as CompleteHold);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack>
          {full && (
            <Text c="red" fw={700} data-testid="hold-full-warning">
              {t.fullWarning}
            </Text>
          )}
          {intakes.length === 0 && <Text c="orange">{t.noIntakes}</Text>}
          <Select
            label={t.intake}
            data={intakes.map((i) => ({ value: i.id, label: i.name }))}
            value={value.intakeRef ?? null}
            onChange={(v) => setValue({ ...value, intakeRef: v ?? undefined })}
            error={missing(value.intakeRef)}
            searchable
            data-autofocus
          />
          <Select
            label={t.ageGroup}
            // "Alter unbekannt" too: a record without any age still gets its place, and the facility is told so
            // rather than a guessed group (shared/schema/hold.ts).
            data={HOLD_AGE_GROUPS.map((g) => ({ value: g, label: de.placement.holdAgeGroups[g] }))}
            value={value.ageGroup ?? null}
            onChange={(v) => setValue({ ...value, ageGroup: v ?? undefined })}
            error={missing(value.ageGroup)}
          />
          <Select
            label={t.sex}
            data={SEXES.map((s) => ({ value: s, label: de.nightRecord.sexes[s] }))}
            value={value.sex ?? null}
            onChange={(v) => setValue({ ...value, sex: v ?? undefined })}
            error={missing(value.sex)}
          />
          {full && (
            <Select
              label={t.overbookReason}
              data={OVERBOOK_REASONS.map((r) => ({ value: r, label: de.placement.overbookReasons[r] }))}
              value={value.overbookReason ?? null}
              onChange={(v) => setValue({ ...value, overbookReason: (v as Hold['overbookReason']) ?? undefined })}
              error={missing(value.overbookReason)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={busy} color={full ? 'red' : undefined}>
              {full ? t.confirmOverbooking : t.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
