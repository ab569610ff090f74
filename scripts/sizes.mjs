// Sizes of what each part of the built extension loads, gzip-compressed as browsers and stores
// transfer them, and the budgets that keep the extension instant. `node scripts/sizes.mjs --check`
// prints them and fails when a budget is exceeded (part of `npm test`).
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './chromium.mjs';

/**
 * Budgets in KB (1,024 bytes) of gzip-compressed JavaScript, as a person feels them: what a page
 * must load before its first paint, and everything it loads in all (chunks loaded later with
 * import() included, such as the popup's database code on first save and its pause panel).
 *
 * The popup was once asked to be 15 KB in all; the stack under it (webextension-polyfill ≈ 3–4 KB,
 * Preact with hooks ≈ 5 KB) and the prompt library in two languages leave its first paint at about
 * 18 KB, and the rest (idb, the model, the pause panel) comes after the prompt is on screen.
 *
 * The journal's first screen is held to what the whole page once was (45 KB); its other sections,
 * the Privacy section and the unlock form load their code when first opened, so the page in all
 * may be larger: the journal lock (WebCrypto glue, its screens and strings in two languages) added
 * about 15 KB there, none of it to the first screen. The background carries the lock's two
 * listeners (lock when the screen locks, and after the time without use) and nothing of its code.
 *
 * Timing that respects the person (issue 12) grew two of them, decided before it was written:
 * the background now holds the offer's two stages (the seam listeners), quiet times, up to three
 * active ranges a day across midnight, and the offer's varied lines in two languages, so 10.5 →
 * 13 KB; the popup's pause panel (loaded after the prompt is on screen) gained the quiet-until
 * choices, so the popup in all 30 → 33 KB. Neither first paint moves.
 *
 * Looking back (issue 13) adds only code that loads after a first paint: in the popup and the pause
 * window "Last time" (one indexed read, the lock's reading keys) and the feelings row, with their
 * strings, so the popup in all 33 → 37 KB; in the journal On this day, the feelings editor,
 * the tags and "How days felt" in Insights, so the journal in all 66 → 78 KB. To keep the
 * journal's first screen at 45 KB, strings only its later sections use (Insights, Prompts, Looking
 * back) load with those sections (utils/i18n/*-journal, prompts).
 *
 * The passphrase rule (issue 19) puts a live verdict under every new passphrase, with the reasons
 * and advice in our own words in two languages (utils/i18n/strength.*.ts), in the chunk of the forms
 * that ask for one: the journal in all 78 → 80 KB (measured +1.9 KB), its first screen unchanged.
 * The estimator itself is measured apart (APART below).
 *
 * The lock's promises (issue 19) cost bytes where they must be checked: the journal's first screen
 * reads the lock record in its two versions and shows the lock's warning (a forged record, a
 * swapped key) before any note, so 45 → 47 KB (measured 46.5); the journal in all gains asking
 * again for the passphrase, replacing the key and the flags on notes the lock does not trust,
 * 80 → 87 KB (measured 86.2); the popup in all gains the bound, padded and authenticated record
 * format its save and "Last time" use, 37 → 39 KB (measured 38.4). The popup's and the pause
 * window's first paints do not move. This was measured after the work, not decided before it:
 * issue 22 (a popup that paints like a static page) is where these budgets are met again.
 *
 * Forgetting what was written before the lock (issue 19, last part) moves drafts out of
 * localStorage into a database of their own, sealed under the lock, with a copy of each keystroke
 * in storage.session: the popup in all gains that store, its sealing and the first run's offer of
 * the lock, 39 → 42 KB (measured 41.7); its first paint gains the notice of a draft kept locked and
 * the memory copy, 18.5 → 18.75 KB (measured 18.7); the journal in all gains rewriting its database
 * and the drafts' at lock-on, 87 → 89.5 KB (measured 89.0). Measured after the work, as above.
 * The pace of issue 23 adds its calm line and "Return to the set pace" to the pause panel, after
 * the first paint: the popup in all 42 → 42.5 KB (measured 42.2 with both).
 *
 * Automatic backups (issue 20) are written by the background itself: in Chromium its service
 * worker runs on a thread of its own, so reading, checking and serializing 50,000 notes keeps no
 * page waiting (an offscreen document, or a page, would share the journal's main thread). So the
 * background now carries what makes a backup file: the database's connection and readers, the
 * lock's sealing for a locked file, the file's model, and the download's bookkeeping. A service
 * worker cannot load code later (no import()), so all of it counts: 13 → 20.5 KB (measured 20.0
 * with the rest of its part), decided after measuring where the work could run. The pages gain
 * only parts that load after a first paint: the Backup section's "Back up automatically" with its
 * words in two languages, so the journal in all 89.5 → 93.5 KB (measured 93.0); the popup's notice
 * of a failed backup or the suggestion to turn them on, with the same words and the state's
 * model, so the popup in all 42.5 → 46 KB (measured 45.2 before the pace line, which adds 0.3). No first paint's budget moves (the
 * popup's first paint measured 18.71 KB, the pause window's 18.98 KB).
 *
 * Sync (issue 21) runs in the background, which cannot load code later: the WebDAV client, the
 * server files' format (gzip and AES-GCM through the platform), the three-way merge, the state of
 * what was agreed, and the run itself: 20.5 → 28.5 KB (measured 28.3). The Sync section carries
 * the same and setting up (the key made or opened, the first sync's preview) with its words in two
 * languages, loaded when the section is opened: the journal in all 93.5 → 111.5 KB (measured
 * 111.2). The journal's first screen gains a conflict copy's mark in two languages and the save's
 * "sync soon": 47 → 47.75 KB (measured 47.7). The popup gains the notice of a failed sync, after its
 * first paint, its words loaded only when there is one: in all 46 → 48.25 KB (measured 48.0); its
 * first paint is unchanged.
 *
 * Search inside half a frame (issue 22) needs a word index (utils/search/word-index.ts): the
 * journal's distinct tokens with their notes, found in one string of all tokens, joined, kept
 * newest first without re-sorting. Its code is loaded with the index, after the first screen
 * (measured 46.9 KB, unchanged budget), so only the journal in all grows: 93.5 → 95.5 KB (measured
 * 94.8); with sync's section as well, 113.5 KB (measured 113.0 with both).
 *
 * Re-based on what a person feels (issue 22, the static first paint). The popup and the pause window
 * now paint from markup the build rendered from their own components (utils/first-paint/shell.ts);
 * what loads before that paint is one small classic script that chooses the prompt and language and
 * copies the markup: no Preact, no strings, no polyfill. That is the budget that matters, so it is
 * tight: 6.5 KB (measured 4.0; it was 18.7 KB of app before). The app loads after the first frame,
 * and anything it loads later loads later still, so the rest only needs a sane ceiling rather than
 * a count of bytes that forced the code into workarounds: 64 KB each in all (popup measured 55.2,
 * pause 44.1; they grew 4 KB because the first script carries its own copy of the prompt library
 * and the picking, which the app loads again as modules). The journal's first screen is still
 * app-rendered and keeps its budget, 47.75 → 48.5 KB (measured 48.3, then 48.5 with On this day's
 * reads started from the first render): the prompt library it shares with the quick pages now sits
 * in one chunk with the loader's helper; the journal in all 113.5 → 128 KB, a ceiling (measured
 * 115.2 with the search index's reading worker).
 *
 * The journal's first screen 48.5 → 48.75 KB (measured 48.6; 48.7 with the search index's two
 * readers under the lock): the quick pages now begin "Last
 * time"'s read beside their app (utils/first-paint/app.ts), which moved utils/db/changes into a
 * chunk of its own; the journal pays one more chunk's wrapper, 0.1 KB, for "Last time" within
 * 100 ms of the popup's first paint.
 *
 * The quick pages' takeover in four chunks instead of about twenty (scripts/chunks.ts): what it
 * shares with the journal's first screen is one chunk there too, and that screen measured 48.6 →
 * 45.7 KB (fewer chunks, fewer wrappers and exports between them); the popup in all 55.8 → 50.6,
 * the pause window 44.7 → 39.8. The budgets stay: the room is for the journal's first screen.
 */
