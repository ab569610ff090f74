import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { quickPageChunks } from './scripts/chunks';
import { firstScriptsAsProduction, shells } from './scripts/shell/plugin';

// See https://wxt.dev/api/config.html
/** Where sync may be granted to go: any HTTPS server, or one on this machine. */
const SYNC_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
/** The tests' WebDAV server (tests/support/webdav-server.ts), granted in the test builds. */
const TEST_SERVER = ['http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its module.
  imports: false,
  vite: () => ({
    plugins: [preact(), shells(), firstScriptsAsProduction(), quickPageChunks()],
    build: {
      // Vite's modulepreload polyfill uses fetch(); extension pages need no polyfill and the
      // production CSP forbids every connection.
      modulePreload: { polyfill: false },
    },
  }),
  zip: {
    // The sources package AMO asks for holds what a reviewer needs to rebuild the Firefox package
    // (README, "For store reviewers") and nothing more: no tests, docs, screenshots or local output.
    includeSources: [
      'README.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      // The build's own plugins (wxt.config.ts imports them): the quick pages' shells and chunks.
      'scripts/chunks.ts',
      'scripts/shell/**',
      'assets/**',
      'components/**',
      'content/**',
      'entrypoints/**',
      'public/**',
      'utils/**',
    ],
  },
  // Headless machines have no display for web-ext to open; `npm start` launches Chromium itself.
  webExt: { disabled: true },
  hooks: {
    // WXT takes the toolbar tooltip from popup.html's <title>, which cannot be localised there.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = (manifest.action ?? manifest.browser_action) as { default_title?: string } | undefined;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ command, browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the next pause; idle: never offer while the person is away or the screen is locked;
    // notifications: the gentle offer; storage: settings, drafts and the schedule;
    // unlimitedStorage: years of journal notes in IndexedDB must never be evicted.
    // The Chromium e2e build (`--mode e2e`, its own folder) holds `downloads` as granted: no
    // automation can answer the browser's permission prompt. Every other build asks for it.
    permissions: [
      'alarms',
      'idle',
      'notifications',
      'storage',
      'unlimitedStorage',
      ...(mode === 'e2e' && browser !== 'firefox' ? ['downloads'] : []),
      ...(mode === 'e2e' && browser === 'firefox' ? TEST_SERVER : []),
    ],
    // Automatic backups (utils/backup/permissions.ts), asked for when the person turns them on, never
    // at install: downloads, to write into Downloads/Adempauze/ without a dialog; in Chromium also
    // offscreen, a hidden page that gives the file a URL (its service worker cannot). Offscreen
    // shows no prompt of its own.
    optional_permissions: [
      ...(browser === 'firefox' ? ['downloads'] : mode === 'e2e' ? ['offscreen'] : ['downloads', 'offscreen']),
      // Firefox (Manifest V2) asks for hosts among its optional permissions.
      ...(browser === 'firefox' ? SYNC_HOSTS : []),
    ],
    // Sync (utils/sync/connect.ts) asks for the one origin of the person's WebDAV server when they
    // press Connect, never at install; nothing else is ever reached. The test builds hold the
    // loopback as granted, where the tests' own server listens: no automation answers the prompt.
    ...(browser !== 'firefox' ? { optional_host_permissions: SYNC_HOSTS } : {}),
    ...(mode === 'e2e' ? (browser === 'firefox' ? {} : { host_permissions: TEST_SERVER }) : {}),
    // Firefox keys storage to the add-on id, so it must be fixed rather than generated per install.
    // AMO asks every new add-on to declare what it collects: nothing. Firefox understands that
    // declaration from 140 (Android 142), so older versions are not offered the add-on.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'adempauze@adempauze.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // Private by construction: extension pages may open no connection but sync's, over HTTPS (or to
    // this machine itself), and only to the origin the person granted (host permissions; the CSP
    // cannot name an origin chosen at run time). With sync off no request is made at all. The dev
    // server needs connections, so every build but `wxt` (serve) carries this policy, test builds too.
    ...(command === 'build'
      ? {
          content_security_policy: {
            extension_pages:
              "default-src 'self'; script-src 'self'; object-src 'none'; connect-src https: http://127.0.0.1:* http://localhost:*; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          },
        }
      : {}),
  }),
});
