// `npm run bench`: what people feel, measured in Debian Chromium against the built extension, each
// figure beside its baseline from the same run. Prints a table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test } from '@playwright/test';
import { E2E_EXTENSION_DIR, EXTENSION_DIR, unpackedExtensionId } from '../../scripts/chromium.mjs';
import { launchWithExtension } from '../e2e/fixtures';
import { seedNotes } from '../e2e/seed';
import { lockMessages } from '@/utils/i18n/lock';
import { autoBackupMessages } from '@/utils/i18n/auto-backup';
import { lookingBackJournalMessages } from '@/utils/i18n/looking-back-journal';
import { PBKDF2_ITERATIONS } from '@/utils/lock/secrets';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'bench');
// The lock's strings include the journal's and the popup's.
const t = lockMessages('en');
const lb = lookingBackJournalMessages('en');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const LARGE = 50_000;
const PASSPHRASE = 'a bench passphrase, not a secret';
const NEW_PASSPHRASE = 'another bench passphrase, for the new key';
// Keystroke to results, typed as a person narrows a search, in both languages of the seeded notes.
const QUERIES = [
  'v',
  'va',
  'van',
  'vand',
  'vanda',
  'vandaag',
  'zus',
  'een',
  'één',
  'open',
  'spannend',
  'collega',
  'brave',
  'quiet',
  'sister',
  'gesprek',
  'told',
  'moedig',
  'klein',
  'easier',
];

type Row = { measure: string; value: string; baseline: string; ratio: string; target: string; met: boolean | null };
const rows: Row[] = [];
const results: Record<string, unknown> = {};

const median = (values: readonly number[]) => quantile(values, 0.5);
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low]! + sorted[high]!) / 2 + (sorted[high]! - sorted[low]!) * (position - low - (high - low) / 2);
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const summary = (values: readonly number[]) => ({ median: median(values), p95: quantile(values, 0.95), runs: values.length });

/** A backup file in the extension's own format, so seeding goes through its real import. */
function backupFile(count: number): string {
  return JSON.stringify({
    format: 'adempauze-backup',
    version: 1,
    exportedAt: Date.now(),
    settings: DEFAULT_SETTINGS,
    notes: seedNotes(count, Date.now(), 2026),
    events: [],
    prompts: [],
    promptPrefs: [],
  });
}

/** First contentful paint of a page being loaded, in ms after navigation start. */
function contentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolveFcp) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolveFcp(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** First contentful paint of an extension page, in ms after navigation start. */
async function firstContentfulPaint(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const fcp = await contentfulPaint(page);
  await page.close();
  return fcp;
}

/**
 * Alternates the two pages so that drift on a noisy machine falls on both alike. A few unmeasured
 * loads first: the steady state (V8's code cache warm) is what a person opening the popup many
 * times a day gets, and the very first loads after the browser starts are noise.
 */
async function paired(context: BrowserContext, a: string, b: string): Promise<[number[], number[]]> {
  for (let i = 0; i < 5; i++) {
    await firstContentfulPaint(context, a);
    await firstContentfulPaint(context, b);
  }
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    first.push(await firstContentfulPaint(context, a));
    second.push(await firstContentfulPaint(context, b));
  }
  return [first, second];
}

/** The journal's notes; the first of them painted is its first screen. */
const NOTE = 'article.note';

/**
 * From the page's first script on, watches for `selector`: `paintedAt` then tells (in the page's
 * clock) when it was first painted, the frame after it came into the DOM. A locked journal shows no
 * note, so its first note is painted after the unlock.
 */
async function watchPaint(page: Page, selector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { painted?: Record<string, Promise<number>> };
    w.painted ??= {};
    w.painted[selector] = new Promise((resolvePaint) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolvePaint(performance.now())));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  }, selector);
}

/** When `selector`, watched by `watchPaint`, was painted; fails if it does not come to show. */
async function paintedAt(page: Page, selector: string): Promise<number> {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
  return page.evaluate((selector) => (window as unknown as { painted: Record<string, Promise<number>> }).painted[selector]!, selector);
}

/** Time from navigation start until the first note of the journal is painted, and the page's DOM size. */
async function journalFirstScreen(context: BrowserContext, url: string): Promise<{ times: number[]; nodes: number }> {
  const times: number[] = [];
  let nodes = 0;
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await watchPaint(page, NOTE);
    await page.goto(url);
    times.push(await paintedAt(page, NOTE));
    await page.waitForTimeout(300);
    nodes = Math.max(nodes, await page.evaluate(() => document.getElementsByTagName('*').length));
    await page.close();
  }
  return { times, nodes };
}

interface Progress {
  seconds: number;
  /** Samples (every 100 ms) that saw a progress bar, of all samples. */
  progressSamples: number;
  samples: number;
  /** Samples before the first that saw a bar: the work had not reached the part that reports progress. */
  beforeProgress: number;
}

/** Runs `start`, then samples every 100 ms whether a progress bar shows, until `done` does; `step` runs at each sample. */
async function withProgress(page: Page, start: () => Promise<void>, done: Locator, step?: () => Promise<void>): Promise<Progress> {
  const started = Date.now();
  await start();
  let samples = 0;
  let progressSamples = 0;
  let beforeProgress = 0;
  while (!(await done.isVisible())) {
    await step?.();
    samples++;
    if (await page.locator('progress').isVisible()) progressSamples++;
    else if (progressSamples === 0) beforeProgress++;
    await page.waitForTimeout(100);
  }
  return { seconds: (Date.now() - started) / 1000, progressSamples, samples, beforeProgress };
}

