/**
 * The settings in browser.storage.sync, so they follow the person across browsers, and the
 * language choice mirrored into the page's own storage for the first paint.
 */
import { browser } from 'wxt/browser';
import { resolveLocale, type Locale } from '@/utils/i18n/messages';
import { oneOf, parseSettings, validateSettings, LANGUAGE_SETTINGS, type LanguageSetting, type Settings } from '@/utils/model/settings';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';

const STORAGE_KEY = 'settings';
/** A synchronous copy of the language choice, so a page's first paint is already in the right language. */
const LANGUAGE_MIRROR_KEY = 'adempauze.language';

/** The stored settings, narrowed; defaults where nothing valid is stored. */
export async function loadSettings(): Promise<Settings> {
  const settings = parseSettings((await browser.storage.sync.get(STORAGE_KEY))[STORAGE_KEY]);
  mirrorLanguage(settings.language);
  return settings;
}

/**
 * Stores a change. Throws when the result would be invalid, and then stores nothing.
 * Returns the settings now in force.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next: Settings = { ...(await loadSettings()), ...patch };
  const problems = validateSettings(next);
  if (Object.keys(problems).length > 0) throw new Error(`Invalid settings: ${JSON.stringify(problems)}`);
  await browser.storage.sync.set({ [STORAGE_KEY]: next });
  mirrorLanguage(next.language);
  return next;
}

/** True when `changes` from storage.onChanged touch the settings. */
export function settingsChanged(changes: Record<string, unknown>, area: string): boolean {
  return area === 'sync' && STORAGE_KEY in changes;
}

function mirrorLanguage(language: LanguageSetting): void {
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
  const language = oneOf(stored, LANGUAGE_SETTINGS) ? stored : 'browser';
  return localeFor(language, browser.i18n.getUILanguage());
}
