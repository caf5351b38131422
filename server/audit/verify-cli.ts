import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import type { Db } from '../db/db';
import { openPostgres } from '../db/postgres';
import type { ChainBreak } from './chain';
import { verifyAuditChain } from './log';
import { checkSignedHeads, type HeadProblem, parsePublicKey } from './signed-heads';

/**
 * `npm run audit:verify`: re-computes the audit trail's hash chain of the database in DATABASE_URL (or of the
 * embedded store in OBHUT_DATA_DIR, default data/) and names the first row that was changed or deleted.
 * With OBHUT_AUDIT_HEADS_FILE and OBHUT_AUDIT_PUBLIC_KEY it also checks the signed heads exported outside the
 * database (signed-heads.ts): a chain the database owner rewrote and re-hashed no longer reaches them.
 * Exit code 0 = intact, 1 = tampered with, 2 = could not check.
 */
function describeBreak(b: ChainBreak): string {
  switch (b.kind) {
    case 'changed':
      return `Eintrag Nr. ${b.id} wurde verändert: sein Inhalt passt nicht mehr zu seinem Hash.`;
    case 'missing':
      return `Eintrag Nr. ${b.id} fehlt: er wurde gelöscht.`;
    case 'relinked':
      return `Eintrag Nr. ${b.id} wurde verändert oder ersetzt und neu gehasht: Eintrag Nr. ${b.id + 1} verweist nicht mehr auf ihn.`;
    case 'head':
      return `Das Ende der Kette passt nicht zum Kettenkopf (Eintrag Nr. ${b.id}): Einträge am Ende wurden verändert oder gelöscht.`;
  }
}

function describeHeadProblem(p: HeadProblem): string {
  switch (p.kind) {
    case 'bad_line':
      return `Zeile ${p.line} der Kettenkopf-Datei ist unlesbar.`;
    case 'bad_signature':
      return `Die Signatur des Kettenkopfs Nr. ${p.seq} (Zeile ${p.line}) ist ungültig: die Datei wurde verändert.`;
    case 'missing':
      return `Eintrag Nr. ${p.seq}, signiert am ${p.at}, fehlt in der Datenbank: Einträge wurden gelöscht.`;
    case 'rewritten':
      return `Eintrag Nr. ${p.seq} passt nicht zum am ${p.at} signierten Kettenkopf: die Kette bis dahin wurde neu geschrieben.`;
  }
}

async function open(): Promise<Db> {
  if (process.env.DATABASE_URL) return openPostgres(process.env.DATABASE_URL);
  const dataDir = process.env.OBHUT_DATA_DIR || 'data';
  if (!existsSync(dataDir)) throw new Error(`Kein DATABASE_URL gesetzt und kein eingebetteter Speicher in ${dataDir}`);
  const { openPglite } = await import('../db/pglite');
  return openPglite(dataDir);
}

async function main(): Promise<number> {
  let db: Db;
  try {
    db = await open();
  } catch (err) {
    console.error(`Prüfung nicht möglich: ${(err as Error).message}`);
    return 2;
  }
  try {
    const result = await verifyAuditChain(db);
    const headsFile = process.env.OBHUT_AUDIT_HEADS_FILE;
    const publicKey = process.env.OBHUT_AUDIT_PUBLIC_KEY;
    if (headsFile && publicKey) {
      const problems = await checkSignedHeads(db, await readFile(headsFile, 'utf8'), parsePublicKey(publicKey));
      for (const problem of problems) console.error(`AUDIT-PROTOKOLL MANIPULIERT. ${describeHeadProblem(problem)}`);
      if (problems.length && result.ok) return 1;
      if (!problems.length) console.log(`Signierte Kettenköpfe in ${headsFile} passen zur Kette.`);
    } else if (headsFile || publicKey) {
      console.error('Für die signierten Kettenköpfe braucht es OBHUT_AUDIT_HEADS_FILE und OBHUT_AUDIT_PUBLIC_KEY.');
      return 2;
    }
    if (result.ok) {
      console.log(`Audit-Protokoll unversehrt: ${result.count} Einträge, Hash des letzten Eintrags ${result.head}.`);
      return 0;
    }
    console.error(`AUDIT-PROTOKOLL MANIPULIERT. ${describeBreak(result.break)}`);
    const intactUpTo = result.break.id - 1;
    if (result.break.kind !== 'head' && intactUpTo > 0)
      console.error(`Die Einträge Nr. 1 bis ${intactUpTo} sind unversehrt.`);
    return 1;
  } catch (err) {
    console.error(`Prüfung nicht möglich: ${(err as Error).message}`);
    return 2;
  } finally {
    await db.close();
  }
}

void main().then((code) => process.exit(code));