async function importThrough(page: Page, file: string): Promise<Progress> {
  await page.getByRole('link', { name: t.navBackup }).click();
  const input = page.getByLabel(t.backupImportLabel);
  return withProgress(page, () => input.setInputFiles(file), page.getByText(/^Import complete/));
}

/** From a typed query until the first results show: the search index is built on the first search. */
async function searchReady(page: Page, query: string): Promise<number> {
  await page.getByRole('searchbox', { name: t.searchLabel }).fill(query);
  const started = Date.now();
  await page.getByText(/notes? found|No notes match/).waitFor({ timeout: 60_000 });
  return (Date.now() - started) / 1000;
}

/** Keystroke to updated results painted, for each query, `rounds` times over. */
async function searchKeystrokes(page: Page, queries: readonly string[], rounds = 2): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      times.push(
        await page.evaluate((text) => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
          return new Promise<number>((resolveTime) => {
            const start = performance.now();
            // The element's own value setter, as typing does.
            Reflect.set(HTMLInputElement.prototype, 'value', text, input);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            // Two frames: the render has run and its result has been painted.
            requestAnimationFrame(() => requestAnimationFrame(() => resolveTime(performance.now() - start)));
          });
        }, query),
      );
    }
  }
  return times;
}

/** Types an answer in the popup and saves it: when Save was clicked and when "Saved" showed (epoch ms). */
async function saveInPopup(popup: Page, answer: string): Promise<{ clicked: number; confirmed: number }> {
  await popup.getByRole('textbox', { name: t.answerLabel }).fill(answer);
  return popup.evaluate((saved) => {
    const button = document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const status = document.querySelector('.answer-form [role="status"]')!;
    const now = () => performance.timeOrigin + performance.now();
    return new Promise<{ clicked: number; confirmed: number }>((resolveTimes) => {
      const clicked = now();
      const observer = new MutationObserver(() => {
        if (status.textContent === saved) {
          observer.disconnect();
          resolveTimes({ clicked, confirmed: now() });
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
      button.click();
    });
  }, t.saved);
}

/** Click to "Saved", 20 times. */
async function saveTimes(popup: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const { clicked, confirmed } = await saveInPopup(popup, `A benchmark answer, number ${i}.`);
    times.push(confirmed - clicked);
  }
  return times;
}

/** Locks the journal as a person does, with "Lock now", and waits for the unlock form. */
async function lockJournal(page: Page): Promise<void> {
  await page.getByRole('button', { name: t.lockNow }).click();
  await page.getByLabel(t.lockPassphrase, { exact: true }).waitFor();
}

/**
 * Opens the locked journal in a new page and unlocks it with the passphrase: ms from the click on
 * Unlock to the first note painted. The page is left open, unlocked.
 */
async function unlockToFirstScreen(context: BrowserContext, url: string): Promise<{ page: Page; time: number }> {
  const page = await context.newPage();
  await watchPaint(page, NOTE);
  await page.goto(url);
  await page.getByLabel(t.lockPassphrase, { exact: true }).fill(PASSPHRASE);
  const clicked = await page.evaluate(() => {
    const start = performance.now();
    document.querySelector<HTMLButtonElement>('.unlock-form button[type="submit"]')!.click();
    return start;
  });
  return { page, time: (await paintedAt(page, NOTE)) - clicked };
}

/** The passphrase's key derivation alone, as the lock does it (utils/lock/secrets.ts passphraseKey), in ms: one unmeasured, then `runs`. */
function keyDerivationTimes(page: Page, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ passphrase, iterations, runs }) => {
      const encoder = new TextEncoder();
      const derive = async () => {
        const start = performance.now();
        const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
        const salt = crypto.getRandomValues(new Uint8Array(16));
        await crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        );
        return performance.now() - start;
      };
      await derive();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await derive());
      return times;
    },
    { passphrase: PASSPHRASE, iterations: PBKDF2_ITERATIONS, runs },
  );
}

/**
 * "Last time (…)" under the popup's prompt (components/LastTime.tsx): its code loads after first
 * paint, then reads with lastAnswerBefore (utils/db/last-answer.ts).
 */
const LAST_TIME = 'details.last-time > summary';
/** "On this day" at the top of the journal (entrypoints/options/OnThisDay.tsx), read with onThisDay (utils/db/looking-back.ts). */
const ON_THIS_DAY = 'section.on-this-day';

/**
 * When `selector` is painted and when its baseline is, each in ms after navigation start, measured
 * in the same load of `url` so that drift on a noisy machine falls on both alike, after a few
 * unmeasured loads as `paired` does. The baseline is when `baselineSelector` is painted, or without
 * one the page's first contentful paint. `check` fails the bench when the page shows something else
 * than the measure is about.
 */