export const BUDGETS = {
  'popup JS, first paint': 6.5,
  'popup JS': 64,
  'pause JS, first paint': 6.5,
  'pause JS': 64,
  'journal JS, first paint': 48.75,
  'journal JS': 128,
  'background JS': 28.5,
  'passphrase strength JS': 1060,
};

/**
 * Chunks measured on their own rather than in the pages that import() them: what a page loads only
 * for one rare step, and which would otherwise drown its budget.
 *
 * The passphrase strength estimator (issue 19, utils/lock/strength.ts) is zxcvbn-ts with the word
 * lists an attacker tries first: common passwords and keyboard patterns, and the common words,
 * Wikipedia words and names of English and Dutch, about 1,040 KB gzip, nearly all of it the lists.
 * It is loaded only by a form that asks for a new passphrase (turning the lock on, changing the
 * passphrase, a new one after the recovery key), from the extension's own files, never over a
 * network; what a person feels is a moment of parsing, once, while the form is on screen. The
 * lists are kept whole on purpose: a word left off a list is estimated as random letters, so a
 * lone rare surname or a long Dutch word would pass as strong. It adds about 1 MB to the package.
 */
const APART = { 'passphrase strength JS': /^chunks\/strength-[\w-]+\.js$/ };
const isApart = (/** @type {string} */ file) => Object.values(APART).some((pattern) => pattern.test(file));

