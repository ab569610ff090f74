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
import { seeded, seedNotes, WORDS_EN, WORDS_NL } from '../e2e/seed';
import { compareEngines } from './engines';
import { differenceVerdict, quantile, ratioVerdict, spreadOf, type Spread, type Verdict } from './verdict';
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
const LARGE = 50_000;
const PASSPHRASE = 'a bench passphrase, not a secret';
const NEW_PASSPHRASE = 'another bench passphrase, for the new key';
type Row = { measure: string; value: string; baseline: string; ratio: string; target: string; met: Verdict };
const rows: Row[] = [];
const results: Record<string, unknown> = {};

const median = (values: readonly number[]) => quantile(values, 0.5);
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
 * Pairs a ratio is judged on, after WARM_UP unmeasured ones (BENCH_PAIRS fewer, only to try the
 * bench out). 41: with 25, two quiet runs of the same code put the journal's first screen at 1.15
 * and 0.98 of the 10-note one, further apart than the 10 % two runs must agree within; an odd
 * number, so that the median is one pair's.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 41);
/**
 * Unmeasured pairs first: the steady state (V8's code cache warm) is what a person opening a page
 * many times a day gets, and the very first loads after the browser starts are noise.
 */
const WARM_UP = 5;
/**
 * Pairs for the rows of the quick pages (their first paint, "Last time"), each pair two loads of
 * a fifth of a second. Their loads scatter by ±13 ms around 75 ms, so with 41 pairs the median's
 * 95 % interval (verdict.ts) was about ±8 % wide, wider than the 10 % two runs must agree within;
 * three times as many make it about ±5 % (0.10–0.13 wide in four runs), for a minute more.
 */
const QUICK_PAIRS = 3 * PAIRS;
/** Both sides of every pair, and what each pair says: A ÷ B and A − B. */
interface Pairs {
  readonly a: number[];
  readonly b: number[];
  readonly ratios: number[];
  readonly differences: number[];
}

/**
 * Measures two sides sample by sample (A, B, A, B …): whatever else the machine does at a moment
 * falls on both halves of that pair alike, so the ratio of each pair holds where a ratio of two
 * medians taken minutes apart moves with the machine. `sample` gives one pair (from two pages, or
 * two moments of one page load).
 */
async function measurePairs(sample: () => Promise<readonly [number, number]>, pairs = PAIRS): Promise<Pairs> {
  const measured: Pairs = { a: [], b: [], ratios: [], differences: [] };
  for (let i = 0; i < WARM_UP + pairs; i++) {
    const [a, b] = await sample();
    if (i < WARM_UP) continue;
    measured.a.push(a);
    measured.b.push(b);
    measured.ratios.push(a / b);
    measured.differences.push(a - b);
  }
  return measured;
}

/**
 * Interleaves two measures pair by pair (measurePairs), A first in one pair and B first in the
 * next: whatever a load leaves behind for the one after it (a closed page's clean-up, a warmed
 * cache) then falls on both sides alike.
 */
function interleave(a: () => Promise<number>, b: () => Promise<number>, pairs = PAIRS): Promise<Pairs> {
  let aFirst = false;
  return measurePairs(async () => {
    aFirst = !aFirst;
    if (aFirst) return [await a(), await b()] as const;
    const later = await b();
    return [await a(), later] as const;
  }, pairs);
}

/** The median of the pairs' ratios, judged against `target` (at most) as ratioVerdict rules. */
function judgeRatio(pairs: Pairs, target: number): { ratio: number; spread: Spread; verdict: Verdict; text: string } {
  const spread = spreadOf(pairs.ratios);
  const { median: ratio, low, high, intervalLow, intervalHigh } = spread;
  return {
    ratio,
    spread,
    verdict: ratioVerdict(spread, target),
    text: `${ratio.toFixed(2)} (95 % ${intervalLow.toFixed(2)}–${intervalHigh.toFixed(2)}; IQR ${low.toFixed(2)}–${high.toFixed(2)}, ${pairs.ratios.length} pairs)`,
  };
}

