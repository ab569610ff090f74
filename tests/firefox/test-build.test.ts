import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect, test } from 'vitest';
import { filesWithTestOnlyCode } from '../../scripts/test-only-code.mjs';

const OUTPUT = resolve(import.meta.dirname, '../../.output');

/** Every file of the build in `.output/<dir>`, by its path inside. */
async function readBuild(dir: string): Promise<Map<string, Buffer>> {
  const root = join(OUTPUT, dir);
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(root, { recursive: true })).sort()) {
    if ((await stat(join(root, name))).isFile()) files.set(name, await readFile(join(root, name)));
  }
  return files;
}

// What the smoke test proves holds for the package people install only if the two builds are the
// same code. `npm run test:firefox` builds the test build with NODE_ENV=production: WXT would
// otherwise take NODE_ENV from the mode, and Preact's JSX would be compiled for development.
/** The one grant the test build adds to the manifest: the loopback, where the sync tests' WebDAV server listens. */
const TEST_SERVER = 'http://127.0.0.1/*';

test('the test build is the production build but for its background, and the test server granted', async () => {
  const production = await readBuild('firefox-mv2');
  const e2e = await readBuild('firefox-mv2-e2e');
  expect([...e2e.keys()]).toEqual([...production.keys()]);
  const differing = [...e2e].filter(([name, content]) => {
    const shipped = production.get(name);
    if (!shipped) return true;
    // Only the production manifest is minified.
    if (name === 'manifest.json') {
      const tested = JSON.parse(content.toString()) as { permissions: string[] };
      expect(tested.permissions).toContain(TEST_SERVER);
      const withoutServer = { ...tested, permissions: tested.permissions.filter((permission) => permission !== TEST_SERVER) };
      return !isDeepStrictEqual(withoutServer, JSON.parse(shipped.toString()));
    }
    return !content.equals(shipped);
  });
  expect(differing.map(([name]) => name)).toEqual(['background.js']);
});

// Without a marker in the test build, the search below would pass whatever it searched.
test('the test build carries its popup tab in the background', async () => {
  expect(filesWithTestOnlyCode(await readBuild('firefox-mv2-e2e'))).toEqual(['background.js']);
});

test.each(['firefox-mv2', 'chrome-mv3'])('the production build %s carries no test-only code', async (dir) => {
  expect(filesWithTestOnlyCode(await readBuild(dir))).toEqual([]);
});
