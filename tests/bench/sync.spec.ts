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
import { format, resolveConfig } from 'prettier';
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { E2E_EXTENSION_DIR, unpackedExtensionId } from '../../scripts/chromium.mjs';
import { launchWithExtension } from '../e2e/fixtures';
import { ExtensionState } from '../e2e/pages/extension-state';
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

const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
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

/** `count` timed syncs, each after `before` and checked by `check` (a run that did other work than meant is no measure). */
async function timedSyncs(
  page: Page,
  count: number,
  before: (run: number) => Promise<void>,
  check: (status: Status) => string | undefined,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < count; run++) {
    await before(run);
    const { ms, status } = await timedSync(page);
    const wrong = check(status);
    if (wrong) throw new Error(wrong);
    times.push(ms);
  }
  return times;
}

/** A row of a median against a target in seconds, with the spread of its runs. */
function medianRow(key: string, measure: string, times: readonly number[], unit: 'runs' | 'rounds', targetSeconds?: number): void {
  results[key] = { median: median(times), runs: times };
  row(
    measure,
    seconds(median(times)),
    `median of ${times.length} ${unit}, ${seconds(Math.min(...times))}–${seconds(Math.max(...times))}`,
    targetSeconds === undefined ? 'informational' : `≤ ${targetSeconds} s`,
    targetSeconds === undefined ? null : median(times) <= targetSeconds * 1000,
  );
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

    const idle = await timedSyncs(
      page,
      RUNS,
      () => Promise.resolve(),
      (status) =>
        status.came === 0 && status.went === 0 ? undefined : `A sync with nothing to do moved ${status.came} in, ${status.went} out`,
    );
    medianRow('nothingToDo', `Sync with nothing to do, ${LARGE.toLocaleString('en')} notes`, idle, 'runs', 1);

    // Each run another note, in another file: a file written under a second ago keeps a weak tag on
    // Apache, and the next write to it waits that out (utils/sync/webdav.ts).
    const state = await new ExtensionState(a.context, a.id).open();
    const byFile = new Map<string, Note>();
    for (const note of await state.storedNotes()) if (!byFile.has(noteFileOf(note.id))) byFile.set(noteFileOf(note.id), note);
    const changing = [...byFile.values()];
    const one = await timedSyncs(
      page,
      RUNS,
      // Stored as an edit stores it: a new text, a new updatedAt.
      (run) => state.storeNotes([{ ...changing[run]!, answer: `${changing[run]!.answer} (changed for the bench)`, updatedAt: Date.now() }]),
      (status) =>
        status.came === 0 && status.went === 1 ? undefined : `A sync of one changed note moved ${status.came} in, ${status.went} out`,
    );
    medianRow('oneChanged', `Sync of one changed note, ${LARGE.toLocaleString('en')} notes`, one, 'runs', 2);
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
      uploads.push(
        ...(await timedSyncs(
          upPage,
          1,
          () => Promise.resolve(),
          (status) => (status.went === TRANSFER ? undefined : `The first upload sent ${status.went} notes`),
        )),
      );
      downloads.push(
        ...(await timedSyncs(
          downSync.page,
          1,
          () => Promise.resolve(),
          (status) => (status.came === TRANSFER ? undefined : `The first download brought ${status.came} notes`),
        )),
      );
    } finally {
      await up.context.close();
      await down.context.close();
      await transfer.stop();
      servers = servers.filter((s) => s !== transfer);
    }
  }
  medianRow('firstUpload', `First upload of ${TRANSFER.toLocaleString('en')} notes`, uploads, 'rounds');
  medianRow('firstDownload', `First download of those ${TRANSFER.toLocaleString('en')} into a second profile`, downloads, 'rounds');

  console.log(`\n${table()}\n`);
  // Formatted as the repository formats JSON, so `prettier --check` passes on the file as written.
  const file = resolve(OUT, 'sync.json');
  const json = JSON.stringify({
    date: new Date().toISOString(),
    machine: machine(),
    timing: 'sync-now message to its answer',
    results,
    table: rows,
  });
  await writeFile(file, await format(json, { ...(await resolveConfig(file)), filepath: file }));
});
