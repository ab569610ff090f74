/**
 * The one place that writes to the console. Everything logged here is something the person's
 * page recovered from (a draft kept in the page only, a list not refreshed): worth a line for
 * whoever opens the developer tools, never worth interrupting the person.
 */

/** Something failed and the page carried on without it. */
export function logProblem(what: string, error?: unknown): void {
  // One message string, so a filter for "Adempauze:" in the console finds every line.
  if (error === undefined) console.warn(`Adempauze: ${what}`);
  else console.warn(`Adempauze: ${what}`, error);
}

/** A rejection handler that logs: `promise.catch(logFailure('pause status not shown'))`. */
export function logFailure(what: string): (error: unknown) => void {
  return (error) => logProblem(what, error);
}
