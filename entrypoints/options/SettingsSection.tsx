import { useEffect, useState } from 'preact/hooks';
import { SettingsForm } from '@/components/SettingsForm';
import type { Locale } from '@/utils/i18n/messages';
import type { JournalMessages } from '@/utils/i18n/journal';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { validateSettings, type Settings, type SettingsProblems } from '@/utils/model/settings';
import { describeError } from '@/utils/errors';

interface SettingsSectionProps {
  locale: Locale;
  t: JournalMessages;
  /** The language setting may have changed: the page re-renders in it. */
  onLanguageChange: () => void;
}

type SettingsState = { status: 'loading' } | { status: 'ready'; settings: Settings } | { status: 'error'; error: string };

/** Loads the settings, and stores the form's changes; the background hears of them through storage.onChanged. */
export function SettingsSection({ locale, t, onLanguageChange }: SettingsSectionProps) {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });

  useEffect(() => {
    loadSettings()
      .then((settings) => setState({ status: 'ready', settings }))
      .catch((error: unknown) => setState({ status: 'error', error: describeError(error) }));
  }, []);

  async function save(candidate: Settings): Promise<SettingsProblems> {
    const problems = validateSettings(candidate);
    if (Object.keys(problems).length > 0) return problems;
    const saved = await saveSettings(candidate);
    if (state.status === 'ready' && saved.language !== state.settings.language) onLanguageChange();
    setState({ status: 'ready', settings: saved });
    return {};
  }

  return (
    <section class="settings-section" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t.settingsTitle}</h1>
      {state.status === 'loading' && <p class="muted">{t.loading}</p>}
      {state.status === 'error' && (
        <p role="alert" class="problem">
          {t.settingsFailed(state.error)}
        </p>
      )}
      {state.status === 'ready' && <SettingsForm settings={state.settings} locale={locale} t={t} onSave={save} />}
    </section>
  );
}