async function paintedBeside(
  context: BrowserContext,
  url: string,
  selector: string,
  baselineSelector: string | undefined,
  check: (page: Page) => Promise<void>,
): Promise<{ painted: number[]; baseline: number[] }> {
  const times = { painted: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < RUNS + 5; i++) {
    const page = await context.newPage();
    await watchPaint(page, selector);
    if (baselineSelector) await watchPaint(page, baselineSelector);
    await page.goto(url);
    const [painted, baseline] = await Promise.all([
      paintedAt(page, selector),
      baselineSelector ? paintedAt(page, baselineSelector) : contentfulPaint(page),
    ]);
    await check(page);
    await page.close();
    if (i < 5) continue;
    times.painted.push(painted);
    times.baseline.push(baseline);
  }
  return times;
}

function row(measure: string, value: string, baseline: string, ratio: string, target: string, met: boolean | null) {
  rows.push({ measure, value, baseline, ratio, target, met });
  console.log(`  ${measure}: ${value} (${baseline}) ${met === false ? 'NOT MET' : ''}`);
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(20 * 60_000);

test('benchmark', async ({}, testInfo) => {
  await mkdir(OUT, { recursive: true });
  // The same built extension, plus one static page showing the popup's text: the physical limit.
  const extensionDir = testInfo.outputPath('extension');
  await rm(extensionDir, { recursive: true, force: true });
  await cp(EXTENSION_DIR, extensionDir, { recursive: true });
  const id = unpackedExtensionId(extensionDir);
  const popupUrl = `chrome-extension://${id}/popup.html`;
  const staticUrl = `chrome-extension://${id}/static-popup.html`;
  const optionsUrl = `chrome-extension://${id}/options.html`;

  const small = testInfo.outputPath('small.json');
  const large = testInfo.outputPath('large.json');
  await writeFile(small, backupFile(10));
  await writeFile(large, backupFile(LARGE));

  const context = await launchWithExtensionDir(testInfo.outputPath('profile'), extensionDir);
  try {
    // The static twin: the popup's own markup and styles as first painted, with no script.
    const capture = await context.newPage();
    await capture.goto(popupUrl);
    await capture.getByRole('heading', { level: 1 }).waitFor();
    const html = await capture.evaluate(() => {
      const root = document.documentElement.cloneNode(true) as HTMLElement;
      root.querySelectorAll('script, link[rel="modulepreload"]').forEach((node) => node.remove());
      root.querySelector('.pause-status')?.remove();
      return `<!doctype html>${root.outerHTML}`;
    });
    await capture.close();
    await writeFile(resolve(extensionDir, 'static-popup.html'), html);

    // 1. Popup first contentful paint vs the static page.
    const [popupEmpty, staticFcp] = await paired(context, popupUrl, staticUrl);
    results.popupFcp = { popup: summary(popupEmpty), static: summary(staticFcp) };
    const fcpRatio = median(popupEmpty) / median(staticFcp);
    row(
      'Popup first contentful paint',
      ms(median(popupEmpty)),
      `${ms(median(staticFcp))} static page`,
      fcpRatio.toFixed(2),
      'ratio ≤ 1.3',
      fcpRatio <= 1.3,
    );

    // 3 (baseline). The journal's first screen with 10 notes.
    const journal = await context.newPage();
    await journal.goto(optionsUrl);
    const smallImport = await importThrough(journal, small);
    expectImported(smallImport);
    await journal.close();
    const journalSmall = await journalFirstScreen(context, optionsUrl);

    // 6. Import of 50,000 notes (validate + write), through the extension's own import.
    const importPage = await context.newPage();
    await importPage.goto(optionsUrl);
    const bigImport = await importThrough(importPage, large);
    results.import = bigImport;
    row(
      `Import ${LARGE.toLocaleString('en')} notes`,
      `${bigImport.seconds.toFixed(1)} s`,
      `progress in ${bigImport.progressSamples}/${bigImport.samples} samples`,
      '',
      '≤ 15 s, progress throughout',
      bigImport.seconds <= 15 && bigImport.progressSamples >= bigImport.samples - 1,
    );

    // 6. Export of everything.
    const exportStart = Date.now();
    const download = importPage.waitForEvent('download');
    await importPage.getByRole('button', { name: t.backupExportJson }).click();
    await (await download).path();
    const exportSeconds = (Date.now() - exportStart) / 1000;
    results.export = { seconds: exportSeconds };
    row(`Export ${LARGE.toLocaleString('en')} notes`, `${exportSeconds.toFixed(1)} s`, '', '', '≤ 5 s', exportSeconds <= 5);
    await importPage.close();

    // 2. Popup with 50,000 notes vs the empty database measured above.
    const popupLarge: number[] = [];
    for (let i = 0; i < RUNS; i++) popupLarge.push(await firstContentfulPaint(context, popupUrl));
    results.popupLarge = { large: summary(popupLarge), empty: summary(popupEmpty) };
    const largeRatio = median(popupLarge) / median(popupEmpty);
    row(
      `Popup FCP, ${LARGE.toLocaleString('en')} notes`,
      ms(median(popupLarge)),
      `${ms(median(popupEmpty))} empty`,
      largeRatio.toFixed(2),
      'ratio ≤ 1.1',
      largeRatio <= 1.1,
    );

    // 3. Journal first screen with 50,000 notes vs 10.
    const journalLarge = await journalFirstScreen(context, optionsUrl);
    results.journal = { large: summary(journalLarge.times), small: summary(journalSmall.times), domNodes: journalLarge.nodes };
    const journalRatio = median(journalLarge.times) / median(journalSmall.times);
    row(
      'Journal first screen',
      ms(median(journalLarge.times)),
      `${ms(median(journalSmall.times))} with 10 notes`,
      journalRatio.toFixed(2),
      '≤ 300 ms, ratio ≤ 1.5',
      median(journalLarge.times) <= 300 && journalRatio <= 1.5,
    );
    row('Journal DOM nodes', String(journalLarge.nodes), '', '', '≤ 2,000', journalLarge.nodes <= 2000);

    // 11. Looking back, with 50,000 notes, in the real pages: "Last time" in the popup beside the
    // popup's first paint, "On this day" beside the journal's first screen. The seeded notes are 97
    // minutes apart over nine years, so the popup's prompt, whichever opens, has been answered before,
    // and a week, a month and a year ago each have notes of their own.
    const lastTime = await paintedBeside(context, popupUrl, LAST_TIME, undefined, async (page) => {
      const text = await page.locator(LAST_TIME).textContent();
      if (!text || !/^Last time \(.+\)$/.test(text)) throw new Error(`"Last time" shows "${text}"`);
    });
    const lastTimeAfter = lastTime.painted.map((painted, i) => painted - lastTime.baseline[i]!);
    results.lastTime = { shown: summary(lastTime.painted), fcp: summary(lastTime.baseline), afterFcp: summary(lastTimeAfter) };
    row(
      `"Last time" shown in the popup, ${LARGE.toLocaleString('en')} notes`,
      ms(median(lastTime.painted)),
      `${ms(median(lastTime.baseline))} popup FCP; ${ms(median(lastTimeAfter))} after it; median of ${lastTime.painted.length}`,
      (median(lastTime.painted) / median(lastTime.baseline)).toFixed(2),
      // Within 100 ms a change still reads as part of the same moment: the line is there as the
      // person starts reading the prompt, rather than arriving later beneath it.
      '≤ 100 ms after FCP (one moment to the eye)',
      median(lastTimeAfter) <= 100,
    );
    const whens = [lb.onThisDayWeek, lb.onThisDayMonth, lb.onThisDayYear];
    const onThisDay = await paintedBeside(context, `${optionsUrl}#journal`, ON_THIS_DAY, NOTE, async (page) => {
      const shown = await page.locator(`${ON_THIS_DAY} .on-this-day-when`).allTextContents();
      if (shown.join('|') !== whens.join('|')) throw new Error(`"On this day" shows ${JSON.stringify(shown)}`);
    });
    results.onThisDay = { shown: summary(onThisDay.painted), firstScreen: summary(onThisDay.baseline) };
    const onThisDayRatio = median(onThisDay.painted) / median(onThisDay.baseline);
    row(
      `"On this day" shown in the journal, ${LARGE.toLocaleString('en')} notes`,
      ms(median(onThisDay.painted)),
      `${ms(median(onThisDay.baseline))} journal first screen; median of ${onThisDay.painted.length}`,
      onThisDayRatio.toFixed(2),
      // It sits above the notes: it should come with the first screen, not as a later change over
      // the notes being read.
      'ratio ≤ 1.5 (comes with the first screen)',
      onThisDayRatio <= 1.5,
    );

    // 4. Search: keystroke to updated results painted.
    const search = await context.newPage();
    await search.goto(optionsUrl);
    const indexSeconds = await searchReady(search, 'warm');
    const searchTimes = await searchKeystrokes(search, QUERIES);
    results.search = { ...summary(searchTimes), indexBuildSeconds: indexSeconds };
    row(
      `Search over ${LARGE.toLocaleString('en')} notes`,
      `p95 ${ms(quantile(searchTimes, 0.95))}`,
      `median ${ms(median(searchTimes))}; index built in ${indexSeconds.toFixed(1)} s`,
      '',
      'p95 ≤ 50 ms',
      quantile(searchTimes, 0.95) <= 50,
    );
    await search.close();

    // 5. Save with 50,000 notes: click to confirmed.
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    const unlockedSaves = await saveTimes(popup);
    results.save = summary(unlockedSaves);
    row(
      `Save with ${LARGE.toLocaleString('en')} notes`,
      `p95 ${ms(quantile(unlockedSaves, 0.95))}`,
      `median ${ms(median(unlockedSaves))}`,
      '',
      'p95 ≤ 50 ms',
      quantile(unlockedSaves, 0.95) <= 50,
    );

    // 8. An open journal follows a save made in the popup: from the save confirmed there to the
    // note shown in the journal's tab, beside the save itself, with 50,000 notes.
    const watching = await context.newPage();
    await watching.goto(optionsUrl);
    await watching.getByRole('heading', { level: 1, name: t.journalTitle }).waitFor();
    const followTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = `Seen from the journal, number ${i}.`;
      const shown = watching.evaluate(
        (text) =>
          new Promise<number>((resolveTime) => {
            const observer = new MutationObserver(() => {
              if ([...document.querySelectorAll('.note-answer')].some((node) => node.textContent === text)) {
                observer.disconnect();
                resolveTime(performance.timeOrigin + performance.now());
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          }),
        answer,
      );
      const { confirmed } = await saveInPopup(popup, answer);
      followTimes.push((await shown) - confirmed);
    }
    results.follow = summary(followTimes);
    row(
      'Open journal shows a popup save',
      `p95 ${ms(quantile(followTimes, 0.95))}`,
      `median ${ms(median(followTimes))} after the save is confirmed`,
      '',
      'p95 ≤ 500 ms',
      quantile(followTimes, 0.95) <= 500,
    );
    await watching.close();
    await popup.close();

    // 10. The journal lock, on the same 50,000 notes, beside the same measures without it above.
    // Turning it on: the keys, then every note encrypted in place with a progress bar, while the
    // recovery key is shown once (and put away, as a person does, when it appears).
    const privacy = await context.newPage();
    await privacy.goto(`${optionsUrl}#privacy`);
    await privacy.getByLabel(t.lockPassphrase, { exact: true }).fill(PASSPHRASE);
    await privacy.getByLabel(t.lockRepeatPassphrase, { exact: true }).fill(PASSPHRASE);
    await privacy.getByRole('checkbox', { name: t.lockAcknowledge }).check();
    const kept = privacy.getByRole('button', { name: t.lockRecoveryKept });
    const putAwayRecoveryKey = async () => {
      if (await kept.isVisible()) await kept.click();
    };
    const turnOn = await withProgress(
      privacy,
      () => privacy.getByRole('button', { name: t.lockTurnOn }).click(),
      privacy.getByText(t.lockTurnedOn, { exact: true }),
      putAwayRecoveryKey,
    );
    await putAwayRecoveryKey();
    await privacy.close();
    results.lockTurnOn = turnOn;
    // Throughout: from the moment the encrypting starts (the keys come first) until it is done; the
    // last sample may fall between the bar going and the words that it is done.
    const progressThroughout = turnOn.progressSamples >= turnOn.samples - turnOn.beforeProgress - 1;
    row(
      `Turning the lock on, ${LARGE.toLocaleString('en')} notes`,
      `${turnOn.seconds.toFixed(1)} s`,
      `progress in ${turnOn.progressSamples}/${turnOn.samples} samples, from ${(turnOn.beforeProgress / 10).toFixed(1)} s`,
      '',
      '≤ 60 s, progress throughout',
      turnOn.seconds <= 60 && progressThroughout,
    );

    // The journal's first screen, unlocked: each note of the first page decrypted on the way.
    const journalLocked = await journalFirstScreen(context, optionsUrl);
    results.lockJournal = summary(journalLocked.times);
    const lockedJournalRatio = median(journalLocked.times) / median(journalLarge.times);
    row(
      'Journal first screen, lock on (unlocked)',
      ms(median(journalLocked.times)),
      `${ms(median(journalLarge.times))} lock off`,
      lockedJournalRatio.toFixed(2),
      '',
      null,
    );

    // The passphrase's key derivation alone: slow by design, so it is kept apart from what follows.
    const derivationPage = await context.newPage();
    await derivationPage.goto(staticUrl);
    const derivation = await keyDerivationTimes(derivationPage, 5);
    await derivationPage.close();
    const derivationMedian = median(derivation);
    results.keyDerivation = summary(derivation);
    row(
      `Key derivation (PBKDF2, ${PBKDF2_ITERATIONS.toLocaleString('en')} iterations)`,
      ms(derivationMedian),
      `median of ${derivation.length}, alone`,
      '',
      'informational',
      null,
    );

    // Unlock: from the click on Unlock to the first note painted, in a freshly opened journal each time.
    const locking = await context.newPage();
    await locking.goto(optionsUrl);
    await lockJournal(locking);
    await locking.close();
    let unlock = await unlockToFirstScreen(context, optionsUrl);
    const unlockTimes = [unlock.time];
    while (unlockTimes.length < Math.max(RUNS, 10)) {
      await lockJournal(unlock.page);
      await unlock.page.close();
      unlock = await unlockToFirstScreen(context, optionsUrl);
      unlockTimes.push(unlock.time);
    }
    const unlockWithout = median(unlockTimes) - derivationMedian;
    results.unlock = { ...summary(unlockTimes), withoutKeyDerivation: unlockWithout };
    const unlockRatio = unlockWithout / median(journalLarge.times);
    row(
      'Unlock to first journal screen',
      ms(unlockWithout),
      `${ms(median(journalLarge.times))} journal first screen, lock off; ${ms(median(unlockTimes))} with key derivation`,
      unlockRatio.toFixed(2),
      'ratio ≤ 1.5 (key derivation excluded)',
      unlockRatio <= 1.5,
    );

    // Search, right after that unlock: the index is built from 50,000 decrypted notes.
    const lockedSearch = unlock.page;
    const lockedIndexSeconds = await searchReady(lockedSearch, 'warm');
    results.lockSearchReady = { seconds: lockedIndexSeconds };
    row(
      'Search ready after unlock',
      `${lockedIndexSeconds.toFixed(1)} s`,
      `${indexSeconds.toFixed(1)} s lock off`,
      '',
      '≤ 5 s',
      lockedIndexSeconds <= 5,
    );
    const lockedSearchTimes = await searchKeystrokes(lockedSearch, QUERIES);
    results.lockSearch = summary(lockedSearchTimes);
    row(
      `Search over ${LARGE.toLocaleString('en')} notes, lock on`,
      `p95 ${ms(quantile(lockedSearchTimes, 0.95))}`,
      `median ${ms(median(lockedSearchTimes))}; lock off p95 ${ms(quantile(searchTimes, 0.95))}`,
      '',
      'p95 ≤ 50 ms',
      quantile(lockedSearchTimes, 0.95) <= 50,
    );
    await lockJournal(lockedSearch);
    await lockedSearch.close();

    // Locked: the popup paints and saves as always (a save is sealed to the public key).
    const [popupLocked, staticLocked] = await paired(context, popupUrl, staticUrl);
    results.lockPopupFcp = { popup: summary(popupLocked), static: summary(staticLocked) };
    const lockedFcpRatio = median(popupLocked) / median(staticLocked);
    row(
      'Popup first contentful paint, lock on (locked)',
      ms(median(popupLocked)),
      `${ms(median(staticLocked))} static page; lock off ratio ${fcpRatio.toFixed(2)}`,
      lockedFcpRatio.toFixed(2),
      'ratio ≤ 1.3',
      lockedFcpRatio <= 1.3,
    );
    const lockedPopup = await context.newPage();
    await lockedPopup.goto(popupUrl);
    const lockedSaves = await saveTimes(lockedPopup);
    await lockedPopup.close();
    results.lockSave = summary(lockedSaves);
    row(
      `Save while locked, ${LARGE.toLocaleString('en')} notes`,
      `p95 ${ms(quantile(lockedSaves, 0.95))}`,
      `median ${ms(median(lockedSaves))}; unlocked median ${ms(median(unlockedSaves))}`,
      '',
      'p95 ≤ 50 ms',
      quantile(lockedSaves, 0.95) <= 50,
    );

    // Replacing the key: the last of the lock's measures, since the passphrase changes with it.
    const unlocked = await unlockToFirstScreen(context, optionsUrl);
    await unlocked.page.close();
    replaceKeyRow(await replaceKey(context, optionsUrl, PASSPHRASE, NEW_PASSPHRASE));
  } finally {
    await context.close();
  }

  // 7. Background at rest, through the real background code over a simulated day (vitest).
  const day = await simulated<{ wakeUps: number; offers: number; timers: number }>('background-day', 'BENCH_BACKGROUND_OUT');
  results.background = day;
  row(
    'Background wake-ups a day',
    String(day.wakeUps),
    `${day.offers} offers`,
    '',
    'offers + a few re-checks; 0 timers',
    day.wakeUps <= day.offers + 3 && day.timers === 0,
  );
  row('Background timers and intervals', String(day.timers), '', '', '0', day.timers === 0);

  // 7. The same code over a simulated week of a person at the computer (tests/unit/week.ts): woken by
  // its alarms and by the browser's events, and never offering at a moment it should not.
  const week = await simulated<{
    wakeUps: { alarms: number; events: number };
    offers: number;
    notified: number;
    faults: number;
    timers: number;
  }>('background-week', 'BENCH_WEEK_OUT');
  results.backgroundWeek = week;
  row(
    'Background over a simulated week: wake-ups',
    String(week.wakeUps.alarms + week.wakeUps.events),
    `${week.wakeUps.alarms} alarms + ${week.wakeUps.events} browser events; ${week.offers} offers, ${week.notified} notified`,
    '',
    'informational',
    null,
  );
  row(
    'Background over a simulated week: offers at bad moments, after a pause, after a return or waking',
    String(week.faults),
    `of ${week.offers} offers`,
    '',
    '0',
    week.faults === 0,
  );
  row('Background over a simulated week: timers', String(week.timers), '', '', '0', week.timers === 0);

  // 8. Four kinds of week (tests/unit/personas.ts, issue 23): the same code woken by a week of calls
  // and screen sharing, a night shift, travel across time zones, and offers ignored then answered.
  const personas = await simulated<
    { persona: string; wakeUps: { alarms: number; events: number }; offers: number; faults: number; timers: number }[]
  >('personas', 'BENCH_PERSONAS_OUT');
  results.personas = personas;
  for (const persona of personas) {
    row(
      `Background over a simulated week, ${persona.persona}: wake-ups`,
      String(persona.wakeUps.alarms + persona.wakeUps.events),
      `${persona.wakeUps.alarms} alarms + ${persona.wakeUps.events} browser events; ${persona.offers} offers, ${persona.faults} at bad moments, ${persona.timers} timers`,
      '',
      'informational; 0 at bad moments, 0 timers',
      persona.faults === 0 && persona.timers === 0,
    );
  }

  // 9. Sizes, against the budgets `npm test` holds them to (scripts/sizes.mjs).
  const sizes = await measureSizes();
  results.sizes = sizes;
  for (const [name, size] of Object.entries(sizes)) {
    const target = size.budget;
    row(
      `Size: ${name}`,
      kb(size.gzip),
      `${kb(size.raw)} raw`,
      '',
      target ? `≤ ${target} KB gzip` : '',
      target ? size.gzip <= target * 1024 : null,
    );
  }

  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  await writeFile(
    resolve(OUT, 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), runs: RUNS, results, table: rows }, null, 2)}\n`,
  );
});

/**
 * Replacing the key (Privacy: change the passphrase, "also replace the key"), from the click until
 * "Every note is now encrypted with the new key.": a new data key, key pair and recovery key, then
 * every note re-encrypted under the new key with a progress bar; the recovery key, shown once, is
 * put away as soon as it appears. The journal must be unlocked.
 */
async function replaceKey(context: BrowserContext, optionsUrl: string, current: string, next: string): Promise<Progress> {
  const privacy = await context.newPage();
  await privacy.goto(`${optionsUrl}#privacy`);
  const card = privacy.getByRole('region', { name: t.lockChangeHeading });
  await card.getByLabel(t.lockCurrentLabel, { exact: true }).fill(current);
  await card.getByLabel(t.lockNewPassphrase, { exact: true }).fill(next);
  await card.getByLabel(t.lockRepeatPassphrase, { exact: true }).fill(next);
  await card.getByRole('checkbox', { name: t.lockReplaceKey }).check();
  const kept = privacy.getByRole('button', { name: t.lockRecoveryKept });
  const putAwayRecoveryKey = async () => {
    if (await kept.isVisible()) await kept.click();
  };
  const replaced = await withProgress(
    privacy,
    () => card.getByRole('button', { name: t.lockChangePassphrase }).click(),
    privacy.getByText(t.lockKeyRenewed, { exact: true }),
    putAwayRecoveryKey,
  );
  await privacy.close();
  return replaced;
}

function replaceKeyRow(replaced: Progress): void {
  results.lockReplaceKey = replaced;
  row(
    `Replacing the key, ${LARGE.toLocaleString('en')} notes`,
    `${replaced.seconds.toFixed(1)} s`,
    `progress in ${replaced.progressSamples}/${replaced.samples} samples, from ${(replaced.beforeProgress / 10).toFixed(1)} s`,
    '',
    '≤ 60 s, progress throughout',
    replaced.seconds <= 60 && replaced.progressSamples >= replaced.samples - replaced.beforeProgress - 1,
  );
}

// Replacing the key alone, on its own 50,000 notes, for running without the whole benchmark:
// `npx wxt build && npx playwright test --project=bench --grep "replace the key"`. It prints its row
// and writes bench/replace-key.json, leaving bench/results.json to the full run.
test('replace the key', async ({}, testInfo) => {
  await mkdir(OUT, { recursive: true });
  const extensionDir = testInfo.outputPath('extension');
  await rm(extensionDir, { recursive: true, force: true });
  await cp(EXTENSION_DIR, extensionDir, { recursive: true });
  const optionsUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`;
  const large = testInfo.outputPath('large.json');
  await writeFile(large, backupFile(LARGE));
  const context = await launchWithExtensionDir(testInfo.outputPath('profile'), extensionDir);
  try {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    expectImported(await importThrough(page, large));
    await page.goto(`${optionsUrl}#privacy`);
    await page.getByLabel(t.lockPassphrase, { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(t.lockRepeatPassphrase, { exact: true }).fill(PASSPHRASE);
    await page.getByRole('checkbox', { name: t.lockAcknowledge }).check();
    await page.getByRole('button', { name: t.lockTurnOn }).click();
    await page.getByRole('button', { name: t.lockRecoveryKept }).click();
    await page.getByText(t.lockTurnedOn, { exact: true }).waitFor({ timeout: 5 * 60_000 });
    await page.close();
    replaceKeyRow(await replaceKey(context, optionsUrl, PASSPHRASE, NEW_PASSPHRASE));
  } finally {
    await context.close();
  }
  console.log(`\n${formatTable(rows)}\n`);
  await writeFile(
    resolve(OUT, 'replace-key.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), results }, null, 2)}\n`,
  );
});

/**
 * The service worker's JavaScript heap in use, sampled every 50 ms through the browser's debugger
 * until `stop` says so: the worker is the page that writes an automatic backup. Returns the peak
 * (bytes) and the number of samples, or undefined when the worker could not be reached.
 */
async function workerHeapPeak(
  context: BrowserContext,
  page: Page,
  stop: () => boolean,
): Promise<{ peak: number; samples: number } | undefined> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'));
    if (!worker) return undefined;
    // Not flattened: Playwright's session for a page routes a worker's replies as messages.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let peak = 0;
    let samples = 0;
    let next = 1;
    const waiting = new Map<number, (used: number) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result?.usedSize ?? 0);
    });
    while (!stop()) {
      const id = next++;
      const used = new Promise<number>((settle) => waiting.set(id, settle));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      peak = Math.max(peak, await Promise.race([used, new Promise<number>((settle) => setTimeout(() => settle(0), 1000))]));
      samples++;
      await page.waitForTimeout(50);
    }
    return { peak, samples };
  } catch {
    return undefined;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// An automatic backup of 50,000 notes (issue 20), alone, as "replace the key" is run:
// `npx wxt build && NODE_ENV=production npx wxt build --mode e2e && npx playwright test --project=bench --grep "automatic backup"`.
// The test build holds `downloads` as granted. It prints its rows and writes bench/auto-backup.json.
test('automatic backup', async ({}, testInfo) => {
  await mkdir(OUT, { recursive: true });
  const auto = autoBackupMessages('en');
  const extensionDir = testInfo.outputPath('extension');
  await rm(extensionDir, { recursive: true, force: true });
  await cp(E2E_EXTENSION_DIR, extensionDir, { recursive: true });
  const optionsUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`;
  const large = testInfo.outputPath('large.json');
  await writeFile(large, backupFile(LARGE));
  const downloads = testInfo.outputPath('downloads');
  const context = await launchWithExtension(testInfo.outputPath('profile'), 'en_US', extensionDir, downloads);
  try {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    expectImported(await importThrough(page, large));
    await page.getByRole('checkbox', { name: auto.autoSwitch }).click();
    await page.waitForFunction(async () => (await chrome.alarms.get('backup')) !== undefined);
    // An open journal meanwhile, whose main thread is watched for long tasks (50 ms or more).
    const journal = await context.newPage();
    await journal.goto(`${optionsUrl}#journal`);
    await journal.getByRole('article').first().waitFor();
    await journal.evaluate(() => {
      const seen = { longest: 0, count: 0 };
      (globalThis as unknown as { longTasks: typeof seen }).longTasks = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          seen.longest = Math.max(seen.longest, entry.duration);
          seen.count++;
        }
      }).observe({ type: 'longtask' });
    });
    const takeLongTasks = () =>
      journal.evaluate(() => {
        const seen = (globalThis as unknown as { longTasks: { longest: number; count: number } }).longTasks;
        const taken = { ...seen };
        seen.longest = 0;
        seen.count = 0;
        return taken;
      });
    // The baseline: the same journal for as long again with no backup (its search index and the rest
    // of its own work after the first screen), so the row shows what the backup adds.
    await journal.waitForTimeout(5000);
    const quiet = await takeLongTasks();
    const counted = () =>
      page.evaluate(async () => ((await chrome.storage.local.get('autoBackup')).autoBackup as { files: unknown[] }).files.length);
    const started = Date.now();
    await page.evaluate(() => chrome.alarms.create('backup', { when: Date.now() }));
    let done = false;
    const heap = workerHeapPeak(context, page, () => done);
    while ((await counted()) < 1) await page.waitForTimeout(100);
    const seconds = (Date.now() - started) / 1000;
    done = true;
    const worker = await heap;
    const longTasks = await takeLongTasks();
    const file = readdirSync(resolve(downloads, 'Adempauze'))[0] ?? '';
    const bytes = (await stat(resolve(downloads, 'Adempauze', file))).size;
    results.autoBackup = {
      seconds,
      bytes,
      workerHeapPeak: worker?.peak ?? null,
      heapSamples: worker?.samples ?? 0,
      journalLongTasks: longTasks,
    };
    row(
      `Automatic backup, ${LARGE.toLocaleString('en')} notes (alarm to file complete and counted)`,
      `${seconds.toFixed(1)} s`,
      `${(bytes / 2 ** 20).toFixed(1)} MB file`,
      '',
      '≤ 15 s',
      seconds <= 15,
    );
    row(
      'Automatic backup: peak JS heap of the service worker writing it',
      worker ? `${(worker.peak / 2 ** 20).toFixed(1)} MB` : 'not measured',
      worker ? `${worker.samples} samples, every 50 ms; file ${(bytes / 2 ** 20).toFixed(1)} MB` : '',
      worker ? (worker.peak / bytes).toFixed(2) : '',
      'informational (heap ÷ file size)',
      null,
    );
    row(
      'Automatic backup: longest main-thread task of an open journal meanwhile',
      ms(longTasks.longest),
      `${longTasks.count} tasks of 50 ms or more; ${ms(quiet.longest)} (${quiet.count}) in 5 s of the same journal before, no backup`,
      '',
      'no longer than without a backup',
      longTasks.longest <= Math.max(quiet.longest, 50),
    );
  } finally {
    await context.close();
  }
  console.log(`\n${formatTable(rows)}\n`);
  await writeFile(
    resolve(OUT, 'auto-backup.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), results }, null, 2)}\n`,
  );
});

