/**
 * The language choice, mirrored from the settings into the page's own storage, so a page's first
 * paint is already in the right language. Pages import this before their first paint, which may
 * not load valibot (scripts/sizes.mjs): it imports no model beyond the list of languages.
 */
// The browser's own object, not the polyfill (wxt/browser): the language is read in the quick pages'
// first script (utils/first-paint/shell.ts), which the polyfill would more than double, and
// i18n.getUILanguage is synchronous and the same in Chromium and Firefox.
import { browser } from '@wxt-dev/browser';
import { resolveLocale, type Locale } from '@/utils/i18n/locale';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '@/utils/model/values';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';

const LANGUAGE_MIRROR_KEY = 'adempauze.language';

/** Keeps the page's copy of the language setting (utils/storage/settings.ts calls it on every read and write). */
export function mirrorLanguage(language: LanguageSetting): void {
  // Without the copy (or in the service worker, which has none and reads the setting itself),
  // pages follow the browser's language until settings load.
  writePageJson(LANGUAGE_MIRROR_KEY, language);
}

/** The UI locale for a language setting and the browser's UI language tag. */
export function localeFor(language: LanguageSetting, browserTag: string | undefined): Locale {
  return language === 'browser' ? resolveLocale(browserTag) : language;
}

/** The UI locale, synchronously: the person's choice if made, else the browser's UI language. */
export function uiLocale(): Locale {
  const stored = readPageJson(LANGUAGE_MIRROR_KEY);
  // Hand-written: the quick pages' first script (utils/first-paint/shell.ts) carries no valibot.
  const language = LANGUAGE_SETTINGS.find((setting) => setting === stored) ?? 'browser';
  return localeFor(language, browser.i18n.getUILanguage());
}
