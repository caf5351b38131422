/**
 * The end of an exhaustive switch over a union (after Signal Desktop's missingCaseError): a new member of the union
 * that the switch does not handle is a type error here, and at run time a clear error rather than a blank screen.
 */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