/** Runs tests/unit/<name>.test.ts, which writes its figures as JSON to the file named by env `variable`. */
async function simulated<T>(name: string, variable: string): Promise<T> {
  const file = resolve(OUT, `${name}.json`);
  execFileSync('npx', ['vitest', 'run', `tests/unit/${name}.test.ts`], {
    cwd: ROOT,
    env: { ...process.env, [variable]: file },
    stdio: 'ignore',
  });
  const figures = JSON.parse(await readFile(file, 'utf8')) as T;
  await rm(file);
  return figures;
}

function expectImported(result: { seconds: number }) {
  if (!(result.seconds > 0)) throw new Error('import did not finish');
}

function launchWithExtensionDir(profile: string, extensionDir: string): Promise<BrowserContext> {
  return launchWithExtension(profile, 'en_US', extensionDir);
}

interface Size {
  raw: number;
  gzip: number;
  budget?: number;
}

async function measureSizes(): Promise<Record<string, Size>> {
  const { entrySizes } = await import('../../scripts/sizes.mjs');
  const sizes: Record<string, Size> = await entrySizes();
  execFileSync('npx', ['wxt', 'zip'], { cwd: ROOT, stdio: 'ignore' });
  const zip = readdirSync(resolve(ROOT, '.output')).find((name) => name.endsWith('-chrome.zip'));
  if (zip) {
    const bytes = (await stat(resolve(ROOT, '.output', zip))).size;
    sizes['zipped extension'] = { raw: bytes, gzip: bytes };
  }
  return sizes;
}

function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Chromium ${execFileSync(
    process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    ['--version'],
  )
    .toString()
    .trim()}`;
}

function formatTable(table: readonly Row[]): string {
  const header = ['Measure', 'Value', 'Baseline (same run)', 'Ratio', 'Target', 'Met'];
  const lines = table.map((r) => [r.measure, r.value, r.baseline, r.ratio, r.target, r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
