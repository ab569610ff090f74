/**
 * The page's own synchronous storage (localStorage), for the little a page must know before its
 * first paint: drafts, the round of prompts, the language and prompt choices. Pages only (service
 * workers have none). Reading never throws: anything missing, blocked or unreadable reads as
 * undefined. Writing never throws either: it reports whether it worked, and every caller has a
 * durable or harmless fallback.
 */

/** The parsed JSON stored under `key`, or undefined. Callers narrow it: it may come from any version. */
export function readPageJson(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text == null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`; false when storage is full, blocked or absent. */
export function writePageJson(key: string, value: unknown): boolean {
  try {
    if (!globalThis.localStorage) return false;
    globalThis.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
