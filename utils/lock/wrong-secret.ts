// Apart from utils/errors.ts, which every first paint carries: only the lock's own steps and the
// sections that ask for the passphrase again need it.

/**
 * A step that cannot be undone (a new passphrase or key, removing the lock, a plain export) was
 * asked with a passphrase or recovery key that does not open the lock, or before the wait after
 * wrong tries is over (`retryAt`).
 */
export class WrongSecretError extends Error {
  constructor(readonly retryAt = 0) {
    super('That passphrase or recovery key does not open the journal.');
    this.name = 'WrongSecretError';
  }
}
