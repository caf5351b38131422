import { entryWireSchema } from '../schema/entry';
import { intakeWireSchema } from '../schema/intake';

/** The limits of one field of the night record, as the schema sets them (the server validates against the same). */
export type FieldLimits = { maxLength?: number; min?: number; max?: number };

type Node = {
  type?: string;
  properties?: Record<string, Node>;
  items?: Node;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

/**
 * Limits of a field by its path (`child.firstName`, `custodians.reaction` for a field of every custodian), read from
 * the intake's JSON schema (shared/schema/intake.ts), so the form never allows what the server refuses. Undefined for
 * a path the schema does not know.
 */
export function intakeFieldLimits(path: string): FieldLimits | undefined {
  return limitsIn(intakeWireSchema, path);
}

/** Limits of a field of a log line (shared/schema/entry.ts), e.g. `text`. */
export function entryFieldLimits(path: string): FieldLimits | undefined {
  return limitsIn(entryWireSchema, path);
}

function limitsIn(schema: Node, path: string): FieldLimits | undefined {
  let node: Node | undefined = schema;
  for (const key of path.split('.')) {
    if (node?.type === 'array') node = node.items;
    node = node?.properties?.[key];
    if (!node) return undefined;
  }
  const limits: FieldLimits = {};
  if (node.maxLength !== undefined) limits.maxLength = node.maxLength;
  if (node.minimum !== undefined && node.type === 'integer') limits.min = node.minimum;
  if (node.maximum !== undefined && node.type === 'integer') limits.max = node.maximum;
  return limits;
}
