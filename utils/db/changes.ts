/**
 * Every open page shows the truth: after a write commits, the verb that made it announces what
 * changed, and every hook showing that data re-reads it. The signal carries ids, never note
 * text, and goes through a BroadcastChannel, which reaches every extension page and the
 * background of this browser profile; listeners in the writing page itself hear it directly,
 * because a channel does not deliver to the object that posted.
 *
 * Settings and the schedule state live in browser.storage, whose own `onChanged` is their signal.
 */
import { syncSoon } from '@/utils/sync/soon';

/**
 * What a write touched. A notes change names the notes saved (added or changed: re-read them) and
 * deleted (drop them); one that names neither means "any note" (an import).
 */
export type DataChange =
  | { readonly store: 'notes'; readonly saved?: readonly string[]; readonly deleted?: readonly string[] }
  | { readonly store: 'events' }
  | { readonly store: 'prompts' };

type Listener = (change: DataChange) => void;

const CHANNEL_NAME = 'adempauze-data';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;

function isDataChange(value: unknown): value is DataChange {
  if (typeof value !== 'object' || value === null) return false;
  const { store, saved, deleted } = value as Record<string, unknown>;
  if (store === 'events' || store === 'prompts') return true;
  const ids = (list: unknown) => list === undefined || (Array.isArray(list) && list.every((id) => typeof id === 'string'));
  return store === 'notes' && ids(saved) && ids(deleted);
}

/** The context's one channel, opened on first use (no BroadcastChannel: this context only). */
function openChannel(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

function deliver(change: DataChange): void {
  for (const listener of listeners) listener(change);
}

/** Tells every open page (and this one) that a write has committed. */
export function announceChange(change: DataChange): void {
  openChannel()?.postMessage(change);
  deliver(change);
  // Notes and prompts travel to the person's other browsers when sync is on; pause events do not.
  if (change.store !== 'events') syncSoon();
}

/** Calls `listener` for every change announced anywhere; returns the function that stops it. */
export function onDataChange(listener: Listener): () => void {
  // Only a context that listens takes messages from the others: the background, which only
  // announces, neither receives every change a page makes nor loads the check.
  const open = openChannel();
  if (open && !open.onmessage) {
    open.onmessage = (event: MessageEvent<unknown>) => {
      if (isDataChange(event.data)) deliver(event.data);
    };
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
