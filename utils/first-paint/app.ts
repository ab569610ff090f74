/**
 * What a quick page does after its first script painted the shell (shell.ts): the shell of a
 * prompt with a draft, once its text is read, and then the app, after the first frame, so that
 * loading it never delays that paint. The pages' module script (entrypoints/{popup,pause}/first.ts).
 */
import type { RoundScope } from '@/utils/prompts/pick';
import { opening } from './opening';
import { appendShell } from './shell';

/**
 * What the app imports right after taking over: "Last time" with the feelings. Fetched beside the
 * app instead of after it, so "Last time" follows the first paint as closely as it can. (Its
 * database code too would split a chunk off the journal's first screen, scripts/sizes.mjs.)
 */
const SOON = [() => import('@/components/answer-extras')];

export async function startApp(scope: RoundScope, app: () => Promise<unknown>): Promise<void> {
  const opened = opening(scope);
  if (opened.resuming && opened.pick) {
    const { restoreDrafts, readDraft } = await import('@/utils/storage/drafts');
    // A failed read leaves the field empty here; the app reads again on taking over, and says so.
    await restoreDrafts().catch(() => undefined);
    appendShell(scope, opened, readDraft(opened.pick.prompt.id)?.text);
  }
  // After the frame that shows the shell: requestAnimationFrame runs before it is painted, the
  // timer's task after.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void app();
      // Only a head start: a load that fails here fails again in the app's own import, which says so.
      for (const load of SOON) load().catch(() => undefined);
    }),
  );
}
