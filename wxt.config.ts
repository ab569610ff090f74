import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its module.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: {
      // Vite's modulepreload polyfill uses fetch(); extension pages need no polyfill and the
      // production CSP forbids every connection.
      modulePreload: { polyfill: false },
    },
  }),
  // Headless machines have no display for web-ext to open; `npm start` launches Chromium itself.
  webExt: { disabled: true },
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: drafts and small device state; unlimitedStorage: years of journal notes in
    // IndexedDB must never be evicted under storage pressure.
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: '__MSG_actionTitle__' },
    // Private by construction: extension pages may not open any connection. Dev mode needs
    // the dev server, so only production builds carry the strict policy.
    ...(mode === 'production'
      ? {
          content_security_policy: {
            extension_pages:
              "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          },
        }
      : {}),
  }),
});
