/**
 * The quick pages' first paint without their app (issue 22): the page's HTML carries its markup,
 * rendered at build time from the app's own components in each language and form
 * (scripts/shell/render.tsx), inside inert <template>s, so nothing shows until this, the page's
 * first and only script before the first paint, has chosen one. It decides the opening
 * (opening.ts), copies that template into the page, puts the prompt in it, and loads the app
 * after the first frame; the app then takes the same elements over (takeover.ts).
 *
 * Chromium holds the first frame for this script (blocking="render"); Firefox may paint before it
 * runs, but then it paints an empty page, never a shell in the wrong language or without its prompt.
 *
 * Kept small (scripts/sizes.mjs, "first paint"): no Preact, no string tables, no polyfill.
 */
import type { Prompt } from '@/content/prompts';
import type { RoundScope } from '@/utils/prompts/pick';
import { saveShortcut } from '@/utils/save-shortcut';
import { opening, type Opening } from './opening';

/** Which of a page's forms its first frame shows, and so which template: a prompt, or the breaths before one. */
export type ShellForm = Prompt['kind'] | 'breathing';

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
 * Paints the page's shell and loads `app` after the first frame. `form` says which form the app
 * will open in for this opening (undefined: none of the templates, the app paints alone).
 */
export async function paintShell(
  scope: RoundScope,
  form: (opened: Opening) => ShellForm | undefined,
  app: () => Promise<unknown>,
): Promise<void> {
  const opened = opening(scope);
  const { locale, pick } = opened;
  const root = document.getElementById('app');
  const shown = form(opened);
  const template = shown && document.getElementById(shellId(scope, locale, shown));
  document.documentElement.lang = locale;
  if (root && pick && template instanceof HTMLTemplateElement) {
    const copy = template.content.cloneNode(true) as DocumentFragment;
    fillPrompt(copy, pick.prompt, locale);
    if (template.dataset.title) document.title = template.dataset.title;
    // The draft of a prompt someone was answering is read before its field is shown: a field that
    // fills a moment after the first paint would look like a lost answer. Only then does this
    // script load the drafts' code (and the polyfill with it).
    if (opened.resuming) {
      const { restoreDrafts, readDraft } = await import('@/utils/storage/drafts');
      // A failed read leaves the field empty here; the app reads again on taking over, and says so.
      await restoreDrafts().catch(() => undefined);
      const field = copy.querySelector('textarea');
      if (field) field.value = readDraft(pick.prompt.id)?.text ?? '';
    }
    root.append(copy);
    // When the page had its words: a first paint before this would have been without them (the bench and tests/firefox read it).
    performance.mark('adempauze:shell');
  }
  // After the frame that shows the shell: requestAnimationFrame runs before it is painted, the
  // timer's task after.
  requestAnimationFrame(() => setTimeout(() => void app()));
}
