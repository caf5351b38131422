/**
 * `npm run bench:board`: the placement board with 300 facilities and 5,000 holds (issue 4, Show 4). Prints figures;
 * it is not a timed test. Runs the real parts: a server on PostgreSQL (DATABASE_URL, else the local one), the
 * built renderer in Debian's Chromium, an on-call worker's session that replicated everything first.
 *
 * Figures:
 * - compute: the board's model alone (matching, free places, holds per facility) in Node, median of 20 runs;
 * - first sync: login until all 5,300 documents are in the browser's database;
 * - first render: from choosing "Platzbörse" until the board is on screen: the count of all facilities and the
 *   first page of cards, best matches first (data already local);
 * - filter: from typing an age / switching "Nur passende" until the board shows the new result;
 * - more: "Weitere anzeigen" (the next page of cards).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { build } from 'vite';

import { boardCards, NO_CRITERIA } from '../renderer/src/features/placement-board/board-model';
import { AGE_GROUPS } from '../shared/catalogues/ageGroup';
import { OFFICE_IDS, type OfficeId } from '../shared/offices';
import { newHold } from '../shared/placement/newHold';
import { type Facility, FACILITY_TYPES, type FacilityWire } from '../shared/schema/facility';
import type { Hold, HoldWire } from '../shared/schema/hold';
import { launchChromium, serveRenderer } from '../test/e2e/browser';
import { login, pullAll, push } from '../test/support/api';
import { createTestDatabase } from '../test/support/pg';
import { startServer } from '../test/support/server';

const FACILITIES = 300;
const HOLDS = 5000;
const HOUR = 3_600_000;

/** A deterministic pseudo-random sequence, so every run measures the same board. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function makeFacilities(now: number): FacilityWire[] {
  const rnd = random(1);
  return Array.from({ length: FACILITIES }, (_, i) => {
    const office = OFFICE_IDS[i % OFFICE_IDS.length];
    const type = FACILITY_TYPES[i % FACILITY_TYPES.length];
    const ageMin = Math.floor(rnd() * 12);
    const total = 2 + Math.floor(rnd() * 14);
    const reportedAt = now - Math.floor(rnd() * 20 * HOUR);
    return {
      id: `bench-${i}`,
      officeId: office,
      updatedAt: reportedAt,
      updatedBy: 'koordination',
      name: `Einrichtung ${String(i + 1).padStart(3, '0')}`,
      provider: `Träger ${1 + (i % 40)}`,
      type,
      area: office,
      address: { postalCode: String(22800 + i).padStart(5, '0'), town: `Ort ${1 + (i % 60)}` },
      dutyPhone: `04100 555-${String(i).padStart(4, '0')}`,
      ageMin,
      ageMax: Math.min(17, ageMin + 4 + Math.floor(rnd() * 10)),
      sexes: rnd() < 0.8 ? ['male', 'female', 'diverse'] : rnd() < 0.5 ? ['female'] : ['male'],
      motherChildPlaces: rnd() < 0.15 ? 1 : 0,
      siblingGroupMax: 1 + Math.floor(rnd() * 4),
      specialisations: rnd() < 0.3 ? ['trauma'] : [],
      exclusions: rnd() < 0.3 ? ['acute_intoxication'] : [],
      totalPlaces: total,
      freeReports: [
        { id: randomUUID(), free: Math.floor(rnd() * (total + 1)), reportedAt, reportedBy: 'koordination' },
      ],
      motherChildFreeReports: [],
      holdExpiryHours: 4,
      conflicts: [],
      _deleted: false,
    };
  });
}

/** Holds of two weeks: most given back or lapsed, some taken, a few held tonight. */
function makeHolds(facilities: FacilityWire[], now: number): Map<OfficeId, HoldWire[]> {
  const rnd = random(2);
  const byOffice = new Map<OfficeId, HoldWire[]>(OFFICE_IDS.map((o) => [o, []]));
  for (let i = 0; i < HOLDS; i++) {
    const office = OFFICE_IDS[i % OFFICE_IDS.length];
    const facility = facilities[Math.floor(rnd() * facilities.length)];
    const roll = rnd();
    // Held tonight, or made some time in the last two weeks.
    const made = roll >= 0.95 ? now - Math.floor(rnd() * 3 * HOUR) : now - Math.floor(rnd() * 14 * 24 * HOUR);
    const base = newHold({
      id: randomUUID(),
      facility,
      officeId: office,
      intakeRef: randomUUID(),
      ageGroup: AGE_GROUPS[Math.floor(rnd() * AGE_GROUPS.length)],
      sex: rnd() < 0.5 ? 'female' : 'male',
      userId: `bereitschaft.${office}`,
      now: made,
    });
    const status: Hold['status'] =
      roll < 0.55 ? 'released' : roll < 0.8 ? 'expired' : roll < 0.95 ? 'occupied' : 'held';
    const updatedAt = status === 'released' ? Math.min(now, made + Math.floor(rnd() * 72 * HOUR)) : made;
    byOffice.get(office)!.push({ ...base, status, updatedAt, _deleted: false });
  }
  return byOffice;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function pushAll<D extends { id: string }>(
  url: string,
  token: string,
  collection: string,
  rows: { newDocumentState: D; assumedMasterState?: D }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const res = await push(url, token, collection, rows.slice(i, i + 500));
    if (res.rejected.length || res.conflicts.length)
      throw new Error(`${collection}: ${JSON.stringify(res).slice(0, 300)}`);
  }
}

