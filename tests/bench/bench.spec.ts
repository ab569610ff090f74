// `npm run bench`: what people feel, measured in Debian Chromium against the built extension, each
// figure beside its baseline from the same run. Prints a table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test } from '@playwright/test';
import { EXTENSION_DIR, unpackedExtensionId } from '../../scripts/chromium.mjs';
import { launchWithExtension } from '../e2e/fixtures';
import { seedNotes } from '../e2e/seed';
import { journalMessages } from '@/utils/i18n/journal';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'bench');
const t = journalMessages('en');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const LARGE = 50_000;

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

/** First contentful paint of an extension page, in ms after navigation start. */
async function firstContentfulPaint(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolveFcp) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolveFcp(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
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

/** Time from navigation start until the first note of the journal is painted, and the page's DOM size. */
async function journalFirstScreen(context: BrowserContext, url: string): Promise<{ times: number[]; nodes: number }> {
  const times: number[] = [];
  let nodes = 0;
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { firstNotePaint?: Promise<number> };
      w.firstNotePaint = new Promise((resolvePaint) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('article.note')) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolvePaint(performance.now())));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
    });
    await page.goto(url);
    times.push(await page.evaluate(() => (window as unknown as { firstNotePaint: Promise<number> }).firstNotePaint));
    await page.waitForTimeout(300);
    nodes = Math.max(nodes, await page.evaluate(() => document.getElementsByTagName('*').length));
    await page.close();
  }
  return { times, nodes };
}

async function importThrough(page: Page, file: string): Promise<{ seconds: number; progressSamples: number; samples: number }> {
  await page.getByRole('link', { name: t.navBackup }).click();
  const input = page.getByLabel(t.backupImportLabel);
  const started = Date.now();
  await input.setInputFiles(file);
  let samples = 0;
  let progressSamples = 0;
  const done = page.getByText(/^Import complete/);
  while (!(await done.isVisible())) {
    samples++;
    if (await page.locator('progress').isVisible()) progressSamples++;
    await page.waitForTimeout(100);
  }
  return { seconds: (Date.now() - started) / 1000, progressSamples, samples };
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

    // 4. Search: keystroke to updated results painted.
    const search = await context.newPage();
    await search.goto(optionsUrl);
    const box = search.getByRole('searchbox', { name: t.searchLabel });
    await box.fill('warm');
    const indexStart = Date.now();
    await search.getByText(/notes? found|No notes match/).waitFor({ timeout: 60_000 });
    const indexSeconds = (Date.now() - indexStart) / 1000;
    const queries = [
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
    const searchTimes: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const query of queries) {
        searchTimes.push(
          await search.evaluate((text) => {
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
    const saveTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      await popup.getByRole('textbox', { name: t.answerLabel }).fill(`A benchmark answer, number ${i}.`);
      saveTimes.push(
        await popup.evaluate((saved) => {
          const button = document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
          const status = document.querySelector('.answer-form [role="status"]')!;
          return new Promise<number>((resolveTime) => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (status.textContent === saved) {
                observer.disconnect();
                resolveTime(performance.now() - start);
              }
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            button.click();
          });
        }, t.saved),
      );
    }
    results.save = summary(saveTimes);
    row(
      'Save with 50,000 notes',
      `p95 ${ms(quantile(saveTimes, 0.95))}`,
      `median ${ms(median(saveTimes))}`,
      '',
      'p95 ≤ 50 ms',
      quantile(saveTimes, 0.95) <= 50,
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
      await popup.getByRole('textbox', { name: t.answerLabel }).fill(answer);
      const confirmed = await popup.evaluate((saved) => {
        const button = document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
        const status = document.querySelector('.answer-form [role="status"]')!;
        return new Promise<number>((resolveTime) => {
          const observer = new MutationObserver(() => {
            if (status.textContent === saved) {
              observer.disconnect();
              resolveTime(performance.timeOrigin + performance.now());
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          button.click();
        });
      }, t.saved);
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
  } finally {
    await context.close();
  }

  // 7. Background at rest, through the real background code over a simulated day (vitest).
  const dayFile = resolve(OUT, 'background-day.json');
  execFileSync('npx', ['vitest', 'run', 'tests/unit/background-day.test.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_BACKGROUND_OUT: dayFile },
    stdio: 'ignore',
  });
  const day = JSON.parse(await readFile(dayFile, 'utf8')) as { wakeUps: number; offers: number; timers: number };
  await rm(dayFile);
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
