/**
 * What a quick page (the popup, the pause window) opens on, decided once per page load: its
 * language, the prompt, and whether the person is coming back to a draft of it. The page's first
 * script (shell.ts) decides it before the first paint; the app that takes the page over later asks
 * again and gets the same answer, because a pick moves the round on and must be made only once.
 */
import type { Locale } from '@/utils/i18n/locale';
import { openingPick } from '@/utils/prompts/library';
import type { Pick, RoundScope } from '@/utils/prompts/pick';
import { draftIds } from '@/utils/storage/lock-mirror';
import { uiLocale } from '@/utils/storage/language';

export interface Opening {
  readonly locale: Locale;
  /** The prompt to open on; undefined when every prompt is hidden and there are none of one's own. */
  readonly pick: Pick | undefined;
  /** The prompt has a draft: someone is coming back to an answer they began. */
  readonly resuming: boolean;
  /** When the page opened on it (epoch ms): its shell shows the prompt from then on. */
  readonly at: number;
}

/** An opening decided now: the pick moves the round on. */
export function decideOpening(scope: RoundScope): Opening {
  const at = Date.now();
  const pick = openingPick(scope, Math.random, at);
  return { locale: uiLocale(), pick, resuming: pick !== undefined && draftIds().includes(pick.prompt.id), at };
}

declare global {
  /**
   * This page's opening, shared by its first script and its app: they are built apart (the first
   * script is one classic file, utils/first-paint/shell.ts), so a module's own variable would not be.
   */
  var adempauzeOpening: Opening | undefined;
}

/** This page's opening: decided on the first call, by whichever script makes it, the same on every later one. */
export function opening(scope: RoundScope): Opening {
  globalThis.adempauzeOpening ??= decideOpening(scope);
  return globalThis.adempauzeOpening;
}
