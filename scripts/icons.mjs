// Renders assets/icon/icon.svg to the PNG sizes the stores and browsers ask for (public/icon/N.png).
// Run after changing the SVG: node scripts/icons.mjs
import { readFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium.mjs';

const SIZES = [16, 19, 32, 38, 48, 96, 128];
const root = resolve(import.meta.dirname, '..');
const svg = await readFile(resolve(root, 'assets/icon/icon.svg'), 'utf8');
await mkdir(resolve(root, 'public/icon'), { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: resolve(root, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Icons written: ${SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
