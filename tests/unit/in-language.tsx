import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LanguageProvider } from '@/utils/i18n/context';
import { journalMessages } from '@/utils/i18n/journal';
import type { Locale } from '@/utils/i18n/locale';

/** Renders a part of the journal's page as its App would: inside the page's language. */
export function renderInJournal(ui: ComponentChildren, locale: Locale = 'en') {
  const t = journalMessages(locale);
  return render(
    <LanguageProvider locale={locale} t={t} journal={t}>
      {ui}
    </LanguageProvider>,
  );
}
