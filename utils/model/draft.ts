/**
 * An unsaved answer, kept per prompt (utils/storage/drafts.ts). The durable copy is read with
 * this; the page's copy, read before first paint (which may not load valibot, scripts/sizes.mjs),
 * is checked by hand against this shape (tests/unit/drafts.test.ts holds the two together).
 */
import * as v from 'valibot';
import { TIME } from './fields';

/** A stored draft. */
export const DraftSchema = v.object({ text: v.string(), updatedAt: TIME });

/** The text typed for one prompt, and when it was last changed. */
export type Draft = Readonly<v.InferOutput<typeof DraftSchema>>;

/** Drafts by prompt id. */
export type Drafts = Readonly<Record<string, Draft>>;

/** Whether a stored value is a draft. */
export function isDraft(value: unknown): value is Draft {
  return v.is(DraftSchema, value);
}

/** The drafts among everything in storage.session: those under `prefix`, by prompt id, well-formed only. */
export function sessionDrafts(all: Record<string, unknown>, prefix: string): Record<string, Draft> {
  const drafts = Object.create(null) as Record<string, Draft>;
  for (const [key, value] of Object.entries(all)) if (key.startsWith(prefix) && isDraft(value)) drafts[key.slice(prefix.length)] = value;
  return drafts;
}
