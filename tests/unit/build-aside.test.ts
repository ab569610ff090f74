// Building the search index's segments beside the page (utils/search/build-aside.ts), with a fake
// Worker (happy-dom has none) that speaks the builder's protocol (segment.worker.ts) and can be made
// to fail: before it is asked, before it answers, or after it started. The e2e suite covers the real
// workers in Chromium; these are the paths no real browser can be made to take on cue.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalLockedError } from '@/utils/errors';
import type { ReadingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { buildAside } from '@/utils/search/build-aside';
import { toIndexRow } from '@/utils/search/search';
import { SegmentBuilder, type SegmentData } from '@/utils/search/segment';
import type { SegmentMessage, SegmentRequest } from '@/utils/search/segment.worker';

const NOTES = Array.from(
  { length: 10 },
  (_, i) => ({ id: `n-${String(i).padStart(2, '0')}`, promptText: 'Prompt', answer: `answer ${i}` }) as Note,
);
const MIDDLE = 'n-05';
const BATCH = 2;

const keys = vi.hoisted((): { current: unknown } => ({ current: 'off' }));
vi.mock('@/utils/lock/keys', () => ({ readingKeys: () => Promise.resolve(keys.current) }));

/** The notes of a range, as the store holds them (by id). */
const inRange = ({ from, to }: { from?: string; to?: string }) =>
  NOTES.filter((note) => (from === undefined || note.id >= from) && (to === undefined || note.id < to));

/** The segment of a range's notes, as a worker or the page builds it. */
function segmentOf(range: { from?: string; to?: string }): SegmentData {
  const builder = new SegmentBuilder();
  builder.add(inRange(range).map(toIndexRow));
  return builder.finish();
}

// Where the store is cut in two (undefined: too few notes to share), and the page's own reading,
// where no worker builds: the notes of its range, batch by batch.
const store = vi.hoisted((): { middle: string | undefined; pageReads: { from?: string; to?: string }[] } => ({
  middle: 'n-05',
  pageReads: [],
}));
vi.mock('@/utils/db/note-batches', () => ({
  middleNoteId: () => Promise.resolve(store.middle),
  forEachNoteBatchWith: async (
    _keys: unknown,
    size: number,
    onBatch: (notes: readonly Note[]) => unknown,
    range: { from?: string; to?: string } = {},
  ) => {
    store.pageReads.push(range);
    const notes = inRange(range);
    for (let i = 0; i < notes.length; i += size) await onBatch(notes.slice(i, i + size));
  },
}));
const pageReads = store.pageReads;

type Failure = 'on-load' | 'before-it-answers' | 'after-it-started' | 'locked' | 'never-answers';

/** A worker speaking the builder's protocol over the notes of the range it is asked for; `failures` say how each one started goes wrong, in order. */
class FakeWorker {
  static started: FakeWorker[] = [];
  static failures: (Failure | undefined)[] = [];
  onmessage: ((event: MessageEvent<SegmentMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  request: SegmentRequest | undefined;
  private readonly failure = FakeWorker.failures[FakeWorker.started.length];

  constructor() {
    FakeWorker.started.push(this);
    if (this.failure === 'on-load') queueMicrotask(() => this.error('Failed to load the module script'));
  }

  get range(): SegmentRequest['range'] | undefined {
    return this.request?.range;
  }

  postMessage(request: SegmentRequest): void {
    if (this.terminated) return;
    this.request = request;
    // A worker whose code never loaded never answers.
    if (this.failure === 'never-answers' || this.failure === 'on-load') return;
    if (this.failure === 'before-it-answers') return void setTimeout(() => this.error('Failed to load the module script'));
    setTimeout(() => {
      this.answer({ started: true });
      if (this.failure === 'after-it-started') return void setTimeout(() => this.error('Out of memory'));
      if (this.failure === 'locked') return void setTimeout(() => this.answer({ failed: 'The journal is locked.', locked: true }));
      setTimeout(() => {
        const segment = segmentOf(request.range);
        for (const text of segment.texts) this.answer({ text });
        this.answer({ segment: { ...segment, texts: [] } });
      });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private answer(message: SegmentMessage): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<SegmentMessage>);
  }

  private error(message: string): void {
    const event = { message, preventDefault: vi.fn() } as unknown as ErrorEvent;
    if (!this.terminated) this.onerror?.(event);
  }
}

/** Builds everything with an onSegment that records the segments' ids. */
function buildAll(): { ids: string[]; segments: number; done: Promise<void>; stop: () => void } {
  const ids: string[] = [];
  let segments = 0;
  const building = buildAside(BATCH, (segment) => {
    segments++;
    ids.push(...segment.ids);
  });
  return {
    ids,
    get segments() {
      return segments;
    },
    ...building,
  };
}

const ALL_IDS = NOTES.map((note) => note.id);
const LOCK_OPEN = {} as ReadingKeys;

beforeEach(() => {
  FakeWorker.started = [];
  FakeWorker.failures = [];
  pageReads.length = 0;
  store.middle = MIDDLE;
  keys.current = 'off';
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('building the search index beside the page', () => {
  it('two workers, one per half of the store, every note once in one segment each, both ended', async () => {
    const building = buildAll();
    await building.done;
    expect(building.ids.sort()).toEqual(ALL_IDS);
    expect(building.segments).toBe(2);
    expect(FakeWorker.started.map((worker) => worker.range)).toEqual([{ to: MIDDLE }, { from: MIDDLE }]);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(pageReads).toEqual([]);
  });

  it('hands each worker the keys the page found: the lock open, or off', async () => {
    keys.current = LOCK_OPEN;
    await buildAll().done;
    expect(FakeWorker.started.map((worker) => worker.request?.keys)).toEqual([LOCK_OPEN, LOCK_OPEN]);
    expect(FakeWorker.started.map((worker) => worker.request?.batchSize)).toEqual([BATCH, BATCH]);
  });

  it('too few notes to share: one worker builds them all, the other ends unasked', async () => {
    store.middle = undefined;
    const building = buildAll();
    await building.done;
    expect(building.ids.sort()).toEqual(ALL_IDS);
    expect(FakeWorker.started.map((worker) => worker.range)).toEqual([{}, undefined]);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
  });

  it('a worker that fails to load before it is asked leaves its half to the page, read once', async () => {
    FakeWorker.failures = [undefined, 'on-load'];
    const building = buildAll();
    await building.done;
    expect(building.ids.sort()).toEqual(ALL_IDS);
    expect(pageReads).toEqual([{ from: MIDDLE }]);
  });

  it('a worker that fails before it answers leaves its half to the page', async () => {
    FakeWorker.failures = ['before-it-answers'];
    const building = buildAll();
    await building.done;
    expect(building.ids.sort()).toEqual(ALL_IDS);
    expect(pageReads).toEqual([{ to: MIDDLE }]);
  });

  it('a worker failing after it started fails the build and stops the other half, whose worker ends', async () => {
    FakeWorker.failures = ['after-it-started', 'never-answers'];
    const building = buildAll();
    await expect(building.done).rejects.toThrow('Building the search index failed: Out of memory');
    expect(FakeWorker.started).toHaveLength(2);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(pageReads).toEqual([]);
  });

  it('a worker that finds the journal locked says so as the lock does', async () => {
    FakeWorker.failures = ['locked'];
    const building = buildAll();
    await expect(building.done).rejects.toBeInstanceOf(JournalLockedError);
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
  });

  it('stop ends the building: done rejects and the workers end', async () => {
    FakeWorker.failures = ['never-answers', 'never-answers'];
    const building = buildAll();
    // Once both workers were asked (the keys found, the store cut in two).
    await vi.waitFor(() => expect(FakeWorker.started.every((worker) => worker.range !== undefined)).toBe(true));
    building.stop();
    await expect(building.done).rejects.toThrow();
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
    expect(building.ids).toEqual([]);
  });

  it('without Worker the page builds one segment of every note', async () => {
    vi.stubGlobal('Worker', undefined);
    const building = buildAll();
    await building.done;
    expect(building.ids.sort()).toEqual(ALL_IDS);
    expect(building.segments).toBe(1);
    expect(pageReads).toEqual([{}]);
  });
});
