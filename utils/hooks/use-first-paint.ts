/**
 * What a quick page (the popup, the pause window) shows first: its language and the prompt it
 * opens on, decided by its first script before the first paint (utils/first-paint/opening.ts).
 * After that it reads the prompt list, which "Another" then chooses from.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Opening } from '@/utils/first-paint/opening';
import type { Locale } from '@/utils/i18n/locale';
import { messages, type Messages } from '@/utils/i18n/messages';
import { logFailure } from '@/utils/log';
import { openingPick, refreshLibraryMirror } from '@/utils/prompts/library';
import type { Pick, RoundScope } from '@/utils/prompts/pick';

export interface FirstPaint {
  readonly locale: Locale;
  readonly t: Messages;
  /** The prompt to open on; undefined when every prompt is hidden and there are none of one's own. */
  readonly opening: Pick | undefined;
}

/**
 * The page's language and opening prompt. The language is not followed live here: useUiLocale
 * would, but the page's words were chosen before its first paint. `title`, when given, becomes
 * the document's title.
 */
export function useFirstPaint(scope: RoundScope, opened: Opening, title?: (t: Messages) => string): FirstPaint {
  const { locale } = opened;
  const t = messages(locale);
  const [opening, setOpening] = useState(opened.pick);
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
