import { Fieldset, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo } from 'react';

import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { getAtPath } from '../../../../shared/sync/paths';
import { type FieldSpec, SECTIONS } from '../../record/fields';
import { displayOf } from '../../record/values';

const t = de.review.ui.record;

/** One value as a label over its text; long texts span the row. */
function Value({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const wide = spec.kind === 'textarea' || spec.kind === 'codes';
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined} data-testid="summary-field" data-path={spec.path}>
      <Text size="xs" c="dimmed">
        {spec.label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {displayOf(spec, value)}
      </Text>
    </div>
  );
}

/**
 * The whole night record read-only, section by section in the order of the form (night-record/fields.ts), with the
 * same German labels and value texts. Sections the record has no data for are left out (the §42a ones), as in the form.
 */
export const RecordSummary = memo(function RecordSummary({ intake }: { intake: Intake }) {
  const ground = intake.decision?.ground;
  const visible = SECTIONS.filter((s) => !s.showWhen || s.showWhen(ground) || getAtPath(intake, s.id) !== undefined);
  return (
    <Stack component="section" gap="sm" data-testid="record-summary" aria-label={t.summary}>
      {visible.map((section) => {
        const items = section.list
          ? ((getAtPath(intake, section.list.path) as { id: string }[] | undefined) ?? [])
          : [];
        return (
          <Fieldset key={section.id} legend={section.title} data-section={section.id}>
            <Stack gap="xs">
              {section.fields.length > 0 && (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  {section.fields.map((spec) => (
                    <Value key={spec.path} spec={spec} value={getAtPath(intake, spec.path)} />
                  ))}
                </SimpleGrid>
              )}
              {section.list &&
                items.map((item, n) => (
                  <Paper key={item.id} withBorder p="xs" data-testid="summary-item" data-list={section.list!.path}>
                    <Text size="sm" fw={600} mb={4}>
                      {section.list!.itemLabel(n + 1)}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      {section.list!.fields.map((spec) => (
                        <Value key={spec.path} spec={spec} value={(item as Record<string, unknown>)[spec.path]} />
                      ))}
                    </SimpleGrid>
                  </Paper>
                ))}
              {section.list && section.fields.length === 0 && items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t.summaryEmpty}
                </Text>
              )}
            </Stack>
          </Fieldset>
        );
      })}
    </Stack>
  );
});
