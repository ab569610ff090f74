import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { lazyPart } from '@/components/LazyPart';
import { LockGate } from '@/components/LockGate';
import { journalMessages } from '@/utils/i18n/journal';
import { LanguageProvider } from '@/utils/i18n/context';
import { useKeepUnlocked, useLock } from '@/utils/hooks/use-lock';
import { useUiLocale } from '@/utils/hooks/use-settings';
import { logFailure } from '@/utils/log';
import { JournalSection } from './JournalSection';

// The journal is the first screen; every other section loads its code when it is first opened.
const InsightsSection = lazyPart(() => import('./InsightsSection').then((module) => module.InsightsSection));
const PromptsSection = lazyPart(() => import('./PromptsSection').then((module) => module.PromptsSection));
const BackupSection = lazyPart(() => import('./BackupSection').then((module) => module.BackupSection));
const SyncSection = lazyPart(() => import('./SyncSection').then((module) => module.SyncSection));
const PrivacySection = lazyPart(() => import('./PrivacySection').then((module) => module.PrivacySection));
const SettingsSection = lazyPart(() => import('./SettingsSection').then((module) => module.SettingsSection));

/** The page's sections, each reachable by its own address (options.html#settings). */
const SECTIONS = ['journal', 'insights', 'prompts', 'backup', 'sync', 'privacy', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

/** The sections that show the journal's contents, besides the journal itself: closed while it is locked. Settings and Privacy are not. */
const GATED: Partial<Record<Section, ComponentType>> = {
  insights: InsightsSection,
  prompts: PromptsSection,
  backup: BackupSection,
  // Setting sync up opens the key with the lock's; what runs shows nothing of the journal but counts.
  sync: SyncSection,
};

/** Where the page's address points: a section, and for the journal a prompt whose answers to show. */
interface Route {
  readonly section: Section;
  /** From options.html#journal?prompt=<id>, as the popup's "Last time" links. */
  readonly prompt?: string;
}

function routeFromHash(): Route {
  const [name = '', query = ''] = location.hash.slice(1).split('?', 2);
  const section = (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'journal';
  const prompt = name === 'journal' ? new URLSearchParams(query).get('prompt') : null;
  return prompt ? { section, prompt } : { section };
}

export function App() {
  // Follows the language setting wherever it changes: this tab, another one, an import.
  const locale = useUiLocale();
  const t = journalMessages(locale);
  const [route, setRoute] = useState(routeFromHash);
  const { section } = route;
  // One lock handle for the page: each finishes a half-done change of the lock, which must run once.
  const lock = useLock();
  const unlocked = lock.state.status === 'ready' && lock.state.value.kind === 'unlocked';
  // Any use of the page counts, the Settings and Privacy sections too.
  useKeepUnlocked(unlocked);

  useEffect(() => {
    const onHashChange = () => setRoute(routeFromHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  const names: Record<Section, string> = {
    journal: t.navJournal,
    insights: t.navInsights,
    prompts: t.navPrompts,
    backup: t.navBackup,
    sync: t.navSync,
    privacy: t.navPrivacy,
    settings: t.navSettings,
  };
  const title = names[section];
  const Gated = GATED[section];

  /** The journal shows other notes than the linked prompt's: the address no longer names it, so following the link again applies. */
  function unlinkPrompt() {
    history.replaceState(null, '', '#journal');
    setRoute({ section: 'journal' });
  }

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
          {(Gated || section === 'journal') && (
            <LockGate lock={lock}>{Gated ? <Gated /> : <JournalSection linkedPrompt={route.prompt} onUnlink={unlinkPrompt} />}</LockGate>
          )}
          {section === 'privacy' && <PrivacySection lock={lock} />}
          {section === 'settings' && <SettingsSection />}
        </main>
      </div>
    </LanguageProvider>
  );
}
