/**
 * What a quick page (the popup, the pause window) knows before its first paint, decided
 * synchronously from the page's own storage: its language and the prompt it opens on. After the
 * first paint it reads the prompt list, which "Another" then chooses from.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Locale } from '@/utils/i18n/locale';
import { messages, type Messages } from '@/utils/i18n/messages';
import { logFailure } from '@/utils/log';
import { openingPick, refreshLibraryMirror } from '@/utils/prompts/library';
import type { Pick, RoundScope } from '@/utils/prompts/pick';
import { uiLocale } from '@/utils/storage/language';

export interface FirstPaint {
  readonly locale: Locale;
  readonly t: Messages;
  /** The prompt to open on; undefined when every prompt is hidden and there are none of one's own. */
  readonly opening: Pick | undefined;
}

/**
 * The page's language and opening prompt, read once. The language is not followed live here:
 * useUiLocale would, but its settings code (valibot) is too large for these first paints.
 * `title`, when given, becomes the document's title.
 */
export function useFirstPaint(scope: RoundScope, title?: (t: Messages) => string): FirstPaint {
  const [locale] = useState(uiLocale);
  const t = messages(locale);
  const [opening, setOpening] = useState(() => openingPick(scope, Math.random, Date.now()));
  const pageTitle = title?.(t);

  useEffect(() => {
    // The person's own prompts are known only once read (they are never in localStorage,
    // utils/prompts/library.ts): a page that had nothing to offer on its first paint looks again.
    refreshLibraryMirror()
      .then(() => setOpening((first) => first ?? openingPick(scope, Math.random, Date.now())))
      .catch(logFailure('prompt list not refreshed'));
  }, [scope]);

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    if (pageTitle !== undefined) document.title = pageTitle;
  }, [locale, pageTitle]);

  return { locale, t, opening };
}
