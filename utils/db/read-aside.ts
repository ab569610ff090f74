/**
 * Every note, batch by batch, read in a worker beside the page (notes-reader.worker.ts) so that
 * reading and opening them takes nothing from the page's thread; read in the page itself where no
 * worker starts (no Worker, or one that fails to load before its first batch).
 */
import { JournalLockedError } from '@/utils/errors';
import { readingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { forEachNoteBatchWith } from './note-batches';
import type { ReaderMessage, ReaderRequest } from './notes-reader.worker';

/**
 * Calls `onBatch` with every note, `batchSize` at a time, in no order of time, waiting for each
 * call (it may return a promise) before handing over the next; `done` settles when all were. `stop`
 * ends the reading (a newer build, the page leaving, Lock now): the worker at once, and `done`
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
  const keys = await readingKeys();
  signal.throwIfAborted();
  const worker = new Worker(new URL('./notes-reader.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: ReaderRequest) => worker.postMessage(request);
  let started = false;
  try {
    const inWorker = await new Promise<boolean>((resolveRead, rejectRead) => {
      let taking = Promise.resolve();
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
          taking = taking.then(() => onBatch(data.notes)).then(() => send('more'));
          taking.catch(rejectRead);
        } else if ('done' in data) taking.then(() => resolveRead(true), rejectRead);
        else rejectRead(data.locked ? new JournalLockedError() : new Error(data.failed));
      };
      send({ batchSize, keys });
    });
    if (!inWorker) await forEachNoteBatchWith(readingKeys, batchSize, onBatch);
  } finally {
    worker.terminate();
  }
}
