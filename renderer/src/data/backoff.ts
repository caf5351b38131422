/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with full jitter so that a whole office
 * coming back online after an outage does not reconnect in lockstep.
 */
export type BackoffOptions = { baseMs: number; capMs: number; random?: () => number };

export function backoffDelay(attempt: number, { baseMs, capMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
