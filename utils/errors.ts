/** An error as a short text for a message to the person: its message, or what was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
