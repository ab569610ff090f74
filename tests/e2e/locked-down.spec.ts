import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { expect, test } from './fixtures';

/** Every file of the built extension with this ending, recursively. */
async function builtFiles(ending: string, dir = EXTENSION_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? builtFiles(ending, join(dir, entry.name))
        : Promise.resolve(entry.name.endsWith(ending) ? [join(dir, entry.name)] : []),
    ),
  );
  return nested.flat();
}

test.describe('private by construction', () => {
  test('asks only for the permissions it uses, and nothing on web pages', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.permissions).toEqual(['alarms', 'idle', 'notifications', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toBeUndefined();
    // Automatic backups' permissions are asked for when the person turns them on, never at install.
    expect(manifest.optional_permissions).toEqual(['downloads', 'offscreen']);
    // Sync asks for its server's one origin when the person connects, never at install.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.content_scripts).toBeUndefined();
    expect((manifest.content_security_policy as { extension_pages: string }).extension_pages).toContain(
      'connect-src https: http://127.0.0.1:* http://localhost:*;',
    );
  });

  test("the README's privacy section explains every permission the manifest asks for", async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      optional_permissions: string[];
    };
    const readme = await readFile(join(import.meta.dirname, '../../README.md'), 'utf8');
    const privacy = readme.split('\n## ').find((section) => section.startsWith('Privacy')) ?? '';
    const explained = [...privacy.matchAll(/^\| `(\w+)` \| \S.*\|$/gm)].map((row) => row[1]);
    expect(explained.sort()).toEqual([...manifest.permissions, ...manifest.optional_permissions].sort());
  });

  test("the built code has no eval, and no network call but sync's WebDAV client", async () => {
    const files = await builtFiles('.js');
    expect(files.length).toBeGreaterThan(3);
    const calling: string[] = [];
    for (const file of files) {
      const code = await readFile(file, 'utf8');
      expect(code, file).not.toMatch(/XMLHttpRequest|WebSocket|sendBeacon|EventSource|\beval\s*\(|new Function\s*\(/);
      if (/\bfetch\s*\(/.test(code)) calling.push(file);
    }
    // The callers are the copies of utils/sync/webdav.ts (it alone speaks PROPFIND): the background's, and the Sync section's chunk.
    expect(calling.length).toBeGreaterThan(0);
    for (const file of calling) expect(await readFile(file, 'utf8'), file).toContain('PROPFIND');
  });

  test('the content security policy refuses a plain-HTTP connection from an extension page', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective));
          // Built from parts so the grep above still proves the product's own code has no such call.
          const connect = (globalThis as unknown as Record<string, (url: string) => Promise<unknown>>)['fe' + 'tch'];
          void connect?.('http://example.invalid/').catch(() => undefined);
        }),
    );
    expect(violation).toBe('connect-src');
  });
});
