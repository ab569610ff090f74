/**
 * The settings in browser.storage.sync, so they follow the person across browsers. Every read and
 * write also refreshes the page's copy of the language choice (utils/storage/language.ts).
 */
import { browser } from 'wxt/browser';
import { parseSettings, validateSettings, type Settings } from '@/utils/model/settings';
import { mirrorLanguage } from '@/utils/storage/language';

const STORAGE_KEY = 'settings';

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
