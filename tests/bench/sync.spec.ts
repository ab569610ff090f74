// `npm run bench`, sync's rows (issue 21): runs against a real Apache with mod_dav on this machine
// (tests/support/webdav-server.ts), in Debian Chromium with the test build, which holds the loopback
// as a granted host. A run is timed from the "sync-now" message a page sends to the background until
// its answer, which comes when the run has ended (entrypoints/background/index.ts): the engine's
// own time plus one message each way, without the Sync section's painting. Prints its rows and
// writes bench/sync.json (bench/results.json belongs to bench.spec.ts).
//
// Alone: `npx wxt build && NODE_ENV=production npx wxt build --mode e2e && npx playwright test --project=bench tests/bench/sync.spec.ts`.
import os from 'node:os';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { E2E_EXTENSION_DIR, unpackedExtensionId } from '../../scripts/chromium.mjs';
import { launchWithExtension } from '../e2e/fixtures';
import { SyncPage } from '../e2e/pages/sync-page';
import { seedNotes } from '../e2e/seed';
import { startWebdavServer, type WebdavServer } from '../support/webdav-server';
import { lockMessages } from '@/utils/i18n/lock';
import type { Note } from '@/utils/model/records';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { noteFileOf } from '@/utils/sync/format';

const OUT = resolve(import.meta.dirname, '../../bench');
const t = lockMessages('en');
const LARGE = 50_000;
const TRANSFER = 5_000;
/** Runs of the cheap measures (a sync with nothing to do, one changed note). */
const RUNS = Number(process.env.SYNC_BENCH_RUNS ?? 9);
/** Rounds of the first upload and download, each on a fresh server with two fresh profiles. */
const ROUNDS = Number(process.env.SYNC_BENCH_ROUNDS ?? 3);
const PASSPHRASE = 'a bench passphrase, not a secret';

