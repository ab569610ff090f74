/**
 * Every note, batch by batch, read in a worker beside the page (notes-reader.worker.ts), under the
 * lock in two, each half of the store by id, so that reading and opening them takes nothing from
 * the page's thread; read in the page itself where no worker starts (no Worker, or one that fails
 * to load before its first batch).
 *
 * Two under the lock, because there one worker was the slowest part of building the search
 * index: per batch of 1,000 notes about 25 ms of reading the rows and 30 ms of the JavaScript
 * around opening them (checking each row, its binding, decoding; the decryption itself runs on the
 * browser's own crypto thread), against about 22 ms of indexing on the page. The page takes the
 * batches of both, one at a time.
 */
import { JournalLockedError } from '@/utils/errors';
import { readingKeys, type ReadingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { forEachNoteBatchWith, middleNoteId, type NoteRange } from './note-batches';
import type { ReaderMessage, ReaderRequest } from './notes-reader.worker';

/**
 * Calls `onBatch` with every note, `batchSize` at a time, in no order of time, waiting for each
 * call (it may return a promise) before handing over the next; `done` settles when all were. `stop`
 * ends the reading (a newer build, the page leaving, Lock now): the workers at once, and `done`
 * rejects.
 */
export function readAside(
  batchSize: number,
  onBatch: (notes: readonly Note[]) => void | Promise<void>,
): { done: Promise<void>; stop: () => void } {
  const stopping = new AbortController();
  const done = forEachNoteBatchAside(batchSize, onBatch, stopping.signal);
  return { done, stop: () => stopping.abort() };
}

async function forEachNoteBatchAside(
  batchSize: number,
  onBatch: (notes: readonly Note[]) => void | Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  if (typeof Worker === 'undefined') return forEachNoteBatchWith(readingKeys, batchSize, onBatch);
  // A worker loads its code while the keys are found and the store is cut in two.
  const workers = [startReader()];
  try {
    const keys = await readingKeys();
    // Without the lock there is nothing to open, and the page's indexing is the slower side: a
    // second worker would only take the page's other core (measured: search ready a median 0.1 s
    // later, in 4 of 5 interleaved pairs).
    if (typeof keys === 'object') workers.push(startReader());
    const middle = workers.length > 1 ? await middleNoteId(batchSize) : undefined;
    signal.throwIfAborted();
    await readHalves(workers, keys, middle, batchSize, onBatch, signal);
  } finally {
    for (const { worker } of workers) worker.terminate();
  }
}

/** A worker reading notes, and the error it gave before it was asked to read, if any. */
interface Reader {
  readonly worker: Worker;
  earlyError?: ErrorEvent;
}

function startReader(): Reader {
  const reader: Reader = { worker: new Worker(new URL('./notes-reader.worker.ts', import.meta.url), { type: 'module' }) };
  // A worker whose code fails to load says so at once, maybe before it is asked to read: kept for then.
  reader.worker.onerror = (event) => {
    event.preventDefault();
    reader.earlyError = event;
  };
  return reader;
}

/** Reads both halves of the store, or all of it in the first worker when `middle` is undefined. */
async function readHalves(
  workers: readonly Reader[],
  keys: ReadingKeys,
  middle: string | undefined,
  batchSize: number,
  onBatch: (notes: readonly Note[]) => void | Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  // The batches of both halves reach the page one at a time, in the order they came.
  let taking = Promise.resolve();
  const take = (notes: readonly Note[]) => (taking = taking.then(() => onBatch(notes)));
  const ranges: NoteRange[] = middle === undefined ? [{}] : [{ to: middle }, { from: middle }];
  // One half failing ends the other: its notes would be thrown away.
  const ending = new AbortController();
  signal.addEventListener('abort', () => ending.abort(signal.reason), { once: true });
  await Promise.all(
    ranges.map((range, i) =>
      readRangeAside(workers[i]!, range, keys, batchSize, take, ending.signal).catch((error: unknown) => {
        ending.abort(error);
        throw error;
      }),
    ),
  );
}

/** Reads `range` in `worker`, or in the page when the worker does not start. */
async function readRangeAside(
  { worker, earlyError }: Reader,
  range: NoteRange,
  keys: ReadingKeys,
  batchSize: number,
  take: (notes: readonly Note[]) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const send = (request: ReaderRequest) => worker.postMessage(request);
  let started = false;
  const inWorker = await new Promise<boolean>((resolveRead, rejectRead) => {
    if (earlyError) return resolveRead(false);
    let taken = Promise.resolve();
    signal.addEventListener('abort', () => rejectRead(signal.reason instanceof Error ? signal.reason : new Error('Stopped')), {
      once: true,
    });
    worker.onerror = (event) => {
      event.preventDefault();
      // A worker that never started (blocked, not supported) leaves the reading to the page.
      if (!started) resolveRead(false);
      else rejectRead(new Error(`Reading notes for search failed: ${event.message}`));
    };
    worker.onmessage = ({ data }: MessageEvent<ReaderMessage>) => {
      started = true;
      if ('notes' in data) {
        taken = take(data.notes).then(() => send('more'));
        taken.catch(rejectRead);
      } else if ('done' in data) taken.then(() => resolveRead(true), rejectRead);
      else rejectRead(data.locked ? new JournalLockedError() : new Error(data.failed));
    };
    send({ batchSize, keys, range });
  });
  if (!inWorker) await forEachNoteBatchWith(readingKeys, batchSize, take, range);
}
