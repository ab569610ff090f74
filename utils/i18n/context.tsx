/**
 * The language a page speaks, handed down once instead of as props: the page's App provides it,
 * components call `useT()` (and `useLocale()` where dates or prompt texts need the locale).
 * The journal's pages provide its larger string table, which `useJournalT()` reads.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { JournalMessages } from './journal';
import type { Locale } from './locale';
import type { Messages } from './messages';

interface Language {
  readonly locale: Locale;
  readonly t: Messages;
  /** Present on the pages that show the journal (options, print). */
  readonly journal?: JournalMessages;
}

const LanguageContext = createContext<Language | undefined>(undefined);

interface LanguageProviderProps {
  locale: Locale;
  t: Messages;
  /** The journal's strings, on the pages that show it. */
  journal?: JournalMessages;
  children: ComponentChildren;
}

export function LanguageProvider({ locale, t, journal, children }: LanguageProviderProps) {
  return <LanguageContext.Provider value={{ locale, t, journal }}>{children}</LanguageContext.Provider>;
}

function useLanguage(): Language {
  const language = useContext(LanguageContext);
  // A component rendered outside its page's provider is a programming error, found by any test.
  if (!language) throw new Error('No LanguageProvider above this component');
  return language;
}

/** The UI strings of the page's language. */
export function useT(): Messages {
  return useLanguage().t;
}

/** The journal's strings (options and print pages only). */
export function useJournalT(): JournalMessages {
  const { journal } = useLanguage();
  if (!journal) throw new Error('useJournalT outside a journal page');
  return journal;
}

/** The page's locale, for dates and the prompt library's texts. */
export function useLocale(): Locale {
  return useLanguage().locale;
}
