// The real background on a fake clock, as the day, the week and the clock-change tests drive it:
// the browser's answers about the person's moment (the fake browser leaves them out), the install,
// a way to let its work finish, and a count of the timers its own code starts.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';

/** The person's moment as the browser can tell it. */
export interface Sensed {
  awake: boolean;
  locked: boolean;
  idle: boolean;
  audible: boolean;
  fullscreen: boolean;
}

/** A quiet, attentive moment: the schedule alone decides. */
export const ATTENTIVE: Sensed = { awake: true, locked: false, idle: false, audible: false, fullscreen: false };

/**
 * Answers the background's questions about the moment (idle state, focused window, audible tabs)
 * with `sense(now)`. Returns the idle listeners the background adds, for a test to tell them of a
 * change.
 */
export function senseMoment(sense: (now: number) => Sensed = () => ATTENTIVE): ((state: string) => void)[] {
  const idleListeners: ((state: string) => void)[] = [];
  Object.assign(fakeBrowser.idle, {
    onStateChanged: {
      addListener: (listener: (state: string) => void) => idleListeners.push(listener),
      removeListener() {},
      hasListener: () => idleListeners.length > 0,
    },
    setDetectionInterval: () => undefined,
  });
  // The fakes answer as the browser does, with promises; the typings describe the callback form.
  vi.spyOn(fakeBrowser.idle, 'queryState').mockImplementation(() => {
    const m = sense(Date.now());
    return Promise.resolve(m.locked ? 'locked' : m.idle ? 'idle' : 'active') as never;
  });
  vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockImplementation(() => {
    const m = sense(Date.now());
    return Promise.resolve({ id: 1, focused: m.awake && !m.locked, state: m.fullscreen ? 'fullscreen' : 'normal' }) as never;
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(
    () => Promise.resolve(sense(Date.now()).audible ? [{ id: 7, audible: true }] : []) as never,
  );
  vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Adempauze');
  return idleListeners;
}

/** Lets the background finish what an event started (it never awaits in its listeners). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Starts the background and installs it, as a browser does for a person adding it, at the fake clock's now. */
export async function installBackground(): Promise<void> {
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  await settle();
}

/**
 * Counts the setTimeout/setInterval calls made from the extension's own code (not the test fakes)
 * from now on: a service worker may end before a timer fires, so the background must start none.
 * Returns the count so far. The spies go with the test (restoreMocks).
 */
export function countOwnTimers(): () => number {
  let count = 0;
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = globalThis[name];
    vi.spyOn(globalThis, name).mockImplementation(((...args: Parameters<typeof original>) => {
      if (/\/(entrypoints|utils)\//.test(new Error().stack ?? '')) count++;
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as typeof original);
  }
  return () => count;
}
