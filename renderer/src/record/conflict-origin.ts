import { de } from '../../../shared/i18n';

const t = de.app.nightRecord.conflicts;

/**
 * How much of a device id is shown: enough to tell a team's laptops apart, and the start of what the
 * administration's device list shows in full under the name.
 */
const SHORT_ID = 8;

/** A write as a conflict records it (shared/schema/common.ts): person, the writer's clock, and the device. */
export type WriteRecord = { by: string; at: number; deviceId?: string; deviceName?: string };

/**
 * The device in words: its registered name with the start of its id (the names of a type of laptop are alike), or
 * the id alone said as such; null when the write named none (conflicts recorded before the server stamped them).
 */
export function deviceLabel(write: WriteRecord): string | null {
  if (!write.deviceId) return null;
  const id = write.deviceId;
  const short = id.length > SHORT_ID ? `${id.slice(0, SHORT_ID)}…` : id;
  return write.deviceName ? t.deviceNamed(write.deviceName, short) : t.deviceIdOnly(short);
}

/** The writer as the panel names them: "Ihnen", else the directory's name, else the id. */
export function writerLabel(by: string, currentUserId: string, names: ReadonlyMap<string, string> | undefined): string {
  return by === currentUserId ? t.you : (names?.get(by) ?? by);
}
