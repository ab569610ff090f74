// `npm start`: opens Chromium with the freshly built extension, in a profile kept in
// .chromium-profile so notes survive between runs. Set CHROMIUM_PATH to use another Chromium.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, EXTENSION_DIR, extensionArgs, unpackedExtensionId } from './chromium.mjs';

const executable = chromiumPath();
if (!existsSync(executable)) {
  console.error(
    `Chromium was not found at ${executable}.\n` +
      'Install it (Debian/Ubuntu: sudo apt-get install chromium chromium-l10n) or set CHROMIUM_PATH.\n' +
      `You can also load ${EXTENSION_DIR} by hand: chrome://extensions → Developer mode → Load unpacked.`,
  );
  process.exit(1);
}

const profile = resolve(import.meta.dirname, '..', '.chromium-profile');
const journal = `chrome-extension://${unpackedExtensionId()}/options.html`;
console.log(
  `Starting ${executable} with ${EXTENSION_DIR}\nProfile: ${profile}\n` +
    'Click the Adempauze icon in the toolbar (pin it from the puzzle-piece menu) to take a pause.\n' +
    `Your journal: ${journal}`,
);
// No start URL: an extension page named on the command line opens before the extension has loaded,
// and Chromium then shows it as blocked.
const child = spawn(executable, [...extensionArgs(), `--user-data-dir=${profile}`], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
