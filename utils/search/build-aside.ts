/**
 * The search index's segments, built beside the page: the store cut in two halves by id, each
 * read and indexed in a worker of its own (segment.worker.ts), so that reading, opening and
 * indexing 50,000 notes takes nothing from the page's thread and both cores share the work; built
 * in the page itself where no worker starts (no Worker, or one that fails to load before it
 * answers).
 */
import { forEachNoteBatchWith, middleNoteId, type NoteRange } from '@/utils/db/note-batches';
import { JournalLockedError } from '@/utils/errors';
import { readingKeys, type ReadingKeys } from '@/utils/lock/keys';
import { toIndexRow } from './search';
import { SegmentBuilder, type SegmentData } from './segment';
import type { SegmentMessage, SegmentRequest } from './segment.worker';

/**
 * Calls `onSegment` with each segment as it is built, every note in one of them; `done` settles
 * when all were. `stop` ends the building (a newer build, the page leaving, Lock now): the workers
 * at once, and `done` rejects.
 */
export function buildAside(batchSize: number, onSegment: (segment: SegmentData) => void): { done: Promise<void>; stop: () => void } {
  const stopping = new AbortController();
  const done = buildSegments(batchSize, onSegment, stopping.signal);
  return { done, stop: () => stopping.abort() };
}

async function buildSegments(batchSize: number, onSegment: (segment: SegmentData) => void, signal: AbortSignal): Promise<void> {
  if (typeof Worker === 'undefined') return onSegment(await buildInPage(batchSize, {}));
  // The workers load their code while the keys are found and the store is cut in two.
  const workers = [startBuilder(), startBuilder()];
  try {
    const keys = await readingKeys();
    const middle = await middleNoteId(batchSize);
    signal.throwIfAborted();
    const ranges: NoteRange[] = middle === undefined ? [{}] : [{ to: middle }, { from: middle }];
    // One half failing ends the other: its segment would be thrown away.
    const ending = new AbortController();
    signal.addEventListener('abort', () => ending.abort(signal.reason), { once: true });
    await Promise.all(
      ranges.map((range, i) =>
        buildRange(workers[i]!, range, keys, batchSize, ending.signal).then(onSegment, (error: unknown) => {
          ending.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    for (const { worker } of workers) worker.terminate();
  }
}

/** A worker building a segment, and the error it gave before it was asked to, if any. */
interface Builder {
  readonly worker: Worker;
  earlyError?: ErrorEvent;
}

function startBuilder(): Builder {
  const builder: Builder = { worker: new Worker(new URL('./segment.worker.ts', import.meta.url), { type: 'module' }) };
  // A worker whose code fails to load says so at once, maybe before it is asked to build: kept for then.
  builder.worker.onerror = (event) => {
    event.preventDefault();
    builder.earlyError = event;
  };
  return builder;
}

/** The segment of `range`, built in `worker`, or in the page when the worker does not start. */
async function buildRange(
  { worker, earlyError }: Builder,
  range: NoteRange,
  keys: ReadingKeys,
  batchSize: number,
  signal: AbortSignal,
): Promise<SegmentData> {
  let started = false;
  const built = await new Promise<SegmentData | undefined>((resolveBuild, rejectBuild) => {
    if (earlyError) return resolveBuild(undefined);
    signal.addEventListener('abort', () => rejectBuild(signal.reason instanceof Error ? signal.reason : new Error('Stopped')), {
      once: true,
    });
    worker.onerror = (event) => {
      event.preventDefault();
      // A worker that never started (blocked, not supported) leaves the building to the page.
      if (!started) resolveBuild(undefined);
      else rejectBuild(new Error(`Building the search index failed: ${event.message}`));
    };
    const texts: string[] = [];
    worker.onmessage = ({ data }: MessageEvent<SegmentMessage>) => {
      started = true;
      if ('text' in data) texts.push(data.text);
      else if ('segment' in data) resolveBuild({ ...data.segment, texts });
      else if ('failed' in data) rejectBuild(data.locked ? new JournalLockedError() : new Error(data.failed));
    };
    worker.postMessage({ batchSize, keys, range } satisfies SegmentRequest);
  });
  return built ?? buildInPage(batchSize, range);
}

/** The segment of `range`, read and built in the page, a batch per task. */
async function buildInPage(batchSize: number, range: NoteRange): Promise<SegmentData> {
  const builder = new SegmentBuilder();
  await forEachNoteBatchWith(readingKeys, batchSize, (notes) => builder.add(notes.map(toIndexRow)), range);
  return builder.finish();
}
