import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { journalMessages } from '@/utils/i18n/journal';
import { uiLocale } from '@/utils/storage/settings';
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
  const [locale, setLocale] = useState(uiLocale);
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
  }, [locale, title]);

  return (
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
        {section === 'journal' && <JournalSection locale={locale} t={t} />}
        {section === 'insights' && <InsightsSection locale={locale} t={t} />}
        {section === 'prompts' && <PromptsSection locale={locale} t={t} />}
        {section === 'backup' && <BackupSection locale={locale} t={t} onImported={() => setLocale(uiLocale())} />}
        {section === 'settings' && <SettingsSection locale={locale} t={t} onLanguageChange={() => setLocale(uiLocale())} />}
      </main>
    </div>
  );
}