/** The median of the pairs' differences in ms, judged against `target` (at most) as differenceVerdict rules. */
function judgeDifference(pairs: Pairs, target: number): { difference: number; verdict: Verdict; text: string } {
  const spread = spreadOf(pairs.differences);
  const { median: difference, low, high, intervalLow, intervalHigh } = spread;
  return {
    difference,
    verdict: differenceVerdict(spread, target),
    text: `${ms(difference)} after it (95 % ${intervalLow.toFixed(1)}–${intervalHigh.toFixed(1)}; IQR ${low.toFixed(1)}–${high.toFixed(1)}, ${pairs.differences.length} pairs)`,
  };
}

/** What results.json keeps of a comparison. */
const pairsSummary = (pairs: Pairs) => ({
  a: summary(pairs.a),
  b: summary(pairs.b),
  ratio: spreadOf(pairs.ratios),
  difference: spreadOf(pairs.differences),
});

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

/** Time from navigation start until the first note of the journal is painted; `nodes` keeps the largest DOM seen. */
async function journalFirstScreen(context: BrowserContext, url: string, nodes?: { count: number }): Promise<number> {
  const page = await context.newPage();
  await watchPaint(page, NOTE);
  await page.goto(url);
  const time = await paintedAt(page, NOTE);
  if (nodes) {
    await page.waitForTimeout(300);
    nodes.count = Math.max(nodes.count, await page.evaluate(() => document.getElementsByTagName('*').length));
  }
  await page.close();
  return time;
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

/**
 * The journal marks its list with the search whose results it shows (JournalSection), in the same
 * render that lays them out: the bench's "results rendered".
 */
const RESULTS_FOR = 'data-results-for';

/** From the page's first script on, records every long task (50 ms or more): when it started and how long it took. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Types `query` into the journal's search at once and waits for its results: ms from `since` (the
 * page's clock) until they are rendered, and the longest task of the page since then (0: none of
 * 50 ms or more). The search index is built after the first screen (or the unlock), so this is when
 * search is ready.
 */
async function searchReadySince(page: Page, since: number, query: string): Promise<{ ms: number; longestTask: number }> {
  return page.evaluate(
    ({ since, query, attribute }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      return new Promise<{ ms: number; longestTask: number }>((resolveReady) => {
        const done = () => {
          const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
          const longestTask = Math.max(0, ...tasks.filter((task) => task.start + task.duration > since).map((task) => task.duration));
          resolveReady({ ms: performance.now() - since, longestTask });
        };
        const observer = new MutationObserver(() => {
          if (document.querySelector(`[${attribute}="${query}"]`)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: [attribute] });
        Reflect.set(HTMLInputElement.prototype, 'value', query, input);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    { since, query, attribute: RESULTS_FOR },
  );
}

/**
 * `queries` followed by more of `words` words each, drawn from the seeded notes' own vocabulary
 * (one language a query, no word twice in one, no query twice), up to `total`: a p95 of the 16 to
 * 20 searches written out was the slowest but one, and moved by 2–3 ms from run to run. Seeded, so
 * every run searches the same.
 */
function withDrawn(queries: readonly string[], words: number, total: number): string[] {
  const random = seeded(words);
  const all = new Set(queries);
  while (all.size < total) {
    const vocabulary = random() < 0.5 ? WORDS_NL : WORDS_EN;
    const picked = new Set<string>();
    while (picked.size < words) picked.add(vocabulary[Math.floor(random() * vocabulary.length)]!.toLowerCase());
    all.add([...picked].join(' '));
  }
  return [...all];
}

/**
 * Searches as a person types them, in both languages of the seeded notes: single words, two and
 * three words (30 of each, searched twice: 60 searches a p95), and a search typed letter by
 * letter. Each query differs from the one before it.
 */
const typed = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
const SEARCHES: Record<string, readonly string[]> = {
  'one word': withDrawn(
    [
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
      'gedacht',
      'nervous',
    ],
    1,
    30,
  ),
  'two words': withDrawn(
    [
      'zus open',
      'told sister',
      'klein gesprek',
      'brave step',
      'spannend collega',
      'een zus',
      'quiet meeting',
      'moedig rustig',
      'easier than',
      'heb verteld',
    ],
    2,
    30,
  ),
  'three words': withDrawn(
    [
      'vandaag zus open',
      'told my sister',
      'klein moedig gesprek',
      'brave small step',
      'een spannend gesprek',
      'nervous quiet colleague',
      'ik heb verteld',
      'easier than expected',
    ],
    3,
    30,
  ),
  'while typing': [...typed('vandaag klein gesprek'), ...typed('my sister told')],
};

/**
 * Input to results rendered, each query `rounds` times over, measured inside the page: from the
 * input event (the element's own value setter, as typing does) to the commit that marks the list
 * with that query's results, seen by a MutationObserver. Between keystrokes the page gets two
 * frames and a moment, as between a person's keys. The field is cleared first, unmeasured.
 */
async function searchTimes(page: Page, queries: readonly string[], rounds = 2): Promise<number[]> {
  return page.evaluate(
    async ({ queries, rounds, attribute }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const settle = () =>
        new Promise((resolveFrame) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolveFrame, 20))));
      const type = (text: string) =>
        new Promise<number>((resolveTime) => {
          let start = 0;
          const observer = new MutationObserver((mutations) => {
            if (mutations.some((mutation) => (mutation.target as Element).getAttribute(attribute) === text)) {
              observer.disconnect();
              resolveTime(performance.now() - start);
            }
          });
          observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: [attribute] });
          start = performance.now();
          Reflect.set(HTMLInputElement.prototype, 'value', text, input);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        Reflect.set(HTMLInputElement.prototype, 'value', '', input);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await settle();
        for (const query of queries) {
          times.push(await type(query));
          await settle();
        }
      }
      return times;
    },
    { queries, rounds, attribute: RESULTS_FOR },
  );
}

/** The search rows of one journal page: p50 and p95 for each kind of search, against p95 ≤ 8 ms. */
async function searchRows(page: Page, label: string): Promise<Record<string, ReturnType<typeof summary>>> {
  const measured: Record<string, ReturnType<typeof summary>> = {};
  for (const [kind, queries] of Object.entries(SEARCHES)) {
    const times = await searchTimes(page, queries);
    measured[kind] = summary(times);
    row(
      `Search over ${LARGE.toLocaleString('en')} notes${label}, ${kind}: input to results`,
      `p95 ${ms(quantile(times, 0.95))}`,
      `p50 ${ms(median(times))}; ${times.length} searches`,
      '',
      // Half a frame: the results come in the frame the key was pressed in, with room to paint.
      'p95 ≤ 8 ms',
      quantile(times, 0.95) <= 8,
    );
  }
  return measured;
}

/** Types an answer in the popup and saves it: when Save was clicked and when "Saved" showed (epoch ms). */
async function saveInPopup(popup: Page, answer: string): Promise<{ clicked: number; confirmed: number }> {
  // A save is the app's: the first script's shell only shows the form (utils/first-paint/shell.ts).
  await popup.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
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
async function unlockToFirstScreen(context: BrowserContext, url: string): Promise<{ page: Page; time: number; painted: number }> {
  const page = await context.newPage();
  await watchPaint(page, NOTE);
  await watchLongTasks(page);
  await page.goto(url);
  await page.getByLabel(t.lockPassphrase, { exact: true }).fill(PASSPHRASE);
  const clicked = await page.evaluate(() => {
    const start = performance.now();
    document.querySelector<HTMLButtonElement>('.unlock-form button[type="submit"]')!.click();
    return start;
  });
  const painted = await paintedAt(page, NOTE);
  return { page, time: painted - clicked, painted };
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
 * When `selector` is painted and when its baseline is, each in ms after navigation start, in one
 * load of `url`, so that drift on a noisy machine falls on both alike. The baseline is when
 * `baselineSelector` is painted, or without one the page's first contentful paint. `check` fails
 * the bench when the page shows something else than the measure is about.
 */
async function paintedBeside(
  context: BrowserContext,
  url: string,
  selector: string,
  baselineSelector: string | undefined,
  check: (page: Page) => Promise<void>,
): Promise<readonly [number, number]> {
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
  return [painted, baseline];
}

function row(measure: string, value: string, baseline: string, ratio: string, target: string, met: Verdict) {
  rows.push({ measure, value, baseline, ratio, target, met });
  console.log(
    `  ${measure}: ${value} (${baseline}) ${ratio} ${met === false ? 'NOT MET' : met === 'too wide' ? 'spread too wide to judge' : ''}`,
  );
}

/**
 * A row comparing two sides measured in pairs: the value and baseline are their medians, the ratio
 * the median of the pairs' ratios with its spread, judged against `target` unless too wide.
 */
function ratioRow(measure: string, pairs: Pairs, baseline: string, target: number, targetText = `ratio ≤ ${target}`) {
  const judged = judgeRatio(pairs, target);
  row(measure, ms(median(pairs.a)), `${ms(median(pairs.b))} ${baseline}`, judged.text, targetText, judged.verdict);
  return judged;
}

/** A row comparing two sides measured in pairs, shown without a verdict: `note` says why (informational, or no target). */
function shownRatioRow(measure: string, pairs: Pairs, baseline: string, note: string) {
  row(measure, ms(median(pairs.a)), `${ms(median(pairs.b))} ${baseline}`, judgeRatio(pairs, Infinity).text, note, null);
}

test.describe.configure({ mode: 'serial' });
// Every comparison interleaved, in three browsers: longer than the project's 20 minutes on a busy machine.
test.setTimeout(45 * 60_000);

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

  const smallFile = testInfo.outputPath('small.json');
  const largeFile = testInfo.outputPath('large.json');
  await writeFile(smallFile, backupFile(10));
  await writeFile(largeFile, backupFile(LARGE));

  // Three browsers with the same extension, each with a profile of its own, all open at once so
  // that every comparison interleaves its sides: one with 10 notes (the baselines), one with 50,000
  // that stays without the lock, and one with 50,000 that turns the lock on.
  const small = await launchWithExtensionDir(testInfo.outputPath('profile-small'), extensionDir);
  const large = await launchWithExtensionDir(testInfo.outputPath('profile-large'), extensionDir);
  let locked: BrowserContext | undefined;
  try {
    // The static twins: each quick page's own markup and styles exactly as first painted (its
    // shell, with the prompt it opened on), with no script. And the page without its shell, as
    // pages were before issue 22: nothing to paint until the app has loaded and rendered.
    for (const page of ['popup', 'pause'] as const) {
      const capture = await small.newPage();
      await capture.goto(`chrome-extension://${id}/${page}.html`);
      await capture.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      const [staticHtml, clientHtml] = await capture.evaluate((page) => {
        const painted = document.documentElement.cloneNode(true) as HTMLElement;
        const form = page === 'pause' ? 'breathing' : document.querySelector('.prompt-text') ? 'step' : 'question';
        const shell = (
          document.getElementById(`shell-${page}-${document.documentElement.lang}-${form}`) as HTMLTemplateElement
        ).content.cloneNode(true) as DocumentFragment;
        for (const part of ['.prompt-title', '.prompt-text']) {
          const into = shell.querySelector(part);
          if (into) into.textContent = document.querySelector(part)?.textContent ?? '';
        }
        painted.querySelector('#app')!.replaceChildren(shell);
        painted.removeAttribute('data-app');
        painted.querySelectorAll('script, link[rel="modulepreload"], template').forEach((node) => node.remove());
        const source = document.documentElement.cloneNode(true) as HTMLElement;
        source.removeAttribute('data-app');
        source.querySelector('#app')!.replaceChildren();
        source.querySelectorAll('template').forEach((node) => node.remove());
        return [`<!doctype html>${painted.outerHTML}`, `<!doctype html>${source.outerHTML}`];
      }, page);
      await capture.close();
      await writeFile(resolve(extensionDir, `static-${page}.html`), staticHtml);
      await writeFile(resolve(extensionDir, `client-${page}.html`), clientHtml);
    }
    // The popup as at the last stop: its first script at the end of the body, blocking the parser.
    const built = await readFile(resolve(extensionDir, 'popup.html'), 'utf8');
    const firstScript = /\s*<script defer blocking="render" (src="\/popup-first\.js"[^>]*)><\/script>/.exec(built);
    if (!firstScript) throw new Error('popup.html has no deferred, render-blocking first script in its head');
    await writeFile(
      resolve(extensionDir, 'body-popup.html'),
      built.replace(firstScript[0], '').replace('</body>', `<script ${firstScript[1]}></script></body>`),
    );

    // 1. The quick pages' first contentful paint vs their static twins, an empty journal; and the
    // alternative the shells replaced (README, "How the first paint works").
    // The control: the static page against itself, as the quick pages are measured. Whatever its
    // ratio's interval holds besides 1 is the bench's own noise, not a page's.
    const staticItself = await interleave(
      () => firstContentfulPaint(small, staticUrl),
      () => firstContentfulPaint(small, staticUrl),
      QUICK_PAIRS,
    );
    results.staticItselfFcp = pairsSummary(staticItself);
    const control = judgeRatio(staticItself, Infinity);
    row(
      'Static page first contentful paint ÷ itself (the control)',
      ms(median(staticItself.a)),
      `${ms(median(staticItself.b))} static page`,
      control.text,
      'its interval holds 1',
      control.spread.intervalLow <= 1 && control.spread.intervalHigh >= 1,
    );
    const popupFcp = await interleave(
      () => firstContentfulPaint(small, popupUrl),
      () => firstContentfulPaint(small, staticUrl),
      QUICK_PAIRS,
    );
    results.popupFcp = pairsSummary(popupFcp);
    const fcp = ratioRow('Popup first contentful paint', popupFcp, 'static page', 1.1);
    const pauseFcp = await interleave(
      () => firstContentfulPaint(small, `chrome-extension://${id}/pause.html`),
      () => firstContentfulPaint(small, `chrome-extension://${id}/static-pause.html`),
      QUICK_PAIRS,
    );
    results.pauseFcp = pairsSummary(pauseFcp);
    ratioRow('Pause window first contentful paint', pauseFcp, 'static page', 1.1);
    const clientFcp = await interleave(
      () => firstContentfulPaint(small, `chrome-extension://${id}/client-popup.html`),
      () => firstContentfulPaint(small, staticUrl),
    );
    results.popupClientFcp = pairsSummary(clientFcp);
    shownRatioRow('Popup without its shell, the app painting it (the alternative)', clientFcp, 'static page', 'informational');
    const bodyFcp = await interleave(
      () => firstContentfulPaint(small, `chrome-extension://${id}/body-popup.html`),
      () => firstContentfulPaint(small, staticUrl),
    );
    results.popupBodyScriptFcp = pairsSummary(bodyFcp);
    shownRatioRow(
      'Popup with its first script at the end of the body, blocking the parser (the alternative)',
      bodyFcp,
      'static page',
      'informational',
    );

    // 6. Import of 50,000 notes (validate + write), through the extension's own import.
    const smallImport = await small.newPage();
    await smallImport.goto(optionsUrl);
    expectImported(await importThrough(smallImport, smallFile));
    await smallImport.close();
    const importPage = await large.newPage();
    await importPage.goto(optionsUrl);
    const bigImport = await importThrough(importPage, largeFile);
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

    // 2. Popup with 50,000 notes vs 10 notes.
    const popupLarge = await interleave(
      () => firstContentfulPaint(large, popupUrl),
      () => firstContentfulPaint(small, popupUrl),
      QUICK_PAIRS,
    );
    results.popupLarge = pairsSummary(popupLarge);
    ratioRow(`Popup FCP, ${LARGE.toLocaleString('en')} notes`, popupLarge, 'with 10 notes', 1.1);

    // 3. Journal first screen with 50,000 notes vs 10.
    const nodes = { count: 0 };
    const journal = await interleave(
      () => journalFirstScreen(large, optionsUrl, nodes),
      () => journalFirstScreen(small, optionsUrl),
    );
    results.journal = { ...pairsSummary(journal), domNodes: nodes.count };
    const journalJudged = judgeRatio(journal, 1.5);
    row(
      'Journal first screen',
      ms(median(journal.a)),
      `${ms(median(journal.b))} with 10 notes`,
      journalJudged.text,
      '≤ 300 ms, ratio ≤ 1.5',
      journalJudged.verdict === 'too wide' ? 'too wide' : median(journal.a) <= 300 && journalJudged.verdict,
    );
    row('Journal DOM nodes', String(nodes.count), '', '', '≤ 2,000', nodes.count <= 2000);

    // 11. Looking back, with 50,000 notes, in the real pages: "Last time" in the popup beside the
    // popup's first paint, "On this day" beside the journal's first screen, each pair from one load.
    // The seeded notes are 97 minutes apart over nine years, so the popup's prompt, whichever opens,
    // has been answered before, and a week, a month and a year ago each have notes of their own.
    const lastTime = await measurePairs(
      () =>
        paintedBeside(large, popupUrl, LAST_TIME, undefined, async (page) => {
          const text = await page.locator(LAST_TIME).textContent();
          if (!text || !/^Last time \(.+\)$/.test(text)) throw new Error(`"Last time" shows "${text}"`);
        }),
      QUICK_PAIRS,
    );
    results.lastTime = pairsSummary(lastTime);
    const lastTimeJudged = judgeDifference(lastTime, 100);
    row(
      `"Last time" shown in the popup, ${LARGE.toLocaleString('en')} notes`,
      ms(median(lastTime.a)),
      `${ms(median(lastTime.b))} popup FCP; ${lastTimeJudged.text}`,
      judgeRatio(lastTime, Infinity).text,
      // Within 100 ms a change still reads as part of the same moment: the line is there as the
      // person starts reading the prompt, rather than arriving later beneath it.
      '≤ 100 ms after FCP (one moment to the eye)',
      lastTimeJudged.verdict,
    );
    const whens = [lb.onThisDayWeek, lb.onThisDayMonth, lb.onThisDayYear];
    const onThisDay = await measurePairs(() =>
      paintedBeside(large, `${optionsUrl}#journal`, ON_THIS_DAY, NOTE, async (page) => {
        const shown = await page.locator(`${ON_THIS_DAY} .on-this-day-when`).allTextContents();
        if (shown.join('|') !== whens.join('|')) throw new Error(`"On this day" shows ${JSON.stringify(shown)}`);
      }),
    );
    results.onThisDay = pairsSummary(onThisDay);
    // It sits above the notes: it should come with the first screen, not as a later change over
    // the notes being read.
    ratioRow(
      `"On this day" shown in the journal, ${LARGE.toLocaleString('en')} notes`,
      onThisDay,
      'journal first screen, same load',
      1.5,
      'ratio ≤ 1.5 (comes with the first screen)',
    );

    // 4. Search: the index is built after the first screen; then input to results rendered.
    const search = await large.newPage();
    await watchPaint(search, NOTE);
    await watchLongTasks(search);
    await search.goto(optionsUrl);
    const ready = await searchReadySince(search, await paintedAt(search, NOTE), 'warm');
    results.searchReady = ready;
    row(
      'Search ready after the first screen',
      `${(ready.ms / 1000).toFixed(1)} s`,
      `longest task meanwhile ${ready.longestTask === 0 ? 'under 50 ms' : ms(ready.longestTask)}`,
      '',
      '≤ 2 s, no task of 50 ms or more',
      ready.ms <= 2000 && ready.longestTask === 0,
    );
    results.search = await searchRows(search, '');
    await search.close();

    // 5. Save with 50,000 notes: click to confirmed.
    const popup = await large.newPage();
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
    const watching = await large.newPage();
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

    // 10. The journal lock, on 50,000 notes of a third browser, each measure beside the same
    // without the lock in the second. Turning it on: the keys, then every note encrypted in place
    // with a progress bar, while the recovery key is shown once (and put away, as a person does,
    // when it appears).
    locked = await launchWithExtensionDir(testInfo.outputPath('profile-locked'), extensionDir);
    const lockImport = await locked.newPage();
    await lockImport.goto(optionsUrl);
    expectImported(await importThrough(lockImport, largeFile));
    await lockImport.close();
    const privacy = await locked.newPage();
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
    const lockedContext = locked;
    const journalLocked = await interleave(
      () => journalFirstScreen(lockedContext, optionsUrl),
      () => journalFirstScreen(large, optionsUrl),
    );
    results.lockJournal = pairsSummary(journalLocked);
    shownRatioRow('Journal first screen, lock on (unlocked)', journalLocked, 'lock off', '');

    // The passphrase's key derivation alone: slow by design, so it is kept apart from what follows.
    const derivationPage = await locked.newPage();
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

    // Unlock: from the click on Unlock to the first note painted, in a freshly opened journal each
    // time (locked again with "Lock now" after), less a key derivation timed in the same page right
    // after, beside the first screen of the journal without the lock. Each pair subtracts its own
    // derivation: the median of one taken apart moved 73 → 93 ms between two runs, and the ratio
    // with it by a fifth.
    const locking = await locked.newPage();
    await locking.goto(optionsUrl);
    await lockJournal(locking);
    await locking.close();
    const withDerivation: number[] = [];
    const unlock = await interleave(
      async () => {
        const unlocked = await unlockToFirstScreen(lockedContext, optionsUrl);
        await lockJournal(unlocked.page);
        const [derived] = await keyDerivationTimes(unlocked.page, 1);
        await unlocked.page.close();
        withDerivation.push(unlocked.time);
        return unlocked.time - derived!;
      },
      () => journalFirstScreen(large, optionsUrl),
    );
    results.unlock = { ...pairsSummary(unlock), keyDerivation: derivationMedian };
    ratioRow(
      'Unlock to first journal screen (key derivation excluded)',
      unlock,
      `journal first screen, lock off; ${ms(median(withDerivation.slice(-unlock.a.length)))} with key derivation`,
      1.5,
    );

    // Search, right after an unlock: the index is built from 50,000 decrypted notes.
    const lockedSearch = await unlockToFirstScreen(locked, optionsUrl);
    const lockedReady = await searchReadySince(lockedSearch.page, lockedSearch.painted, 'warm');
    results.lockSearchReady = lockedReady;
    row(
      'Search ready after an unlock',
      `${(lockedReady.ms / 1000).toFixed(1)} s`,
      `${(ready.ms / 1000).toFixed(1)} s lock off; longest task meanwhile ${lockedReady.longestTask === 0 ? 'under 50 ms' : ms(lockedReady.longestTask)}`,
      '',
      '≤ 3 s, no task of 50 ms or more',
      lockedReady.ms <= 3000 && lockedReady.longestTask === 0,
    );
    results.lockSearch = await searchRows(lockedSearch.page, ', lock on');
    await lockJournal(lockedSearch.page);
    await lockedSearch.page.close();

    // Locked: the popup paints and saves as always (a save is sealed to the public key).
    const popupLocked = await interleave(
      () => firstContentfulPaint(lockedContext, popupUrl),
      () => firstContentfulPaint(lockedContext, staticUrl),
    );
    results.lockPopupFcp = pairsSummary(popupLocked);
    ratioRow('Popup first contentful paint, lock on (locked)', popupLocked, `static page; lock off ratio ${fcp.ratio.toFixed(2)}`, 1.3);
    const lockedPopup = await locked.newPage();
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
    const unlocked = await unlockToFirstScreen(locked, optionsUrl);
    await unlocked.page.close();
    replaceKeyRow(await replaceKey(locked, optionsUrl, PASSPHRASE, NEW_PASSPHRASE));
  } finally {
    await Promise.all([small.close(), large.close(), locked?.close()]);
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
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), pairs: PAIRS, results, table: rows }, null, 2)}\n`,
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

/**
 * A browser of its own with the built extension and 50,000 notes imported through it, for the
 * tests that measure one thing alone; `page` is the options page the import was made in.
 */
async function largeJournal(outputPath: (name: string) => string): Promise<{ context: BrowserContext; optionsUrl: string; page: Page }> {
  const extensionDir = outputPath('extension');
  await rm(extensionDir, { recursive: true, force: true });
  await cp(EXTENSION_DIR, extensionDir, { recursive: true });
  const optionsUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`;
  const large = outputPath('large.json');
  await writeFile(large, backupFile(LARGE));
  const context = await launchWithExtensionDir(outputPath('profile'), extensionDir);
  try {
    const page = await context.newPage();
    await page.goto(optionsUrl);
    expectImported(await importThrough(page, large));
    return { context, optionsUrl, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

// Replacing the key alone, on its own 50,000 notes, for running without the whole benchmark:
// `npx wxt build && npx playwright test --project=bench --grep "replace the key"`. It prints its row
// and writes bench/replace-key.json, leaving bench/results.json to the full run.
test('replace the key', async ({}, testInfo) => {
  await mkdir(OUT, { recursive: true });
  const { context, optionsUrl, page } = await largeJournal(testInfo.outputPath.bind(testInfo));
  try {
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

// Search alone, on its own 50,000 notes, for working on it without the whole benchmark:
// `npx wxt build && npx playwright test --project=bench --grep "search in the journal"`.
test('search in the journal', async ({}, testInfo) => {
  const { context, optionsUrl, page } = await largeJournal(testInfo.outputPath.bind(testInfo));
  try {
    await page.close();
    const search = await context.newPage();
    await watchPaint(search, NOTE);
    await watchLongTasks(search);
    await search.goto(optionsUrl);
    const ready = await searchReadySince(search, await paintedAt(search, NOTE), 'warm');
    row(
      'Search ready after the first screen',
      `${(ready.ms / 1000).toFixed(1)} s`,
      `longest task ${ms(ready.longestTask)}`,
      '',
      '≤ 2 s',
      ready.ms <= 2000,
    );
    await searchRows(search, '');
  } finally {
    await context.close();
  }
  console.log(`\n${formatTable(rows)}\n`);
});

/**
 * The search engines on the same 50,000 realistic notes (engines.ts), in this process: a row each
 * for building, memory, every kind of search and a save, so the choice of engine is a measured one.
 */
async function engineRows(): Promise<void> {
  const engines = await compareEngines(LARGE, quantile);
  results.engines = engines;
  for (const engine of engines) {
    const searches = Object.entries(engine.search)
      .map(([kind, { p50, p95 }]) => `${kind} ${p50.toFixed(1)}/${p95.toFixed(1)}`)
      .join('; ');
    const worst = Math.max(...Object.values(engine.search).map(({ p95 }) => p95));
    row(
      `Search engine on ${LARGE.toLocaleString('en')} realistic notes: ${engine.name}`,
      `p95 ${ms(worst)} (worst kind)`,
      `p50/p95 ms: ${searches}; built in ${engine.buildSeconds.toFixed(1)} s, ${engine.heapMB.toFixed(0)} MB heap; save p95 ${ms(engine.saveMs.p95)}; ${engine.differing} of ${engine.searches} searches find otherwise than today`,
      '',
      'p95 ≤ 8 ms, save ≤ 2 ms, same results (informational for the others)',
      null,
    );
  }
}

// The engines, part of every `npm run bench` (after the benchmark, which leaves its browsers closed),
// or alone: `npx playwright test --project=bench --grep "search engines"`. Writes bench/search-engines.json.
test('search engines', async () => {
  await mkdir(OUT, { recursive: true });
  const before = rows.length;
  await engineRows();
  console.log(`\n${formatTable(rows.slice(before))}\n`);
  await writeFile(
    resolve(OUT, 'search-engines.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), engines: results.engines }, null, 2)}\n`,
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
  const lines = table.map((r) => [
    r.measure,
    r.value,
    r.baseline,
    r.ratio,
    r.target,
    r.met === null ? '' : r.met === 'too wide' ? 'spread too wide to judge' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
