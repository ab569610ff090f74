// Checks the store packages in .output before anyone uploads them (the last step of `npm run zip`):
// the Chrome and Firefox packages hold a manifest and every file it and their pages name, carry the
// production policy and no test-only code; the sources package holds nothing private or local and
// rebuilds, as the README's "For store reviewers" says, into exactly the Firefox package.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readZip } from './read-zip.mjs';
import { filesWithTestOnlyCode } from './test-only-code.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, '.output');
const GECKO_ID = 'adempauze@adempauze.app';
/** Folders a reviewer needs besides the top-level files; each must hold files. */
const SOURCE_FOLDERS = ['assets', 'components', 'content', 'entrypoints', 'public', 'utils', 'scripts/shell'];
const SOURCE_FILES = ['README.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'scripts/chunks.ts'];
/** Local, generated or not needed to build: never in the sources package. */
const NOT_SOURCES = /^(?:node_modules|test-results|playwright-report|tests|docs|bench)\/|(?:^|\/)\./;
/**
 * The sources are about 1.4 MB unpacked (package-lock.json 0.3 MB, the README 0.13 MB, the code the
 * rest); several megabytes would mean something slipped in.
 */
const MAX_SOURCES_BYTES = 2 * 1024 * 1024;

/**
 * The parts of a built manifest these checks read.
 * @typedef {{
 *   manifest_version?: number,
 *   version?: string,
 *   default_locale?: string,
 *   icons?: Record<string, string>,
 *   background?: { service_worker?: string, scripts?: string[] },
 *   action?: { default_popup?: string },
 *   browser_action?: { default_popup?: string },
 *   options_ui?: { page?: string },
 *   content_security_policy?: string | { extension_pages?: string },
 *   browser_specific_settings?: { gecko?: { id?: string, data_collection_permissions?: unknown } },
 * }} Manifest
 */

/**
 * The files a manifest names: background, popup, options page, icons, default locale.
 * @param {Manifest} manifest
 * @returns {string[]}
 */
function manifestFiles(manifest) {
  const action = manifest.action ?? manifest.browser_action ?? {};
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    action.default_popup,
    manifest.options_ui?.page,
    ...Object.values(manifest.icons ?? {}),
    manifest.default_locale && `_locales/${manifest.default_locale}/messages.json`,
  ];
  return named.flatMap((file) => (file ? [file] : []));
}

/**
 * The files an extension page loads (`src` and `href` inside the package).
 * @param {string} page
 * @param {Buffer} html
 * @returns {string[]}
 */
