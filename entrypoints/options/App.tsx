import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { journalMessages } from '@/utils/i18n/journal';
import { LanguageProvider } from '@/utils/i18n/context';
import { useUiLocale } from '@/utils/hooks/use-settings';
import { BackupSection } from './BackupSection';
import { InsightsSection } from './InsightsSection';
import { JournalSection } from './JournalSection';
import { PromptsSection } from './PromptsSection';
import { SettingsSection } from './SettingsSection';

/** The page's sections, each reachable by its own address (options.html#settings). */
const SECTIONS = ['journal', 'insights', 'prompts', 'backup', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

function sectionFromHash(): Section {
  const hash = location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'journal';
}

export function App() {
  // Follows the language setting wherever it changes: this tab, another one, an import.
  const locale = useUiLocale();
  const t = journalMessages(locale);
  const [section, setSection] = useState(sectionFromHash);

  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  const names: Record<Section, string> = {
    journal: t.navJournal,
    insights: t.navInsights,
    prompts: t.navPrompts,
    backup: t.navBackup,
    settings: t.navSettings,
  };
  const title = names[section];
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${title} · ${t.appName}`;
  }, [locale, title, t.appName]);

  return (
    <LanguageProvider locale={locale} t={t} journal={t}>
      <div class="options">
        <header class="options-header">
          <p class="brand-name">{t.appName}</p>
          <nav aria-label={t.sectionsLabel}>
            <ul class="tabs">
              {SECTIONS.map((id) => (
                <li key={id}>
                  <a href={`#${id}`} aria-current={section === id ? 'page' : undefined}>
                    {names[id]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main class="options-main">
          {section === 'journal' && <JournalSection />}
          {section === 'insights' && <InsightsSection />}
          {section === 'prompts' && <PromptsSection />}
          {section === 'backup' && <BackupSection />}
          {section === 'settings' && <SettingsSection />}
        </main>
      </div>
    </LanguageProvider>
  );
}
