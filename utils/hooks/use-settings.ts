/** The person's settings as every page sees them: live across tabs and the background. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Locale } from '@/utils/i18n/locale';
import { validateSettings, type Settings, type SettingsProblems } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { localeFor, uiLocale } from '@/utils/storage/language';
import { logFailure } from '@/utils/log';
import { storageSignal, useLoadable, type Loadable } from './loadable';

/** The settings' key in storage.sync, whose onChanged is the signal that they changed. */
const SETTINGS_SIGNAL = storageSignal('sync', 'settings');

export interface SettingsHandle {
  readonly state: Loadable<Settings>;
  /** Checks and stores a change; resolves to the problems found (empty when stored). */
  readonly save: (candidate: Settings) => Promise<SettingsProblems>;
}

/** `initial`: the settings as read before the component mounted, if they were (useLoadable). */
export function useSettings(initial?: Loadable<Settings>): SettingsHandle {
  const [state, reload] = useLoadable(loadSettings, [SETTINGS_SIGNAL], initial);
  async function save(candidate: Settings): Promise<SettingsProblems> {
    const problems = validateSettings(candidate);
    if (Object.keys(problems).length > 0) return problems;
    await saveSettings(candidate);
    reload();
    return {};
  }
  return { state, save };
}

/**
 * The page's language: known synchronously for the first paint, then following the language
 * setting wherever it is changed (this tab, another, an import).
 */
export function useUiLocale(): Locale {
  const [locale, setLocale] = useState(uiLocale);
  useEffect(
    () =>
      SETTINGS_SIGNAL(() => {
        loadSettings()
          .then((settings) => setLocale(localeFor(settings.language, browser.i18n.getUILanguage())))
          .catch(logFailure('language setting not read'));
      }),
    [],
  );
  return locale;
}