function pageFiles(page, html) {
  return [...`${html}`.matchAll(/\b(?:src|href)="([^"#?:]+)"/g)].map(([, url = '']) =>
    url.startsWith('/') ? url.slice(1) : posix.join(posix.dirname(page), url),
  );
}

/**
 * What is wrong with the extension package at `path`, built for `browser`.
 * @param {string} path
 * @param {'chrome' | 'firefox'} browser
 * @param {string} version
 * @returns {Promise<{ problems: string[], files: Map<string, Buffer> }>}
 */
async function checkExtension(path, browser, version) {
  const files = await readZip(path);
  const manifestJson = files.get('manifest.json');
  if (!manifestJson) return { problems: ['no manifest.json'], files };
  /** @type {Manifest} */
  const manifest = JSON.parse(`${manifestJson}`);
  const problems = [];
  if (manifest.version !== version) problems.push(`version ${manifest.version}, package.json says ${version}`);
  const policy = manifest.content_security_policy;
  const csp = typeof policy === 'string' ? policy : policy?.extension_pages;
  // Connections only over HTTPS or to this machine (sync, to the one origin the person granted).
  if (!csp?.includes('connect-src https: http://127.0.0.1:* http://localhost:*;')) problems.push('no production CSP');
  if (browser === 'chrome' && manifest.manifest_version !== 3) problems.push('not Manifest V3');
  if (browser === 'firefox') {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (manifest.manifest_version !== 2) problems.push('not Manifest V2');
    if (gecko?.id !== GECKO_ID) problems.push(`add-on id ${gecko?.id}, expected ${GECKO_ID}`);
    if (!isDeepStrictEqual(gecko?.data_collection_permissions, { required: ['none'] })) {
      problems.push('does not declare that it collects no data');
    }
  }
  const pages = [...files.keys()].filter((name) => name.endsWith('.html'));
  const named = [...manifestFiles(manifest), ...pages.flatMap((page) => pageFiles(page, files.get(page) ?? Buffer.alloc(0)))];
  for (const name of new Set(named)) if (!files.has(name)) problems.push(`names ${name}, which it lacks`);
  for (const name of filesWithTestOnlyCode(files)) problems.push(`${name} carries test-only code`);
  return { problems, files };
}

/**
 * What is wrong with the sources package at `path`.
 * @param {string} path
 * @returns {Promise<{ problems: string[], files: Map<string, Buffer> }>}
 */
async function checkSources(path) {
  const files = await readZip(path);
  const names = [...files.keys()];
  const problems = [
    ...SOURCE_FILES.filter((name) => !files.has(name)).map((name) => `lacks ${name}`),
    ...SOURCE_FOLDERS.filter((folder) => !names.some((name) => name.startsWith(`${folder}/`))).map((folder) => `lacks ${folder}/`),
    ...names.filter((name) => NOT_SOURCES.test(name)).map((name) => `holds ${name}, which is not a source`),
  ];
  const bytes = [...files.values()].reduce((sum, content) => sum + content.length, 0);
  if (bytes > MAX_SOURCES_BYTES) problems.push(`${Math.round(bytes / 1024)} KB, more than sources should be`);
  return { problems, files };
}

/**
 * Builds the Firefox package from `sources` alone with the README's command, as a reviewer would,
 * but with this project's installed dependencies (the machine may be offline, so no `npm ci`), and
 * lists how the result differs from `shipped`.
 * @param {Map<string, Buffer>} sources
 * @param {Map<string, Buffer>} shipped
 * @returns {Promise<string[]>}
 */
async function rebuildDifferences(sources, shipped) {
  const dir = await mkdtemp(join(tmpdir(), 'adempauze-sources-'));
  try {
    for (const [name, content] of sources) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), content);
    }
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync('npm', ['run', 'build:firefox'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (build.status !== 0) return [`does not build: ${build.stderr || build.stdout}`];
    const outDir = join(dir, '.output', 'firefox-mv2');
    /** @type {Map<string, Buffer>} */
    const built = new Map();
    for (const name of await readdir(outDir, { recursive: true })) {
      const file = join(outDir, name);
      if ((await stat(file)).isFile()) built.set(name.replaceAll('\\', '/'), await readFile(file));
    }
    return [...new Set([...built.keys(), ...shipped.keys()])].flatMap((name) => {
      const rebuilt = built.get(name);
      const submitted = shipped.get(name);
      if (!rebuilt) return [`does not rebuild ${name}`];
      if (!submitted) return [`rebuilds ${name}, which the Firefox package lacks`];
      return rebuilt.equals(submitted) ? [] : [`rebuilds ${name} differently`];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const { name, version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const zip = (/** @type {string} */ kind) => join(OUTPUT, `${name}-${version}-${kind}.zip`);

/** @type {Record<string, string[]>} */
const report = {};
/**
 * Runs one check, turning an unreadable package into a problem of that package.
 * @template {{ problems: string[] }} T
 * @param {string} label
 * @param {() => Promise<T>} check
 * @returns {Promise<T | undefined>}
 */
async function run(label, check) {
  try {
    const result = await check();
    report[label] = result.problems;
    return result;
  } catch (error) {
    report[label] = [error instanceof Error ? error.message : String(error)];
    return undefined;
  }
}

const chrome = await run('chrome', () => checkExtension(zip('chrome'), 'chrome', version));
const firefox = await run('firefox', () => checkExtension(zip('firefox'), 'firefox', version));
const sources = await run('sources', () => checkSources(zip('sources')));
// Rebuilt only from sources that passed: nothing local may be written into the build directory.
const rebuilt = sources && firefox && report.sources?.length === 0;
if (rebuilt) report.sources?.push(...(await rebuildDifferences(sources.files, firefox.files)));

for (const [kind, problems] of Object.entries(report)) {
  const files = { chrome, firefox, sources }[kind]?.files.size ?? 0;
  const file = `${name}-${version}-${kind}.zip`;
  console.log(problems.length === 0 ? `ok   ${file} (${files} files)` : `FAIL ${file}`);
  for (const problem of problems) console.log(`  - ${problem}`);
}
const failed = Object.values(report).some((problems) => problems.length > 0);
if (rebuilt && !failed) console.log('ok   the sources rebuild the Firefox package byte for byte');
process.exitCode = failed ? 1 : 0;
