/**
 * What the popup says about automatic backups, under the prompt and after its first paint: a
 * failed backup, once (the toolbar mark belongs to pauses, so it is said here instead), or the
 * suggestion to turn them on, at the first run (after the lock's offer) and once at 20 notes.
 */
import type { AutoBackupFailureReason } from '@/utils/model/auto-backup';
import { endAutoBackupSuggestion, loadAutoBackup, markAutoBackupFailureShown } from '@/utils/storage/auto-backup';
import { lockOfferDue } from '@/utils/storage/lock-offer';
import { useLoadable, type Loadable } from './loadable';

/** The journal size at which automatic backups are suggested again. */
export const SUGGEST_AT_NOTES = 20;

export type AutoBackupNotice =
  | { readonly kind: 'failed'; readonly reason: AutoBackupFailureReason }
  | { readonly kind: 'suggest'; readonly atTwenty: boolean }
  | { readonly kind: 'none' };

/** The notice due now; a failure counts as shown once read. */
async function loadNotice(): Promise<AutoBackupNotice> {
  const { state } = await loadAutoBackup();
  if (state.failure && !state.failure.shown) {
    await markAutoBackupFailureShown();
    return { kind: 'failed', reason: state.failure.reason };
  }
  if (state.enabled || state.suggestion === 'done' || (await lockOfferDue())) return { kind: 'none' };
  if (state.suggestion === 'first-run') return { kind: 'suggest', atTwenty: false };
  // The database's code only when the count is needed: the popup's notices load light.
  const { countNotes } = await import('@/utils/db/notes');
  return (await countNotes()) >= SUGGEST_AT_NOTES ? { kind: 'suggest', atTwenty: true } : { kind: 'none' };
}

export function useAutoBackupNotice(): { readonly notice: Loadable<AutoBackupNotice>; readonly endSuggestion: () => Promise<void> } {
  // Read once as the popup opens: a failure shown is marked, so a re-read would hide it at once.
  const [notice] = useLoadable(loadNotice);
  return { notice, endSuggestion: endAutoBackupSuggestion };
}
