import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { LockGate } from '@/components/LockGate';
import { Status } from '@/components/Status';
import { journalMessages } from '@/utils/i18n/journal';
import { LanguageProvider, useJournalT } from '@/utils/i18n/context';
import { useLoadable } from '@/utils/hooks/loadable';
import { useKeepUnlocked, useLock, type LockHandle } from '@/utils/hooks/use-lock';
import { useUiLocale } from '@/utils/hooks/use-settings';
import { logFailure } from '@/utils/log';
import { BackupSection } from './BackupSection';
import { InsightsSection } from './InsightsSection';
import { JournalSection } from './JournalSection';
import { PromptsSection } from './PromptsSection';
import { SettingsSection } from './SettingsSection';

/** The page's sections, each reachable by its own address (options.html#settings). */
const SECTIONS = ['journal', 'insights', 'prompts', 'backup', 'privacy', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections that show the journal's contents: closed while it is locked. Settings and Privacy are not. */
const GATED: Partial<Record<Section, ComponentType>> = {
  journal: JournalSection,
  insights: InsightsSection,
  prompts: PromptsSection,
  backup: BackupSection,
};

/** The Privacy section is seldom opened and this page is at its size budget: its code loads when it is. */
const loadPrivacySection = () => import('./PrivacySection');

function LazyPrivacySection({ lock }: { lock: LockHandle }) {
  const [loaded] = useLoadable(loadPrivacySection);
  const t = useJournalT();
  return (
    <Status state={loaded} failed={() => t.privacyLoadFailed}>
      {({ PrivacySection }) => <PrivacySection lock={lock} />}
    </Status>
  );
}

function sectionFromHash(): Section {
  const hash = location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'journal';
}

export function App() {
  // Follows the language setting wherever it changes: this tab, another one, an import.
  const locale = useUiLocale();
  const t = journalMessages(locale);
  const [section, setSection] = useState(sectionFromHash);
  // One lock handle for the page: each finishes a half-done change of the lock, which must run once.
  const lock = useLock();
  const unlocked = lock.state.status === 'ready' && lock.state.value.kind === 'unlocked';
  // Any use of the page counts, the Settings and Privacy sections too.
  useKeepUnlocked(unlocked);

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
    privacy: t.navPrivacy,
    settings: t.navSettings,
  };
  const title = names[section];
  const Gated = GATED[section];
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${title} · ${t.appName}`;
  }, [locale, title, t.appName]);

  return (
    <LanguageProvider locale={locale} t={t} journal={t}>
      <div class="options">
        <header class="options-header">
          <div class="options-brand">
            <p class="brand-name">{t.appName}</p>
            {unlocked && section !== 'privacy' && (
              <button
                type="button"
                class="secondary small"
                onClick={() => void lock.lockNow().catch(logFailure('the journal was not locked'))}
              >
                {t.lockNow}
              </button>
            )}
          </div>
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
          {Gated && (
            <LockGate lock={lock}>
              <Gated />
            </LockGate>
          )}
          {section === 'privacy' && <LazyPrivacySection lock={lock} />}
          {section === 'settings' && <SettingsSection />}
        </main>
      </div>
    </LanguageProvider>
  );
}
