import { SettingsForm } from '@/components/SettingsForm';
import { Status } from '@/components/Status';
import { describeError } from '@/utils/errors';
import { useJournalT } from '@/utils/i18n/context';
import { useSettings } from '@/utils/hooks/use-settings';

/** The settings form; a change made in another tab, or by an import, shows here as it happens. */
export function SettingsSection() {
  const t = useJournalT();
  const settings = useSettings();
  return (
    <section class="settings-section" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t.settingsTitle}</h1>
      <Status state={settings.state} loading={t.loading} failed={(error) => t.settingsFailed(describeError(error))}>
        {(value) => <SettingsForm settings={value} onSave={settings.save} />}
      </Status>
    </section>
  );
}
