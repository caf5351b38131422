import { Anchor, Button, Fieldset, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import type { PlacementAnswer, RefusalReason } from '../../../../shared/catalogues/entry';
import { de } from '../../../../shared/i18n';
import { missingLabel } from '../../../../shared/nightRecord/fieldLabel';
import type { Entry } from '../../../../shared/schema/entry';
import type { Intake } from '../../../../shared/schema/intake';
import { getAtPath, labelKeyOf } from '../../../../shared/sync/paths';
import type { FieldEdit, IntakeRepository } from '../../data/intakes';
import { newId } from '../../data/intakes';
import { type FieldSpec, inputId, type ListSpec, type SectionSpec } from '../../record/fields';
import { ResponsibilityInfo } from '../../record/ResponsibilityInfo';
import { ChildGroupPanel } from './ChildGroupPanel';
import { EarlierIntakes } from './EarlierIntakesPanel';
import { BoundField } from './FieldInput';
import { PlacementSearch, type PlaceRef, type PlaceSuggestion } from './PlacementSearch';
import { focusField, focusSection } from './record-focus';

const t = de.app.nightRecord;

export type FieldPropsOf = (spec: FieldSpec, path: string) => Parameters<typeof BoundField>[0];

/** What every section of one record shares: the record, who may change what, and the panels' data. */
export type SectionContext = {
  id: string;
  effective: Intake;
  /** The own office's editable record (not locked, not received). */
  editable: boolean;
  readOnly: boolean;
  fieldProps: FieldPropsOf;
  /** The child's first field takes the cursor (unless the record opens at its comment or conflicts). */
  autoFocusFirst: boolean;
  write: (edits: readonly FieldEdit[]) => Promise<void>;
  intakes: Pick<IntakeRepository, 'modify'>;
  userOfficeId: string;
  /** The related records' panels are shown (NightRecordForm's `relatedPanels`). */
  relatedPanels?: boolean;
  placementEntries: readonly Entry[];
  suggestions?: readonly PlaceSuggestion[];
  onAnswer: (place: PlaceRef, answer: PlacementAnswer, reason?: RefusalReason) => Promise<void>;
  onOpenBoard?: () => void;
};

/** The section links: each scrolls its heading below the sticky headers and takes the cursor there. */
export function SectionsNav({ visible }: { visible: readonly SectionSpec[] }) {
  return (
    <Group gap={6} aria-label={t.sectionsNav} role="navigation">
      {visible.map((s, i) => (
        <Anchor
          key={s.id}
          size="xs"
          href={`#section-${s.id}`}
          aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
          onClick={(e) => {
            e.preventDefault();
            focusSection(s.id, 'heading');
          }}
        >
          {s.title}
        </Anchor>
      ))}
    </Group>
  );
}

/** One step of the night: its fields, and the panels that belong to it (placement search, earlier intakes, …). */
export function RecordSection({ section, ctx }: { section: SectionSpec; ctx: SectionContext }) {
  return (
    <Fieldset
      id={`section-${section.id}`}
      legend={
        <span id={`section-${section.id}-title`} tabIndex={-1}>
          {section.title}
        </span>
      }
      data-section={section.id}
    >
      <Stack gap="sm">
        {section.id === 'placement' && <PlacementTools ctx={ctx} />}
        <SectionFields
          section={section}
          fieldProps={ctx.fieldProps}
          autoFocusFirst={section.id === 'child' && ctx.autoFocusFirst}
        />
        {section.id === 'child' && ctx.relatedPanels && <ChildPanels ctx={ctx} />}
        {section.list && (
          <ListItems
            list={section.list}
            doc={ctx.effective}
            fieldProps={ctx.fieldProps}
            write={ctx.write}
            readOnly={ctx.readOnly}
          />
        )}
        {section.id === 'responsibility' && <ResponsibilityInfo intake={ctx.effective} />}
      </Stack>
    </Fieldset>
  );
}

function PlacementTools({ ctx }: { ctx: SectionContext }) {
  return (
    <>
      {ctx.onOpenBoard && !ctx.readOnly && (
        <Button variant="light" onClick={ctx.onOpenBoard} style={{ alignSelf: 'flex-start' }} data-testid="open-board">
          {de.app.board.searchForIntake}
        </Button>
      )}
      <PlacementSearch
        intakeId={ctx.id}
        entries={ctx.placementEntries}
        suggestions={ctx.suggestions}
        onAnswer={ctx.onAnswer}
        readOnly={ctx.readOnly}
      />
    </>
  );
}

function ChildPanels({ ctx }: { ctx: SectionContext }) {
  return (
    <>
      <EarlierIntakes record={ctx.effective} officeId={ctx.userOfficeId} editable={ctx.editable} write={ctx.write} />
      <ChildGroupPanel
        record={ctx.effective}
        officeId={ctx.userOfficeId}
        editable={ctx.editable}
        write={ctx.write}
        intakes={ctx.intakes}
      />
    </>
  );
}

function SectionFields({
  section,
  fieldProps,
  autoFocusFirst,
}: {
  section: SectionSpec;
  fieldProps: FieldPropsOf;
  autoFocusFirst: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {section.fields.map((spec, i) => (
        <div
          key={spec.path}
          style={spec.kind === 'textarea' || spec.kind === 'codes' ? { gridColumn: '1 / -1' } : undefined}
        >
          <BoundField {...fieldProps(spec, spec.path)} autoFocus={autoFocusFirst && i === 0} />
        </div>
      ))}
    </SimpleGrid>
  );
}

function ListItems({
  list,
  doc,
  fieldProps,
  write,
  readOnly,
}: {
  list: ListSpec;
  doc: Intake;
  fieldProps: FieldPropsOf;
  write: (edits: readonly FieldEdit[]) => Promise<void>;
  /** No person is added or removed once the record is locked or received (a late one goes into the log). */
  readOnly: boolean;
}) {
  const items = (getAtPath(doc, list.path) as { id: string }[] | undefined) ?? [];
  // The first field of a person just added takes the cursor once it is on screen.
  const [added, setAdded] = useState<string | null>(null);
  const add = async () => {
    const itemId = newId();
    setAdded(itemId);
    await write([[`${list.path}[${itemId}]`, { id: itemId }]]);
  };
  return (
    <Stack gap="sm">
      {list.path === 'custodians' && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.noCustodians}
        </Text>
      )}
      {items.map((item, n) => (
        <Paper key={item.id} withBorder p="xs" data-testid="list-item" data-list={list.path}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {list.itemLabel(n + 1)}
            </Text>
            {!readOnly && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void write([[`${list.path}[${item.id}]`, undefined]])}
              >
                {t.removeItem(list.itemLabel(n + 1))}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {list.fields.map((spec, i) => (
              <div key={spec.path} style={spec.kind === 'textarea' ? { gridColumn: '1 / -1' } : undefined}>
                <BoundField
                  {...fieldProps(spec, `${list.path}[${item.id}].${spec.path}`)}
                  autoFocus={i === 0 && item.id === added}
                />
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button size="xs" variant="light" id={inputId(list.path)} onClick={() => void add()}>
            {list.addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** What is still missing for "Zur Prüfung vorlegen", each a link to its field. */
export function MissingPanel({
  missing,
  doc,
  blocked,
}: {
  missing: readonly string[];
  doc: Intake;
  blocked: string | null;
}) {
  return (
    <Paper withBorder p="sm" data-testid="intake-missing" data-count={missing.length}>
      <Title order={3} size="h5" mb="xs" c={blocked ? 'red' : undefined}>
        {blocked
          ? `${blocked} ${t.missing.title(missing.length)}`
          : missing.length
            ? t.missing.title(missing.length)
            : t.missing.complete}
      </Title>
      {missing.length > 0 && (
        <List size="sm" spacing={2}>
          {missing.map((path) => {
            const label = missingLabel(path, doc);
            return (
              <List.Item key={path} data-path={labelKeyOf(path)}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => focusField(path)}
                  aria-label={t.missing.goTo(label)}
                  // A button centres its lines; a wrapped entry would stand apart from its bullet.
                  style={{ textAlign: 'left' }}
                >
                  {label}
                </Anchor>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
