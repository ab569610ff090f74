/**
 * What the shapes of the model are built from: the rules a kind of field is held to, and the
 * words of a refusal.
 *
 * A stored row and a backup file hold the same fields, but not with the same trust: a row this
 * extension wrote is read as long as it can be shown (any finite time, any text), a file from
 * elsewhere is held to what a person can really have made (times between 2000 and 2100, ids that
 * are safe as keys, text that is not blank). So each shape lists its fields once, as a function of
 * `FieldRules`, and is built with ROW_FIELDS for the database and with the file's rules for a backup.
 */
import * as v from 'valibot';

/**
 * Why a value is refused, in no language: the message of every check whose issue type alone does
 * not say it. The settings form and the backup check put it into words.
 * A list of allowed values (`oneOf`) has those values as its message instead.
 */
export type Problem =
  | 'object'
  | 'blank'
  | 'time'
  | 'range'
  | 'order'
  | 'empty'
  | 'repeated'
  | 'duplicate'
  // The lock's keys (utils/model/lock.ts): a key derivation outside its bounds, base64 of the wrong size.
  | 'iterations'
  | 'bytes';

/** How each kind of field is checked. */
export interface FieldRules {
  /** The id of a row, or of the prompt a row belongs to. */
  readonly id: v.GenericSchema<string>;
  /** Text kept as it was shown: the prompt of a note. */
  readonly text: v.GenericSchema<string>;
  /** What the person wrote: an answer, an own prompt. */
  readonly writing: v.GenericSchema<string>;
  /** A moment, in epoch milliseconds. */
  readonly time: v.GenericSchema<number>;
}

/** A moment in epoch milliseconds, as stored: any finite number. */
export const TIME = v.pipe(v.number(), v.finite());

/** Rows of the database, written by this or an earlier version: read as long as they can be shown. */
export const ROW_FIELDS: FieldRules = { id: v.string(), text: v.string(), writing: v.string(), time: TIME };

/**
 * One of a fixed list of values (utils/model/values.ts); the message names them.
 *
 * Functions that build schemas are marked free of side effects (as valibot's own are), so a
 * bundle that never reads a shape (the background reads no notes) leaves it out.
 */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const Options extends readonly string[]>(options: Options) {
  return v.picklist(options, options.join(', '));
}

/** A plain object: valibot's object schemas also take arrays, which no stored shape is. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
