import { intakeFieldLimits } from '../../../shared/rules/fieldLimits';
import { SECTIONS } from './fields';

/** The form's limits are the schema's (the server's): what the form takes, the server stores. */
describe('the night record form takes no more than the server stores', () => {
  const all = SECTIONS.flatMap((s) => [
    ...s.fields.map((f) => ({ field: f, path: f.path })),
    ...(s.list?.fields ?? []).map((f) => ({ field: f, path: `${s.list!.path}.${f.path}` })),
  ]);

  it.each(all.map(({ field, path }) => [path, field] as const))('%s', (path, field) => {
    const limits = intakeFieldLimits(path);
    expect(limits, 'the schema knows the field').toBeDefined();
    expect(field.maxLength).toBe(limits!.maxLength);
    expect(field.min).toBe(limits!.min);
    expect(field.max).toBe(limits!.max);
    if (field.kind === 'text' || field.kind === 'textarea') expect(field.maxLength).toBeGreaterThan(0);
  });
});