interface Row {
  measure: string;
  value: string;
  detail: string;
  target: string;
  met: boolean | null;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

function row(measure: string, value: string, detail: string, target: string, met: boolean | null): void {
  rows.push({ measure, value, detail, target, met });
  console.log(`  ${measure}: ${value} (${detail}) ${met === false ? 'NOT MET' : ''}`);
}

function table(): string {
  const header = ['Measure', 'Value', 'Detail (same run)', 'Target', 'Met'];
  const lines = rows.map((r) => [r.measure, r.value, r.detail, r.target, r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What the background kept of its last run (utils/sync/store.ts). */
interface Status {
  lastSync?: number;
  came: number;
  went: number;
  failure?: { kind: string };
  runningSince?: number;
}

/** Asks the background for a sync, as "Sync now" does, and times it in the page until the answer (the run ended). */
async function timedSync(page: Page): Promise<{ ms: number; status: Status }> {
  const { ms, status } = await page.evaluate(async () => {
    const started = performance.now();
    await chrome.runtime.sendMessage({ type: 'sync-now' });
    const ms = performance.now() - started;
    return { ms, status: (await chrome.storage.local.get('syncStatus')).syncStatus as Status };
  });
  if (status.failure) throw new Error(`The sync failed: ${status.failure.kind}`);
  return { ms, status };
}

/** What the background kept of its last run. */
const statusOf = async (page: Page): Promise<Status | undefined> =>
  page.evaluate(async () => (await chrome.storage.local.get('syncStatus')).syncStatus as Status | undefined);

/** Waits until the run that setting up started on its own has ended, and did not fail. */
async function firstRunEnded(page: Page): Promise<Status> {
  await expect
    .poll(
      async () => {
        const status = await statusOf(page);
        return status !== undefined && (status.lastSync !== undefined || status.failure !== undefined) && status.runningSince === undefined;
      },
      { timeout: 15 * 60_000, intervals: [250] },
    )
    .toBe(true);
  const status = (await statusOf(page))!;
  if (status.failure) throw new Error(`The first sync failed: ${status.failure.kind}`);
  return status;
}

/** A fresh profile with (a copy of) the test build, which holds the loopback as a granted host. */
async function profile(testInfo: TestInfo, name: string): Promise<{ context: BrowserContext; id: string }> {
  const extensionDir = testInfo.outputPath(`extension-${name}`);
  await rm(extensionDir, { recursive: true, force: true });
  await cp(E2E_EXTENSION_DIR, extensionDir, { recursive: true });
  const context = await launchWithExtension(testInfo.outputPath(`profile-${name}`), 'en_US', extensionDir);
  return { context, id: unpackedExtensionId(extensionDir) };
}

/** Seeds `count` notes into a profile through the extension's own import of a backup file, as bench.spec.ts does. */
async function importNotes(
  testInfo: TestInfo,
  { context, id }: { context: BrowserContext; id: string },
  count: number,
  seed: number,
): Promise<void> {
  const file = testInfo.outputPath(`notes-${count}-${seed}.json`);
  const notes = seedNotes(count, Date.now(), seed);
  await writeFile(
    file,
    JSON.stringify({
      format: 'adempauze-backup',
      version: 1,
      exportedAt: Date.now(),
      settings: DEFAULT_SETTINGS,
      notes,
      events: [],
      prompts: [],
      promptPrefs: [],
    }),
  );
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html#backup`);
  await page.getByLabel(t.backupImportLabel).setInputFiles(file);
  await page.getByText(/^Import complete/).waitFor({ timeout: 10 * 60_000 });
  await page.close();
}

/** Changes one note's answer in the profile's database, as an edit would store it, and says which file it lives in. */
async function changeOneNote(page: Page, index: number): Promise<string> {
  const id = await page.evaluate(
    (index) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('adempauze');
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('notes', 'readwrite');
          const store = tx.objectStore('notes');
          let changed = '';
          const cursor = store.openCursor();
          let skipped = false;
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            if (!skipped && index > 0) {
              skipped = true;
              at.advance(index);
              return;
            }
            const note = at.value as Note;
            changed = note.id;
            at.update({ ...note, answer: `${note.answer} (changed for the bench)`, updatedAt: Date.now() });
          };
          tx.oncomplete = () => {
            db.close();
            resolve(changed);
          };
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
        };
      }),
    index,
  );
  return noteFileOf(id);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(60 * 60_000);

let servers: WebdavServer[] = [];
test.afterEach(async () => {
  for (const server of servers) await server.stop();
  servers = [];
});

async function server(): Promise<WebdavServer> {
  const started = await startWebdavServer();
  servers.push(started);
  return started;
}

test('sync', async ({}, testInfo) => {
  await mkdir(OUT, { recursive: true });

  // A journal of 50,000 notes, all on the server after its first sync.
  const large = await server();
  const a = await profile(testInfo, 'large');
  try {
    await importNotes(testInfo, a, LARGE, 2026);
    const sync = await SyncPage.open(a.context, a.id);
    await sync.connect(large.url, large.user, large.password);
    await sync.start(PASSPHRASE);
    const first = await firstRunEnded(sync.page);
    if (first.went !== LARGE) throw new Error(`The first sync sent ${first.went} notes, not ${LARGE}`);
    const page = sync.page;

    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, status } = await timedSync(page);
      if (status.came !== 0 || status.went !== 0) throw new Error(`A sync with nothing to do moved ${status.came} in, ${status.went} out`);
      idle.push(ms);
    }
    results.nothingToDo = { median: median(idle), runs: idle };
    row(
      `Sync with nothing to do, ${LARGE.toLocaleString('en')} notes`,
      seconds(median(idle)),
      `${RUNS} runs, ${seconds(Math.min(...idle))}–${seconds(Math.max(...idle))}`,
      '≤ 1 s',
      median(idle) <= 1000,
    );

    const one: number[] = [];
    const files = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      // Each run another note, in another file: a file written under a second ago keeps a weak tag
      // on Apache, and the next write to it waits that out (utils/sync/webdav.ts).
      let file = await changeOneNote(page, i * 997);
      for (let skip = 1; files.has(file); skip++) file = await changeOneNote(page, i * 997 + skip);
      files.add(file);
      const { ms, status } = await timedSync(page);
      if (status.went !== 1) throw new Error(`A sync of one changed note sent ${status.went}`);
      one.push(ms);
    }
    results.oneChanged = { median: median(one), runs: one };
    row(
      `Sync of one changed note, ${LARGE.toLocaleString('en')} notes`,
      seconds(median(one)),
      `${RUNS} runs, ${seconds(Math.min(...one))}–${seconds(Math.max(...one))}`,
      '≤ 2 s',
      median(one) <= 2000,
    );
  } finally {
    await a.context.close();
  }

  // 5,000 notes uploaded by one browser and downloaded by another, each round on a fresh server:
  // both join while the journal is empty (setting up runs a sync of its own), then the notes come.
  const uploads: number[] = [];
  const downloads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const transfer = await server();
    const up = await profile(testInfo, `up-${round}`);
    const down = await profile(testInfo, `down-${round}`);
    try {
      const upSync = await SyncPage.open(up.context, up.id);
      await upSync.connect(transfer.url, transfer.user, transfer.password);
      await upSync.start(PASSPHRASE);
      await firstRunEnded(upSync.page);
      const downSync = await SyncPage.open(down.context, down.id);
      await downSync.connect(transfer.url, transfer.user, transfer.password);
      await downSync.join({ passphrase: PASSPHRASE });
      await downSync.confirm();
      await firstRunEnded(downSync.page);

      // Its import arms a sync half a minute later (utils/sync/soon.ts): the run timed here holds
      // the browser's one sync lock, and that one finds nothing left to do.
      await importNotes(testInfo, up, TRANSFER, 7 + round);
      const upPage = await up.context.newPage();
      await upPage.goto(`chrome-extension://${up.id}/popup.html`);
      const upload = await timedSync(upPage);
      if (upload.status.went !== TRANSFER) throw new Error(`The first upload sent ${upload.status.went} notes`);
      uploads.push(upload.ms);
      const download = await timedSync(downSync.page);
      if (download.status.came !== TRANSFER) throw new Error(`The first download brought ${download.status.came} notes`);
      downloads.push(download.ms);
    } finally {
      await up.context.close();
      await down.context.close();
      await transfer.stop();
      servers = servers.filter((s) => s !== transfer);
    }
  }
  results.firstUpload = { median: median(uploads), runs: uploads };
  results.firstDownload = { median: median(downloads), runs: downloads };
  const spread = (values: number[]) => `${values.length} rounds, ${seconds(Math.min(...values))}–${seconds(Math.max(...values))}`;
  row(`First upload of ${TRANSFER.toLocaleString('en')} notes`, seconds(median(uploads)), spread(uploads), 'informational', null);
  row(
    `First download of those ${TRANSFER.toLocaleString('en')} into a second profile`,
    seconds(median(downloads)),
    spread(downloads),
    'informational',
    null,
  );

  console.log(`\n${table()}\n`);
  await writeFile(
    resolve(OUT, 'sync.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`, timing: 'sync-now message to its answer', results, table: rows }, null, 2)}\n`,
  );
});
