/**
 * Reads every note for the journal's search index in a worker, beside the page: the rows'
 * structured clones and, under the lock, opening each note's ciphertext (tens of microseconds of
 * WebCrypto and decoding a note, over a second for 50,000) no longer take the page's thread, which
 * is left only to index what arrives. The page hands over its keys (a worker has no extension APIs
 * to find them; CryptoKeys are structured-cloneable and stay non-extractable) and ends the worker
 * once it is done, so the keys and notes live here only while the index is built.
 */
import { JournalLockedError } from '@/utils/errors';
import type { ReadingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { forEachNoteBatchWith, type NoteRange } from './note-batches';

/** What the page asks: to start, then `more` for each batch it has taken in. */
export type ReaderRequest = { readonly batchSize: number; readonly keys: ReadingKeys; readonly range: NoteRange } | 'more';
/** What the worker answers: a batch, the end, or why it stopped. */
export type ReaderMessage =
  { readonly notes: readonly Note[] } | { readonly done: true } | { readonly failed: string; readonly locked: boolean };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage: (message: ReaderMessage) => void;
};

/** Batches sent ahead of the page: two, so one is on its way while the page indexes the other, and no more pile up in memory. */
let credits = 2;
let wake: (() => void) | undefined;

scope.onmessage = ({ data }) => {
  if (data === 'more') {
    credits++;
    wake?.();
    wake = undefined;
    return;
  }
  const { batchSize, keys, range } = data;
  forEachNoteBatchWith(
    () => Promise.resolve(keys),
    batchSize,
    async (notes) => {
      while (credits === 0) await new Promise<void>((resolveCredit) => (wake = resolveCredit));
      credits--;
      scope.postMessage({ notes });
    },
    range,
  ).then(
    () => scope.postMessage({ done: true }),
    (error: unknown) =>
      scope.postMessage({ failed: error instanceof Error ? error.message : String(error), locked: error instanceof JournalLockedError }),
  );
};
