/**
 * Builds one segment of the journal's search index (segment.ts) in a worker, beside the page:
 * reading the notes of a range, under the lock opening each note's ciphertext (tens of
 * microseconds of WebCrypto and decoding a note, over a second for 50,000), making each note's
 * index row and cutting its words all happen here, and the page receives the finished segment: a
 * few typed arrays (transferred, not copied) and strings. The page hands over its keys (a worker has
 * no extension APIs to find them; CryptoKeys are structured-cloneable and stay non-extractable) and
 * ends the worker once it is done, so the keys and notes live here only while the segment is built.
 */
import { forEachNoteBatchWith, type NoteRange } from '@/utils/db/note-batches';
import { JournalLockedError } from '@/utils/errors';
import type { ReadingKeys } from '@/utils/lock/keys';
import { toIndexRow } from './search';
import { SegmentBuilder, transferablesOf, type SegmentData } from './segment';

/** What the page asks: the notes of `range`, read `batchSize` at a time. */
export interface SegmentRequest {
  readonly batchSize: number;
  readonly keys: ReadingKeys;
  readonly range: NoteRange;
}
/**
 * What the worker answers: that it started, then its segment's texts a string at a time, then the
 * rest of it (with no texts), or why it stopped. One message a string, because a message is taken
 * in whole in one task of the page: the texts of 25,000 notes (17–48 MB) in one took 20–40 ms.
 */
export type SegmentMessage =
  | { readonly started: true }
  | { readonly text: string }
  | { readonly segment: SegmentData }
  | { readonly failed: string; readonly locked: boolean };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SegmentRequest>) => void) | null;
  postMessage: (message: SegmentMessage, transfer?: Transferable[]) => void;
};

scope.onmessage = ({ data: { batchSize, keys, range } }) => {
  scope.postMessage({ started: true });
  const builder = new SegmentBuilder();
  forEachNoteBatchWith(
    () => Promise.resolve(keys),
    batchSize,
    (notes) => builder.add(notes.map(toIndexRow)),
    range,
  ).then(
    () => {
      const segment = builder.finish();
      for (const text of segment.texts) scope.postMessage({ text });
      scope.postMessage({ segment: { ...segment, texts: [] } }, transferablesOf(segment));
    },
    (error: unknown) =>
      scope.postMessage({ failed: error instanceof Error ? error.message : String(error), locked: error instanceof JournalLockedError }),
  );
};
