// Reading the notes for the search index beside the page (utils/db/read-aside.ts), with a fake
// Worker (happy-dom has none) that speaks the reader's protocol (notes-reader.worker.ts) and can be
// made to fail: before it is asked, before its first batch, or after it. The e2e suite covers the
// real worker in Chromium; these are the paths no real browser can be made to take on cue.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAside } from '@/utils/db/read-aside';
import type { ReaderMessage, ReaderRequest } from '@/utils/db/notes-reader.worker';
import { JournalLockedError } from '@/utils/errors';
import type { ReadingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';

const NOTES = Array.from({ length: 10 }, (_, i) => ({ id: `n-${String(i).padStart(2, '0')}`, answer: `answer ${i}` }) as Note);
const MIDDLE = 'n-05';
const BATCH = 2;

const keys = vi.hoisted((): { current: unknown } => ({ current: 'off' }));
vi.mock('@/utils/lock/keys', () => ({ readingKeys: () => Promise.resolve(keys.current) }));

/** The notes of a range, as the store holds them (by id). */
const inRange = ({ from, to }: { from?: string; to?: string }) =>
  NOTES.filter((note) => (from === undefined || note.id >= from) && (to === undefined || note.id < to));

// The page's own reading, where no worker reads: the notes of its range, batch by batch.
const pageReads = vi.hoisted(() => [] as { from?: string; to?: string }[]);
vi.mock('@/utils/db/note-batches', () => ({
  middleNoteId: () => Promise.resolve(MIDDLE),
  forEachNoteBatchWith: async (
    _keys: unknown,
    size: number,
    onBatch: (notes: readonly Note[]) => unknown,
    range: { from?: string; to?: string } = {},
  ) => {
    pageReads.push(range);
    const notes = inRange(range);
    for (let i = 0; i < notes.length; i += size) await onBatch(notes.slice(i, i + size));
  },
}));

type Failure = 'on-load' | 'before-first-batch' | 'after-first-batch' | 'locked' | 'never-answers';

/** A worker speaking the reader's protocol over the notes of the range it is asked for; `failures` say how each one started goes wrong, in order. */
class FakeWorker {
  static started: FakeWorker[] = [];
  static failures: (Failure | undefined)[] = [];
  onmessage: ((event: MessageEvent<ReaderMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  range: { from?: string; to?: string } | undefined;
  private readonly failure = FakeWorker.failures[FakeWorker.started.length];
  private batches: Note[][] = [];
  private credits = 2;
  private sent = 0;
  private finished = false;

  constructor() {
    FakeWorker.started.push(this);
    if (this.failure === 'on-load') queueMicrotask(() => this.error('Failed to load the module script'));
  }

  postMessage(request: ReaderRequest): void {
    if (this.terminated) return;
    if (request === 'more') {
      this.credits++;
      return void setTimeout(() => this.send());
    }
    this.range = request.range;
    const notes = inRange(request.range);
    for (let i = 0; i < notes.length; i += request.batchSize) this.batches.push(notes.slice(i, i + request.batchSize));
    // A worker whose code never loaded never answers.
    if (this.failure === 'never-answers' || this.failure === 'on-load') return;
    if (this.failure === 'before-first-batch') return void setTimeout(() => this.error('Failed to load the module script'));
    if (this.failure === 'locked') return void setTimeout(() => this.answer({ failed: 'The journal is locked.', locked: true }));
    setTimeout(() => this.send());
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Posts what the credits allow, and the end once every batch is posted, as the reader does. */
  private send(): void {
    while (!this.terminated && this.credits > 0 && this.batches.length > 0) {
      if (this.failure === 'after-first-batch' && this.sent === 1) return this.error('Out of memory');
      this.credits--;
      this.sent++;
      this.answer({ notes: this.batches.shift()! });
    }
    if (this.batches.length === 0 && !this.finished) {
      this.finished = true;
      this.answer({ done: true });
    }
  }

  private answer(message: ReaderMessage): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<ReaderMessage>);
  }

  private error(message: string): void {
    const event = { message, preventDefault: vi.fn() } as unknown as ErrorEvent;
    if (!this.terminated) this.onerror?.(event);
  }
}

/** Reads everything with an onBatch that records the notes and checks that batches never overlap. */
function readAll(): { ids: string[]; overlapped: boolean; done: Promise<void>; stop: () => void } {
  const ids: string[] = [];
  let inside = 0;
  let overlapped = false;
  const reading = readAside(BATCH, async (notes) => {
    overlapped ||= inside > 0;
    inside++;
    await new Promise((resolveLater) => setTimeout(resolveLater));
    ids.push(...notes.map((note) => note.id));
    inside--;
  });
  return {
    ids,
    get overlapped() {
      return overlapped;
    },
    ...reading,
  };
}

const ALL_IDS = NOTES.map((note) => note.id);
const LOCK_OPEN = {} as ReadingKeys;

beforeEach(() => {
  FakeWorker.started = [];
  FakeWorker.failures = [];
  pageReads.length = 0;
  keys.current = 'off';
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading the notes for search beside the page', () => {
  it('without the lock: one worker reads every note once, the page takes its batches one at a time, and the worker ends', async () => {
    const reading = readAll();
    await reading.done;
    expect(reading.ids.sort()).toEqual(ALL_IDS);
    expect(reading.overlapped).toBe(false);
    expect(FakeWorker.started).toHaveLength(1);
    expect(FakeWorker.started[0]!.range).toEqual({});
    expect(FakeWorker.started[0]!.terminated).toBe(true);
    expect(pageReads).toEqual([]);
  });

  it('under the lock: two workers, one per half of the store, every note once, both ended', async () => {
    keys.current = LOCK_OPEN;
    const reading = readAll();
    await reading.done;
    expect(reading.ids.sort()).toEqual(ALL_IDS);
    expect(reading.overlapped).toBe(false);
    expect(FakeWorker.started.map((worker) => worker.range)).toEqual([{ to: MIDDLE }, { from: MIDDLE }]);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
  });

  it('a worker that fails to load before it is asked leaves its half to the page, read once', async () => {
    keys.current = LOCK_OPEN;
    FakeWorker.failures = [undefined, 'on-load'];
    const reading = readAll();
    await reading.done;
    expect(reading.ids.sort()).toEqual(ALL_IDS);
    expect(pageReads).toEqual([{ from: MIDDLE }]);
  });

  it('a worker that fails before its first batch leaves its reading to the page', async () => {
    FakeWorker.failures = ['before-first-batch'];
    const reading = readAll();
    await reading.done;
    expect(reading.ids.sort()).toEqual(ALL_IDS);
    expect(pageReads).toEqual([{}]);
  });

  it('a worker failing after its first batch fails the build and stops the other half, whose worker ends', async () => {
    keys.current = LOCK_OPEN;
    FakeWorker.failures = ['after-first-batch'];
    const reading = readAll();
    await expect(reading.done).rejects.toThrow('Reading notes for search failed: Out of memory');
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(pageReads).toEqual([]);
  });

  it('a worker that finds the journal locked says so as the lock does', async () => {
    FakeWorker.failures = ['locked'];
    const reading = readAll();
    await expect(reading.done).rejects.toBeInstanceOf(JournalLockedError);
    expect(FakeWorker.started[0]!.terminated).toBe(true);
  });

  it('stop ends the reading: done rejects and the workers end', async () => {
    keys.current = LOCK_OPEN;
    FakeWorker.failures = ['never-answers', 'never-answers'];
    const reading = readAll();
    // Once both workers were asked (the keys found, the store cut in two).
    await vi.waitFor(() => expect(FakeWorker.started.every((worker) => worker.range !== undefined)).toBe(true));
    reading.stop();
    await expect(reading.done).rejects.toThrow();
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(reading.ids).toEqual([]);
  });
});
