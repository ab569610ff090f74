/**
 * The Web Locks API (navigator.locks) for the unit tests: happy-dom has none, and the lock's steps
 * rely on it (utils/lock/keys.ts whileWriting and writesSettled, utils/lock/lock.ts alone). Named
 * locks, shared or exclusive, granted in the order asked, with `ifAvailable`; what `request`
 * resolves to is what its callback returns. A fake for unit tests only: e2e runs the browser's own.
 */
type Mode = 'shared' | 'exclusive';
type Callback = (lock: { name: string; mode: Mode } | null) => unknown;

interface Waiter {
  readonly mode: Mode;
  readonly grant: () => void;
}

export function fakeWebLocks() {
  const held = new Map<string, Mode[]>();
  const queues = new Map<string, Waiter[]>();

  const fits = (name: string, mode: Mode) => {
    const modes = held.get(name) ?? [];
    return mode === 'shared' ? modes.every((m) => m === 'shared') : modes.length === 0;
  };

  function pump(name: string) {
    const queue = queues.get(name) ?? [];
    while (queue.length > 0 && fits(name, queue[0]!.mode)) {
      const next = queue.shift()!;
      held.set(name, [...(held.get(name) ?? []), next.mode]);
      next.grant();
    }
  }

  async function request(name: string, optionsOrCallback: { mode?: Mode; ifAvailable?: boolean } | Callback, callback?: Callback) {
    const [options, run] = typeof optionsOrCallback === 'function' ? [{}, optionsOrCallback] : [optionsOrCallback, callback!];
    const mode = options.mode ?? 'exclusive';
    const queue = queues.get(name) ?? [];
    queues.set(name, queue);
    if (queue.length === 0 && fits(name, mode)) held.set(name, [...(held.get(name) ?? []), mode]);
    else if (options.ifAvailable) return run(null);
    else await new Promise<void>((grant) => queue.push({ mode, grant }));
    try {
      return await run({ name, mode });
    } finally {
      const modes = held.get(name) ?? [];
      modes.splice(modes.indexOf(mode), 1);
      pump(name);
    }
  }

  return { request };
}
