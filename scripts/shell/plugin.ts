/**
 * A Vite plugin that writes the quick pages' shells into their HTML at build time
 * (utils/first-paint/shell.ts): each as an inert <template> after the page's #app, and after them
 * the page's first script (entrypoints/<page>-first.ts), a classic one that Vite leaves alone here.
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
    async transformIndexHtml(html, { filename }) {
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
      const { renderShells } = await jiti.import<{ renderShells: (scope: string) => Shell[] }>(`${root}scripts/shell/render.tsx`);
      const templates = renderShells(page)
        .map(
          ({ id, title, html: markup }) =>
            `<template id="${id}"${title ? ` data-title="${escapeAttribute(title)}"` : ''}>${markup}</template>`,
        )
        .join('\n');
      if (!html.includes('<div id="app"></div>')) throw new Error(`${filename} has no empty #app for its shells`);
      return html.replace('<div id="app"></div>', `<div id="app"></div>\n${templates}\n<script src="/${page}-first.js"></script>`);
    },
  };
}