/**
 * Through the contract, as the offices would have written it: a hold starts held or occupied (the server expires
 * the lapsed ones on arrival); the given-back ones were occupied and are released in a second write.
 */
async function seed(url: string, facilities: FacilityWire[], holds: Map<OfficeId, HoldWire[]>): Promise<void> {
  const coordinator = await login(url, 'koordination');
  await pushAll(
    url,
    coordinator.token,
    'facilities',
    facilities.map((doc) => ({ newDocumentState: doc })),
  );
  for (const [office, docs] of holds) {
    const { token } = await login(url, `bereitschaft.${office}`);
    const initial = (h: HoldWire): HoldWire => ({
      ...h,
      status: h.status === 'released' ? 'occupied' : h.status === 'expired' ? 'held' : h.status,
      updatedAt: h.createdAt,
    });
    await pushAll(
      url,
      token,
      'holds',
      docs.map((h) => ({ newDocumentState: initial(h) })),
    );
    const stored = new Map((await pullAll<HoldWire>(url, token, 'holds')).documents.map((h) => [h.id, h]));
    const released = docs
      .filter((h) => h.status === 'released')
      .map((h) => {
        const before = stored.get(h.id)!;
        return {
          assumedMasterState: before,
          newDocumentState: { ...before, status: 'released' as const, updatedAt: h.updatedAt },
        };
      });
    await pushAll(url, token, 'holds', released);
  }
}

function computeFigures(facilities: Facility[], holds: Hold[], now: number): { all: number; filtered: number } {
  const viewer = { officeId: 'segeberg', pendingIds: new Set<string>(), overseesVerbund: false };
  const runs = (criteria: Parameters<typeof boardCards>[2]) =>
    median(
      Array.from({ length: 20 }, () => {
        const t0 = performance.now();
        boardCards(facilities, holds, criteria, now, viewer);
        return performance.now() - t0;
      }),
    );
  return { all: runs(NO_CRITERIA), filtered: runs({ onlyFitting: false, ageYears: 15, sex: 'female' }) };
}

