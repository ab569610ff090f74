/**
 * A Vite plugin that writes the quick pages' shells into their HTML at build time
 * (utils/first-paint/shell.ts): each as an inert <template> after the page's #app, and at the end
 * of its head the page's first script (entrypoints/<page>-first.ts), a classic one that Vite leaves
 * alone here, deferred so that it runs once the templates are parsed, and render-blocking so that
 * nothing is painted before it has run.
 * The page's module script and the modulepreload hints Vite wrote into its head move onto that
 * script as data: it adds them after the first frame. In the head they held the first paint back
 * (measured: 1.32× a static page's with them, 1.06× without).
 */
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import type { Plugin } from 'vite';
import type { Shell } from './render';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = { 'entrypoints/popup/index.html': 'popup', 'entrypoints/pause/index.html': 'pause' } as const;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export function shells(): Plugin {
  return {
    name: 'adempauze:shells',
    // After Vite's own processing, which writes the chunks' final addresses and the hints.
    transformIndexHtml: {
      order: 'post',
      handler: async (html, { filename }) => {
        const page = Object.entries(PAGES).find(([path]) => filename.endsWith(path))?.[1];
        if (!page) return html;
        // A fresh loader per build, so a rebuild renders the components as they are now.
        const jiti = createJiti(import.meta.url, {
          moduleCache: false,
          fsCache: false,
          jsx: { runtime: 'automatic', importSource: 'preact' },
          alias: {
            '@': root,
            'wxt/browser': `${root}scripts/shell/browser-stub.ts`,
            '@wxt-dev/browser': `${root}scripts/shell/browser-stub.ts`,
          },
        });
        const { renderShells } = await jiti.import<{ renderShells: (scope: string) => Promise<Shell[]> }>(
          `${root}scripts/shell/render.tsx`,
        );
        const templates = (await renderShells(page))
          .map(
            ({ id, title, html: markup }) =>
              `<template id="${id}"${title ? ` data-title="${escapeAttribute(title)}"` : ''}>${markup}</template>`,
          )
          .join('\n');
        if (!html.includes('<div id="app"></div>')) throw new Error(`${filename} has no empty #app for its shells`);
        const app = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!app) throw new Error(`${filename} has no module script to load after the first frame`);
        const hints = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
        let moved = html.replace(app[0], '');
        for (const [tag] of hints) moved = moved.replace(tag, '');
        const first = `<script defer blocking="render" src="/${page}-first.js" data-app="${app[1]}" data-preload="${hints.map(([, href]) => href).join(' ')}"></script>`;
        if (!moved.includes('</head>')) throw new Error(`${filename} has no head for its first script`);
        return moved.replace('</head>', `  ${first}\n  </head>`).replace('<div id="app"></div>', `<div id="app"></div>\n${templates}`);
      },
    },
  };
}

/**
 * The quick pages' first scripts are built as in production in every mode: WXT wraps an unlisted
 * script with a crash logger that it turns on outside mode "production", which would make the
 * test build's first scripts differ from the shipped ones (tests/firefox/test-build.test.ts).
 * Nothing else in them reads the mode.
 */
export function firstScriptsAsProduction(): Plugin {
  return {
    name: 'adempauze:first-scripts-as-production',
    config(config) {
      const input = JSON.stringify([config.build?.rollupOptions?.input, config.build?.lib && config.build.lib.entry]);
      if (!/-first\.ts/.test(input)) return undefined;
      return { define: { 'import.meta.env.MODE': JSON.stringify('production') } };
    },
  };
}
