import type { Note } from '@/utils/model/records';

/** An error as a short text for a message to the person: its message, or what was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An answer that is empty or only whitespace; never stored. */
export class EmptyAnswerError extends Error {
  constructor() {
    super('The answer is empty.');
    this.name = 'EmptyAnswerError';
  }
}

/**
 * A change was refused because the note is no longer the version it started from: it was edited
 * or deleted elsewhere (another tab, an import) since. `current` is the note as stored now, or
 * undefined when it was deleted.
 */
export class NoteConflictError extends Error {
  constructor(readonly current: Note | undefined) {
    super(current ? 'The note changed since this change began' : 'The note was deleted since this change began');
    this.name = 'NoteConflictError';
  }
}

/** Records are encrypted and this browser session has not unlocked the journal (utils/lock/keys.ts). */
export class JournalLockedError extends Error {
  constructor() {
    super('The journal is locked.');
    this.name = 'JournalLockedError';
  }
}

/** The lock's stored keys are not what this version wrote: nothing is written until this is resolved. */
export class LockDamagedError extends Error {
  constructor() {
    super('The journal lock’s stored keys could not be read.');
    this.name = 'LockDamagedError';
  }
}

/** IndexedDB could not be opened (blocked by the browser, private mode, disk full). */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(describeError(cause), { cause });
    this.name = 'StorageUnavailableError';
  }
}

/**
 * What a storage failure means for the person: the browser does not let us store anything right
 * now ('unavailable'), the device is full ('full'), or something else went wrong ('other').
 */
export type StorageProblem = 'unavailable' | 'full' | 'other';

/**
 * DOMException names with which browsers refuse IndexedDB as a whole: Firefox's private mode and
 * "never remember history" (InvalidStateError, SecurityError), a damaged or vanished profile
 * (UnknownError, NotFoundError), a database left by a newer version (VersionError), and a
 * connection closed under us (InvalidStateError again).
 */
const UNAVAILABLE_NAMES: ReadonlySet<string> = new Set([
  'InvalidStateError',
  'SecurityError',
  'UnknownError',
  'NotFoundError',
  'VersionError',
  'NotSupportedError',
]);

/** Classifies a storage failure, looking through wrappers (`cause`) to what the browser threw. */
export function storageProblem(error: unknown): StorageProblem {
  let unavailable = false;
  // A full disk can surface wrapped (an open that failed for want of space): it wins over the wrapper.
  for (let current = error, depth = 0; current instanceof Error || current instanceof DOMException; depth++) {
    if (current.name === 'QuotaExceededError') return 'full';
    if (current.name === 'StorageUnavailableError' || UNAVAILABLE_NAMES.has(current.name)) unavailable = true;
    if (depth === 8) break;
    current = (current as { cause?: unknown }).cause;
  }
  return unavailable ? 'unavailable' : 'other';
}

/** The three things a surface can say about a failed storage step. */
export interface StorageMessages {
  readonly unavailable: string;
  readonly full: string;
  readonly other: (detail: string) => string;
}

/** The message of one surface for a storage failure: specific when the cause is known, with its detail when not. */
export function storageMessage(error: unknown, messages: StorageMessages): string {
  const problem = storageProblem(error);
  return problem === 'other' ? messages.other(describeError(error)) : messages[problem];
}
