/**
 * The app taking over a quick page painted by its first script (shell.ts): Preact hydrates the
 * same elements rather than replacing them, so focus, the caret and anything typed stay where
 * they are, and what was typed before the app arrived becomes the draft it goes on from.
 */
import { hydrate, render, type VNode } from 'preact';
import { readDraft, writeDraft } from '@/utils/storage/drafts';
import { logFailure } from '@/utils/log';
import type { Opening } from './opening';

/** Renders `app` into the page's #app, taking over the shell if the first script painted one. */
export function takeOver(app: VNode, { pick }: Opening): void {
  const root = document.getElementById('app')!;
  const field = root.querySelector('textarea');
  if (field && pick) {
    const typed = field.value;
    // The app's field starts from the prompt's draft: typed words become it first, or hydrating
    // would put the stored draft back over them.
    if (typed !== (readDraft(pick.prompt.id)?.text ?? ''))
      writeDraft(pick.prompt.id, typed, Date.now()).catch(logFailure('draft kept in this page only'));
  }
  if (root.firstChild) hydrate(app, root);
  else render(app, root);
  // The page is the app's from here: the tests and the bench wait for this mark.
  document.documentElement.dataset.app = 'ready';
}
