/**
 * For a unit test file that runs in Node (`// @vitest-environment node`), imported first.
 *
 * Why Node: under happy-dom, `fetch` is happy-dom's, which reports a network failure as a
 * DOMException "NetworkError"; Chromium, Firefox and Node report a TypeError, and the WebDAV client
 * is tested against a real server with Node's own fetch.
 *
 * Why this file: the suite's shared setup (tests/unit/setup.ts) gives each test fresh Web Locks on
 * `navigator` and clears `localStorage`, both of which exist under happy-dom and not in Node 20.
 * Stand-ins let that setup run unchanged; a test in Node uses neither.
 */
if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
if (!('localStorage' in globalThis))
  Object.defineProperty(globalThis, 'localStorage', { value: { clear: () => undefined }, configurable: true });
