/**
 * The quick pages' first paint without their app (issue 22). The page's HTML carries its markup,
 * rendered at build time from the app's own components in each language and form
 * (scripts/shell/render.tsx), inside inert <template>s, so nothing shows until the page's first
 * script has chosen one. That script (entrypoints/*-first.ts) is a classic one in the head,
 * deferred and render-blocking (`defer blocking="render"`): the parser does not wait for it, it
 * runs once the templates are parsed, and nothing is painted before it has run. One small file
 * with no module graph to fetch (measured: a module script cost the first paint 15–40 ms of
 * loading). It decides the opening (opening.ts), copies the template and puts the prompt in.
 *
 * The app loads after the first frame (app.ts) and takes the same elements over (takeover.ts).
 * Firefox ignores `blocking="render"` and may paint before the script runs, but then it paints an
 * empty page, never a shell in the wrong language or without its prompt.
 *
 * Kept small (scripts/sizes.mjs, "first paint"): no Preact, no string tables, no polyfill.
 */
import type { Prompt } from '@/content/prompts';
import type { RoundScope } from '@/utils/prompts/pick';
import { saveShortcut } from '@/utils/save-shortcut';
import { opening, type Opening } from './opening';

/** Which of a page's forms its first frame shows, and so which template: a prompt, or the breaths before one. */
export type ShellForm = Prompt['kind'] | 'breathing';

/**
 * The form each page's app opens in for an opening, as its App decides: the popup on the prompt;
 * the pause window on the breaths, or on the prompt for someone coming back to a draft of it.
 * Undefined: nothing to show (every prompt hidden), the app paints alone.
 */
export const FORM: Record<RoundScope, (opened: Opening) => ShellForm | undefined> = {
  popup: ({ pick }) => pick?.prompt.kind,
  pause: ({ pick, resuming }) => pick && (resuming ? pick.prompt.kind : 'breathing'),
};

/** The id of a page's template for a language and form: the build writes it, the first script finds it. */
export function shellId(scope: RoundScope, locale: string, form: ShellForm): string {
  return `shell-${scope}-${locale}-${form}`;
}

/** The prompt's words, as PromptView shows them, into the copied markup. */
function fillPrompt(root: ParentNode, prompt: Prompt, locale: Opening['locale']): void {
  const title = root.querySelector('.prompt-title');
  if (title) title.textContent = prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale];
  const text = root.querySelector('.prompt-text');
  if (text && prompt.kind === 'step') text.textContent = prompt.text[locale];
  // The build knows no keyboard: its markup names Ctrl+Enter, which an Apple keyboard has not.
  const hint = root.querySelector('.hint');
  if (hint) hint.textContent = (hint.textContent ?? '').replace('Ctrl+Enter', saveShortcut());
}

/**
 * Puts the page's shell for `opened` into #app, with `draft` in its answer field. Returns false
 * when there is none to show (every prompt hidden, or no template): the app then paints alone.
 */
export function appendShell(scope: RoundScope, opened: Opening, draft = ''): boolean {
  const { locale, pick } = opened;
  const root = document.getElementById('app');
  const form = FORM[scope](opened);
  const template = form && document.getElementById(shellId(scope, locale, form));
  document.documentElement.lang = locale;
  if (!root || !pick || !(template instanceof HTMLTemplateElement)) return false;
  const copy = template.content.cloneNode(true) as DocumentFragment;
  fillPrompt(copy, pick.prompt, locale);
  const field = copy.querySelector('textarea');
  if (field) field.value = draft;
  if (template.dataset.title) document.title = template.dataset.title;
  root.append(copy);
  // When the page had its words: a first paint before this would have been without them (the bench and tests/firefox read it).
  performance.mark('adempauze:shell');
  return true;
}

/**
 * The first script's work: the opening, and its shell, unless the person is coming back to a
 * draft. A field that filled a moment after the first paint would look like a lost answer, and
 * the draft's text is read through code too large for this script (app.ts paints that shell).
 * Then, after the first frame, the page's module (app.ts) and the hints for what it imports, which
 * the build moved from the head onto this script (scripts/shell/plugin.ts).
 */
export function paintShell(scope: RoundScope): void {
  const { dataset } = document.currentScript as HTMLScriptElement;
  // The shell's form has no handler until the app takes over: a Save pressed before that must not
  // submit it natively, which would reload the page with the answer in its address. The app's
  // own handler prevents it as well, so this stays harmlessly.
  document.addEventListener('submit', (event) => event.preventDefault());
  const opened = opening(scope);
  if (!opened.resuming) appendShell(scope, opened);
  // requestAnimationFrame runs before the frame that shows the shell is painted, the timer's task after.
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const href of dataset.preload?.split(' ').filter(Boolean) ?? []) {
        const hint = document.createElement('link');
        hint.rel = 'modulepreload';
        hint.href = href;
        document.head.append(hint);
      }
      const app = document.createElement('script');
      app.type = 'module';
      app.src = dataset.app ?? '';
      document.head.append(app);
    }),
  );
}
