/**
 * What a quick page does once its first script painted the shell (shell.ts) and, after the first
 * frame, added this, the page's module (entrypoints/{popup,pause}/first.ts): the shell of a prompt
 * with a draft, once its text is read, and then the app.
 */
import type { RoundScope } from '@/utils/prompts/pick';
import { opening } from './opening';
import { appendShell } from './shell';

/**
 * Shows the shell of a prompt with a draft once its text is read, then starts the app. "Last time"
 * and the feelings load beside the app, and the app takes over once both are here, so its first
 * render has them: they follow the first paint as closely as they can.
 */
export async function startApp(scope: RoundScope, app: () => Promise<{ start: () => void }>): Promise<void> {
  const opened = opening(scope);
  if (opened.resuming && opened.pick) {
    const { restoreDrafts, readDraft } = await import('@/utils/storage/drafts');
    // A failed read leaves the field empty here; the app reads again on taking over, and says so.
    await restoreDrafts().catch(() => undefined);
    appendShell(scope, opened, readDraft(opened.pick.prompt.id)?.text);
  }
  // A failed load of the extras is the app's to report: it loads them again and says so.
  const extras = import('@/components/PromptAnswer').then(({ loadAnswerExtras }) => loadAnswerExtras()).catch(() => undefined);
  const { start } = await app();
  await extras;
  start();
}