const PAGES = { popup: 'popup.html', pause: 'pause.html', journal: 'options.html', print: 'print.html' };

/**
 * Every file a module loads, itself included, following `import` statements between chunks; with
 * `lazy`, also the chunks it imports later with `import()` (loaded on first save, after first paint).
 * @param {string} dir
 * @param {string} file
 * @param {boolean} lazy
 * @param {Set<string>} seen
 * @returns {Promise<Set<string>>}
 */
async function closure(dir, file, lazy, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = await readFile(join(dir, file), 'utf8');
  const pattern = lazy
    ? /(?:(?:import|export)\s*(?:[^'"`()]*?from\s*)?|import\(\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g
    : /(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
  for (const match of code.matchAll(pattern)) {
    const target = join(dirname(file), match[1] ?? '').replace(/^\/+/, '');
    // A chunk measured apart is left out only where a page import()s it; imported statically, it counts.
    if (match[0].includes('import(') && isApart(target)) continue;
    await closure(dir, target, lazy, seen);
  }
  return seen;
}

/**
 * @param {string} dir
 * @param {Iterable<string>} files
 */
async function measure(dir, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** @typedef {{ raw: number, gzip: number, budget?: number }} Size */

/**
 * Raw and gzip bytes of each entry's JavaScript and CSS, and of the background.
 * @returns {Promise<Record<string, Size>>}
 */
export async function entrySizes(dir = EXTENSION_DIR) {
  /** @type {Record<string, Size>} */
  const sizes = {};
  /** @type {Record<string, number>} */
  const budgets = BUDGETS;
  for (const [name, page] of Object.entries(PAGES)) {
    const html = await readFile(join(dir, page), 'utf8');
    // A quick page's module is named on its first script, which adds it after the first frame (data-app).
    const refs = [...html.matchAll(/(?:src|href|data-app)="\/([^"]+)\.(js|css)"/g)].map(([, file, kind]) => `${file}.${kind}`);
    // Before the first paint: on a page painted by its first script (a quick page with its shell,
    // utils/first-paint/shell.ts), that script, classic, and what it imports; its module waits for
    // the first frame (utils/first-paint/app.ts). On a page its app paints, the app's modules.
    const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="\/([^"]+\.js)"([^>]*)>/g)].map(([, before, file, after]) => ({
      file: file ?? '',
      blocking: !/type="module"/.test(`${before}${after}`) || /blocking="render"/.test(`${before}${after}`),
    }));
    /** @type {Set<string>} */
    const js = new Set();
    /** @type {Set<string>} */
    const firstPaint = new Set();
    for (const file of refs.filter((ref) => ref.endsWith('.js'))) await closure(dir, file, true, js);
    const painting = scripts.some(({ blocking }) => blocking) ? scripts.filter(({ blocking }) => blocking) : scripts;
    for (const { file } of painting) await closure(dir, file, false, firstPaint);
    const css = refs.filter((file) => file.endsWith('.css'));
    sizes[`${name} JS`] = { ...(await measure(dir, [...js])), budget: budgets[`${name} JS`] };
    sizes[`${name} JS, first paint`] = { ...(await measure(dir, [...firstPaint])), budget: budgets[`${name} JS, first paint`] };
    sizes[`${name} CSS`] = await measure(dir, css);
  }
  sizes['background JS'] = { ...(await measure(dir, [...(await closure(dir, 'background.js', true))])), budget: budgets['background JS'] };
  const chunks = await readdir(join(dir, 'chunks'));
  for (const [name, pattern] of Object.entries(APART)) {
    const files = chunks.map((chunk) => `chunks/${chunk}`).filter((file) => pattern.test(file));
    if (files.length === 0) throw new Error(`No chunk for ${name} in ${dir}: was it renamed?`);
    // Only what the chunk adds: what it imports from a page's own chunks is counted there.
    sizes[name] = { ...(await measure(dir, files)), budget: budgets[name] };
  }
  return sizes;
}

if (process.argv[1] === resolve(import.meta.filename)) {
  await stat(EXTENSION_DIR).catch(() => {
    console.error(`No build at ${EXTENSION_DIR}: run \`npm run build\` first.`);
    process.exit(1);
  });
  const sizes = await entrySizes();
  let over = 0;
  for (const [name, { raw, gzip, budget }] of Object.entries(sizes)) {
    const fits = budget === undefined || gzip <= budget * 1024;
    if (!fits) over++;
    console.log(
      `${name.padEnd(24)} ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip ${(raw / 1024).toFixed(1).padStart(7)} KB raw` +
        (budget === undefined ? '' : `   budget ${budget} KB ${fits ? 'ok' : 'EXCEEDED'}`),
    );
  }
  if (process.argv.includes('--check') && over > 0) {
    console.error(`${over} size budget(s) exceeded.`);
    process.exit(1);
  }
}
