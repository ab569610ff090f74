// The Firefox smoke test runs a test build (`wxt build --mode e2e`) whose background opens the
// popup in a tab. That code must never ship. Every trace of it names "e2e" (the MODE comparison
// itself, its log line), so a shipped text file that does has test-only code in it.
const TEXT_FILE = /\.(?:js|mjs|html|css|json)$/;
const MARKER = /\be2e\b/i;

/**
 * The names of the text files among `files` that carry test-only code.
 * @param {Iterable<[string, Buffer]>} files path and content of each file of a build
 * @returns {string[]}
 */
export function filesWithTestOnlyCode(files) {
  return [...files].filter(([name, content]) => TEXT_FILE.test(name) && MARKER.test(content.toString('utf8'))).map(([name]) => name);
}
