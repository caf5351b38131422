/**
 * What a laptop reports about the records it showed or let out (issue 16): every opening of a record, every PDF,
 * print, CSV and document production. Reported to POST /api/v1/local-events (docs/api.md), kept in a queue on the
 * laptop while offline (renderer/src/data/access-log.ts), and written by the server into the audit trail with the
 * user and device of the session - never content: the kind, the record's id, the time, for the statistics the year
 * and how many measures.
 */

/** `opened`: a record shown on the laptop. The others: something that leaves the app (file or paper). */
export const LOCAL_EVENT_KINDS = ['opened', 'pdf', 'print', 'csv', 'document', 'statistics'] as const;
export type LocalEventKind = (typeof LOCAL_EVENT_KINDS)[number];

export type LocalEvent = {
  /** Made on the laptop (a UUID): the same event sent twice is recorded once. */
  id: string;
  kind: LocalEventKind;
  /** The record (intake id); absent for the statistics, which covers many. */
  recordId?: string;
  /** When it happened on the laptop (epoch ms). */
  at: number;
  /** Statistics: the report year and the number of measures in it. */
  year?: number;
  count?: number;
};

export type LocalEventsRequest = { events: LocalEvent[] };
export type LocalEventsResponse = { recorded: number };

/** At most this many events per request; a longer queue is sent in parts. */
export const LOCAL_EVENTS_MAX = 200;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEYS = new Set(['id', 'kind', 'recordId', 'at', 'year', 'count']);
const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Whether a value is a well-formed event: known kind, ids as document ids, nothing else (no room for content). */
export function isLocalEvent(value: unknown): value is LocalEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  if (Object.keys(e).some((k) => !KEYS.has(k))) return false;
  if (typeof e.id !== 'string' || !ID.test(e.id)) return false;
  if (!(LOCAL_EVENT_KINDS as readonly unknown[]).includes(e.kind)) return false;
  if (!isInt(e.at, 0, 8.64e15)) return false;
  if (e.kind === 'statistics') {
    return e.recordId === undefined && isInt(e.year, 2000, 2100) && (e.count === undefined || isInt(e.count, 0, 1e7));
  }
  return typeof e.recordId === 'string' && ID.test(e.recordId) && e.year === undefined && e.count === undefined;
}
