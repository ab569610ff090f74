import { describe, expect, it } from 'vitest';
import { StorageUnavailableError, storageMessage, storageProblem } from '@/utils/errors';

const dom = (name: string) => new DOMException(`a ${name}`, name);

describe('storage problems', () => {
  it.each([
    ['a failed open', new StorageUnavailableError(new TypeError('indexedDB is undefined')), 'unavailable'],
    ['an open refused in private mode', new StorageUnavailableError(dom('InvalidStateError')), 'unavailable'],
    ['an open refused outright', dom('SecurityError'), 'unavailable'],
    ['a broken profile', dom('UnknownError'), 'unavailable'],
    ['a vanished store', dom('NotFoundError'), 'unavailable'],
    ['a database from a newer version', new StorageUnavailableError(dom('VersionError')), 'unavailable'],
    ['a connection closed under us', dom('InvalidStateError'), 'unavailable'],
    ['a full disk on write', dom('QuotaExceededError'), 'full'],
    ['a full disk on open', new StorageUnavailableError(dom('QuotaExceededError')), 'full'],
    ['a duplicate key', dom('ConstraintError'), 'other'],
    ['an aborted transaction', dom('AbortError'), 'other'],
    ['a bug', new Error('No note 7'), 'other'],
    ['a thrown string', 'nope', 'other'],
  ])('calls %s %s', (_case, error, problem) => {
    expect(storageProblem(error)).toBe(problem);
  });

  it('gives the detail only when the cause is not known', () => {
    const messages = { unavailable: 'blocked', full: 'full', other: (detail: string) => `other: ${detail}` };
    expect(storageMessage(dom('SecurityError'), messages)).toBe('blocked');
    expect(storageMessage(dom('QuotaExceededError'), messages)).toBe('full');
    expect(storageMessage(new Error('No note 7'), messages)).toBe('other: No note 7');
  });
});
