/**
 * What a quick page does once its first script painted the shell (shell.ts) and, after the first
 * frame, added this, the page's module (entrypoints/{popup,pause}/first.ts): the shell of a prompt
 * with a draft, once its text is read, and then the app.
 */
import type { RoundScope } from '@/utils/prompts/pick';
import { opening } from './opening';
import { keepEarlyRead } from './early-last-answer';
import { appendShell, FORM } from './shell';

/**
 * Shows the shell of a prompt with a draft once its text is read, then starts the app. Beside the
 * app, "Last time" is read and the feelings' code loads; the app takes over once that code is here,
 * so its first render has the feelings, and "Last time" too when its read is in by then.
 */
export async function startApp(scope: RoundScope, app: () => Promise<{ start: () => void }>): Promise<void> {
  const opened = opening(scope);
  if (opened.resuming && opened.pick) {
    const { restoreDrafts, readDraft } = await import('@/utils/storage/drafts');
    // A failed read leaves the field empty here; the app reads again on taking over, and says so.
    await restoreDrafts().catch(() => undefined);
    appendShell(scope, opened, readDraft(opened.pick.prompt.id)?.text);
  }
  // "Last time" is read while the app loads, rather than once it has rendered; not while the pause
  // window breathes first: it is read when the prompt comes, seconds later.
  if (opened.pick && FORM[scope](opened) !== 'breathing') {
    const { id } = opened.pick.prompt;
    // A failed load of the code is the app's to report: "Last time" loads it again and says so.
    import('@/utils/db/last-answer').then(
      ({ lastAnswerBefore }) => keepEarlyRead(id, lastAnswerBefore(id, opened.at)),
      () => undefined,
    );
  }
  // A failed load of the extras is the app's to report: it loads them again and says so.
  // Both modules at once: the extras' own import of them, from PromptAnswer, then finds them loaded.
  const extras = Promise.all([import('@/components/PromptAnswer'), import('@/components/answer-extras')])
    .then(([{ loadAnswerExtras }]) => loadAnswerExtras())
    .catch(() => undefined);
  const { start } = await app();
  await extras;
  start();
}
