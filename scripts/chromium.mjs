// How Adempauze starts Chromium with the built extension: shared by `npm start`, the e2e tests,
// the icon renderer and the screenshot scripts, so they all run the browser the same way.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The Chromium to run: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Branded Chrome 137+ ignores --load-extension. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** The built Chrome extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');
/**
 * The Chromium test build (`wxt build --mode e2e`): the same but for `downloads` granted at install,
 * since no automation can answer the browser's prompt for it (wxt.config.ts).
 */
export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3-e2e');

/**
 * Command-line flags that load the unpacked extension and keep Chromium off the network
 * (this machine has none, and a private journal needs none).
 * @param {string} extensionDir
 * @returns {string[]}
 */
export function extensionArgs(extensionDir = EXTENSION_DIR) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses its sandbox when run as root (CI containers).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of its
 * absolute path, written with the letters a–p. Known before launch, and independent of whether
 * the service worker happens to be running.
 * @param {string} extensionDir
 * @returns {string}
 */
export function unpackedExtensionId(extensionDir = EXTENSION_DIR) {
  return createHash('sha256')
    .update(resolve(extensionDir))
    .digest('hex')
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}
