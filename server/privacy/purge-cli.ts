import { existsSync, readFileSync } from 'node:fs';

import { de } from '../../shared/i18n';
import { isOfficeId } from '../../shared/offices';
import { DEFAULT_RETENTION_CONFIG, parseRetentionConfig, type RetentionConfig } from '../../shared/retention';
import { COLLECTIONS } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { ensureFeeds } from '../sync/push';
import { dryRun, type OfficePlan, type PurgeResult, runPurge } from './retention';

/**
 * `npm run purge -- --dry-run` lists per office what the retention rule would delete now; `npm run purge` deletes
 * it. Both are recorded in the audit trail. The database is DATABASE_URL's (or the embedded store in
 * OBHUT_DATA_DIR, default data/); the rule is the deletion concept's defaults, or OBHUT_RETENTION_FILE (JSON, see
 * docs/admin.md). Exit code 0 = done, 2 = could not run. Meant to run nightly (docs/admin.md).
 */

async function open(): Promise<Db> {
  if (process.env.DATABASE_URL) return openPostgres(process.env.DATABASE_URL);
  const dataDir = process.env.OBHUT_DATA_DIR || 'data';
  if (!existsSync(dataDir)) throw new Error(`Kein DATABASE_URL gesetzt und kein eingebetteter Speicher in ${dataDir}`);
  const { openPglite } = await import('../db/pglite');
  return openPglite(dataDir);
}

export function loadRetentionConfig(path = process.env.OBHUT_RETENTION_FILE): RetentionConfig {
  if (!path) return DEFAULT_RETENTION_CONFIG;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Aufbewahrungsregeln in ${path} nicht lesbar: ${(err as Error).message}`);
  }
  return parseRetentionConfig(raw);
}

const officeName = (id: string) => (isOfficeId(id) ? de.offices[id] : id);

export function describePlan(plans: OfficePlan[]): string[] {
  const lines = ['Probelauf: Es wurde nichts gelöscht. Ein Lauf ohne --dry-run würde löschen:'];
  for (const p of plans) {
    const closed = p.purge.filter((r) => r.reason === 'closed_measure');
    const drafts = p.purge.filter((r) => r.reason === 'abandoned_draft');
    lines.push(
      `${officeName(p.officeId)} (abgeschlossene Maßnahmen nach ${p.policy.closedMeasureYears} Jahren, Entwürfe nach ` +
        `${p.policy.draftDays} Tagen, Löschvermerke nach ${p.policy.tombstoneDays} Tagen):`,
      `  ${closed.length} abgeschlossene Maßnahme(n), ${drafts.length} nie eingereichte(r) Entwurf/Entwürfe, ` +
        `${p.entries} Protokolleintrag/-einträge, ${p.unstripped} gelöschte(r) Datensatz/Datensätze mit Restinhalt, ` +
        `${p.expiredTombstones} alte(r) Löschvermerk(e)`,
      ...closed.map((r) => `  - ${r.id} (Maßnahme beendet, Frist abgelaufen)`),
      ...drafts.map((r) => `  - ${r.id} (Entwurf, nie eingereicht)`),
      ...p.held.map((h) => `  zurückgehalten: ${h.id} (Bundesstatistik ${h.statisticsYear} noch nicht exportiert)`),
    );
  }
  return lines;
}

export function describeResult(results: PurgeResult[]): string[] {
  return [
    'Löschlauf ausgeführt:',
    ...results.map(
      (r) =>
        `${officeName(r.officeId)}: ${r.intakes.length} Datensatz/Datensätze, ${r.entries} Protokolleintrag/-einträge ` +
        `gelöscht; ${r.stripped} Restinhalt(e) entfernt; ${r.removedTombstones} Löschvermerk(e) entfernt`,
    ),
  ];
}

async function main(): Promise<number> {
  const dry = process.argv.includes('--dry-run');
  let db: Db;
  let config: RetentionConfig;
  try {
    config = loadRetentionConfig();
    db = await open();
    await migrate(db);
    await ensureFeeds(db, COLLECTIONS);
  } catch (err) {
    console.error(`Löschlauf nicht möglich: ${(err as Error).message}`);
    return 2;
  }
  try {
    const now = Date.now();
    if (dry) console.log(describePlan(await dryRun(db, config, now)).join('\n'));
    else {
      console.log(describeResult(await runPurge(db, config, now)).join('\n'));
      // Deleted rows stay in the table's pages until VACUUM reuses them.
      await db.exec('VACUUM documents');
    }
    return 0;
  } catch (err) {
    console.error(`Löschlauf nicht möglich: ${(err as Error).message}`);
    return 2;
  } finally {
    await db.close();
  }
}

if (process.argv[1]?.endsWith('purge-cli.ts')) void main().then((code) => process.exit(code));