async function main() {
  const now = Date.now();
  const facilities = makeFacilities(now);
  const holds = makeHolds(facilities, now);
  const allHolds = [...holds.values()].flat();
  const compute = computeFigures(facilities, allHolds, now);

  console.log('Baue den Renderer …');
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
  const db = await createTestDatabase('obhut_bench_board');
  const renderer = await serveRenderer();
  const server = await startServer({
    databaseUrl: db.url,
    demo: true,
    env: { OBHUT_ALLOWED_ORIGINS: renderer.origin },
  });
  const browser = await launchChromium();
  try {
    const t0 = performance.now();
    await seed(server.url, facilities, holds);
    const seedMs = performance.now() - t0;
    // The demo facilities and holds are there too.
    const totalFacilities = facilities.length + 7;

    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${renderer.origin}/?server=${encodeURIComponent(server.url)}`);
    await page.getByLabel('Benutzername').fill('bereitschaft.segeberg');
    await page.getByLabel('Passwort').fill('obhut-demo');
    const t1 = performance.now();
    await page.getByLabel('Passwort').press('Enter');
    await page.getByTestId('status-connection').and(page.locator('[data-state="online"]')).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status-pending"]')?.getAttribute('data-count') === '0',
      null,
      { timeout: 120_000 },
    );
    // The intakes list is open; the board's documents arrive in the background: wait until they are all local.
    await page.getByText('Platzbörse', { exact: true }).click();
    const boardShown = (n: number) =>
      document.querySelector('[data-testid="board-count"]')?.textContent?.startsWith(`${n} Einrichtungen`) === true &&
      document.querySelectorAll('[data-testid="facility-card"]').length > 0;
    await page.waitForFunction(boardShown, totalFacilities, { timeout: 120_000, polling: 100 });
    const firstSyncMs = performance.now() - t1;

    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByText('Inobhutnahmen', { exact: true }).click();
      await page.getByTestId('placement-board').waitFor({ state: 'detached' });
      const t = performance.now();
      await page.getByText('Platzbörse', { exact: true }).click();
      await page.waitForFunction(boardShown, totalFacilities, { polling: 'raf' });
      renders.push(performance.now() - t);
    }
    const cardsShown = await page.locator('[data-testid="facility-card"]').count();

    const more: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await page.locator('[data-testid="facility-card"]').count();
      const t = performance.now();
      await page.getByTestId('board-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="facility-card"]').length > n, before, {
        polling: 'raf',
      });
      more.push(performance.now() - t);
    }

    const filters: number[] = [];
    const count = () => page.getByTestId('board-count').textContent();
    for (let i = 0; i < 5; i++) {
      const before = await count();
      const t = performance.now();
      await page.getByLabel('Alter (Jahre)').fill(i % 2 === 0 ? '15' : '8');
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="board-count"]')?.textContent !== text,
        before,
        {
          polling: 'raf',
        },
      );
      filters.push(performance.now() - t);
    }
    const onlyFitting: number[] = [];
    for (let i = 0; i < 4; i++) {
      const countBefore = await count();
      const t = performance.now();
      // By keyboard, as the filters may have scrolled under the header.
      await page.getByRole('switch', { name: 'Nur passende anzeigen' }).focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="board-count"]')?.textContent !== text,
        countBefore,
        {
          polling: 'raf',
        },
      );
      onlyFitting.push(performance.now() - t);
    }
    await context.close();

    const ms = (v: number) => `${Math.round(v)} ms`;
    console.log('');
    console.log(
      `Platzbörse mit ${FACILITIES} Einrichtungen und ${HOLDS} Reservierungen (+ Demo-Daten), Chromium headless`,
    );
    console.log(
      `  Board-Modell allein (Node, Median):     alle ${compute.all.toFixed(1)} ms, gefiltert ${compute.filtered.toFixed(1)} ms`,
    );
    console.log(`  Server befüllen (HTTP push):            ${ms(seedMs)}`);
    console.log(`  Erste Synchronisation bis alles lokal:  ${ms(firstSyncMs)}`);
    console.log(
      `  Erstes Rendern der Platzbörse (Median): ${ms(median(renders))}  (${renders.map(ms).join(', ')}; ${cardsShown} Karten, Zählung aller)`,
    );
    console.log(`  „Weitere anzeigen“ (Median):            ${ms(median(more))}  (${more.map(ms).join(', ')})`);
    console.log(`  Filter Alter anwenden (Median):         ${ms(median(filters))}  (${filters.map(ms).join(', ')})`);
    console.log(
      `  Filter „Nur passende“ (Median):         ${ms(median(onlyFitting))}  (${onlyFitting.map(ms).join(', ')})`,
    );
  } finally {
    await browser.close();
    await server.stop();
    await renderer.close();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
