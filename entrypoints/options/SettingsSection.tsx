import { SettingsForm } from '@/components/SettingsForm';
import { Status } from '@/components/Status';
import { describeError } from '@/utils/errors';
import { useJournalT } from '@/utils/i18n/context';
import { useSettings } from '@/utils/hooks/use-settings';
import { PageSection } from '@/components/PageSection';

/** The settings form; a change made in another tab, or by an import, shows here as it happens. */
export function SettingsSection() {
  const t = useJournalT();
  const settings = useSettings();
  return (
    <PageSection name="settings" class="settings-section" title={t.settingsTitle}>
      <Status state={settings.state} loading={t.loading} failed={(error) => t.settingsFailed(describeError(error))}>
        {(value) => <SettingsForm settings={value} onSave={settings.save} />}
      </Status>
    </PageSection>
  );
}
