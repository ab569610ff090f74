/**
 * The quick pages' shells, rendered at build time from their apps (utils/first-paint/shell.ts):
 * the popup's and the pause window's App, given a fixed opening with an empty prompt, in each
 * language and each form their first frame can take. Loaded by plugin.ts in Node, where the
 * extension API is the stub beside this file: the first render of these pages calls none of it.
 */
import { renderToString } from 'preact-render-to-string';
import { loadAnswerExtras } from '@/components/PromptAnswer';
import type { Prompt } from '@/content/prompts';
import { App as PauseApp, pauseTitle } from '@/entrypoints/pause/App';
import { App as PopupApp } from '@/entrypoints/popup/App';
import type { Opening } from '@/utils/first-paint/opening';
import { shellId, type ShellForm } from '@/utils/first-paint/shell';
import { messages } from '@/utils/i18n/messages';
import { LOCALES } from '@/utils/model/values';
import type { RoundScope } from '@/utils/prompts/pick';

const NO_TEXT = { en: '', nl: '' } as const;
/** The prompt of each form, without words: the first script puts the chosen one's in. */
const EMPTY: Record<Prompt['kind'], Prompt> = {
  question: { id: 'shell', kind: 'question', section: 'questions', text: NO_TEXT },
  step: { id: 'shell', kind: 'step', section: 'steps', title: NO_TEXT, text: NO_TEXT },
};

export interface Shell {
  readonly id: string;
  /** The document's title in this language, for pages that set one. */
  readonly title?: string;
  readonly html: string;
}

const PAGES: Record<
  RoundScope,
  { forms: readonly ShellForm[]; render: (opened: Opening) => string; title?: (locale: Opening['locale']) => string }
> = {
  popup: { forms: ['question', 'step'], render: (opened) => renderToString(<PopupApp opening={opened} />) },
  pause: {
    forms: ['breathing', 'question', 'step'],
    render: (opened) => renderToString(<PauseApp opening={opened} />),
    title: (locale) => pauseTitle(messages(locale)),
  },
};

/**
 * Every shell of a page: one per language and form. With the parts the app loads beside itself
 * (the feelings, "Last time": utils/first-paint/app.ts), as its first render has them; "Last time"
 * shows nothing until its read is done, in the app's first render as here.
 */
export async function renderShells(scope: RoundScope): Promise<Shell[]> {
  await loadAnswerExtras();
  const page = PAGES[scope];
  return LOCALES.flatMap((locale) =>
    page.forms.map((form) => {
      const prompt = EMPTY[form === 'breathing' ? 'question' : form];
      const opened: Opening = { locale, pick: { prompt, recent: [prompt.id] }, resuming: form !== 'breathing' && scope === 'pause', at: 0 };
      return { id: shellId(scope, locale, form), title: page.title?.(locale), html: page.render(opened) };
    }),
  );
}
