/**
 * The person's settings: their shape, limits and defaults, once. The same schema narrows what
 * storage.sync holds (`parseSettings`: field by field back to the defaults), tells the settings
 * form what to fix (`validateSettings`), and checks the settings of a backup file.
 */
import * as v from 'valibot';
import { isRecord, oneOf } from './fields';
import { DELIVERIES, LANGUAGE_SETTINGS } from './values';

export type { Delivery, LanguageSetting } from './values';

/** The ranges the options page offers and the validation enforces. */
export const LIMITS = {
  intervalMinutes: { min: 15, max: 8 * 60 },
  dayMinutes: { min: 0, max: 24 * 60 },
  maxPerDay: { min: 1, max: 12 },
  /** 0 = Sunday … 6 = Saturday. */
  weekday: { min: 0, max: 6 },
} as const;

const wholeNumber = ({ min, max }: { readonly min: number; readonly max: number }) =>
  v.pipe(v.number(), v.integer(), v.minValue(min, 'range'), v.maxValue(max, 'range'));

const intervalMinutes = wholeNumber(LIMITS.intervalMinutes);
const dayMinutes = wholeNumber(LIMITS.dayMinutes);

/** The fields of the settings, each checked on its own; SETTINGS_ORDER adds the rules between them. */
export const SETTINGS_ENTRIES = {
  pausesEnabled: v.boolean(),
  /** Offers come at a random moment between these many minutes apart. */
  minIntervalMinutes: intervalMinutes,
  maxIntervalMinutes: intervalMinutes,
  /** Active hours as minutes after local midnight: offers only in [start, end). */
  activeStartMinutes: dayMinutes,
  activeEndMinutes: dayMinutes,
  /** Active days, 0 = Sunday … 6 = Saturday, ascending. */
  activeDays: v.pipe(
    v.array(wholeNumber(LIMITS.weekday)),
    v.minLength(1, 'empty'),
    v.check((days) => new Set(days).size === days.length, 'repeated'),
    v.transform((days): readonly number[] => [...days].sort((a, b) => a - b)),
  ),
  maxPerDay: wholeNumber(LIMITS.maxPerDay),
  delivery: oneOf(DELIVERIES),
  /** Offers show only a neutral line, never a prompt or an answer: for sharing the screen. */
  discreet: v.optional(v.boolean(), false),
  /** The journal opens with what the person wrote a week, a month and a year ago. */
  onThisDay: v.optional(v.boolean(), true),
  language: oneOf(LANGUAGE_SETTINGS),
};

const SettingsFieldsSchema = v.object(SETTINGS_ENTRIES);
type SettingsFields = v.InferOutput<typeof SettingsFieldsSchema>;

/**
 * The rules between fields, for any object schema of SETTINGS_ENTRIES (the stored copy, or a
 * file's strict one): the interval and the active hours in order. Each is checked once its later
 * field is valid, whatever the earlier one holds, and reported on the later field.
 */
export const SETTINGS_ORDER = [
  v.forward<SettingsFields, v.PartialCheckIssue<SettingsFields>, ['maxIntervalMinutes']>(
    v.partialCheck([['maxIntervalMinutes']], (s) => !(s.minIntervalMinutes > s.maxIntervalMinutes), 'order'),
    ['maxIntervalMinutes'],
  ),
  v.forward<SettingsFields, v.PartialCheckIssue<SettingsFields>, ['activeEndMinutes']>(
    v.partialCheck([['activeEndMinutes']], (s) => !(s.activeStartMinutes >= s.activeEndMinutes), 'order'),
    ['activeEndMinutes'],
  ),
] as const;

/** Settings as storage.sync holds them. */
const SettingsSchema = v.pipe(SettingsFieldsSchema, ...SETTINGS_ORDER);

/** The person's settings. */
export type Settings = Readonly<v.InferOutput<typeof SettingsSchema>>;

/** What every field falls back to. Exported for the tests and the end-to-end seeds, which start from it. */
export const DEFAULT_SETTINGS: Settings = {
  pausesEnabled: true,
  minIntervalMinutes: 60,
  maxIntervalMinutes: 120,
  activeStartMinutes: 9 * 60,
  activeEndMinutes: 18 * 60,
  activeDays: [1, 2, 3, 4, 5],
  maxPerDay: 4,
  delivery: 'notification',
  discreet: false,
  onThisDay: true,
  language: 'browser',
};

const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
/** Fields that only make sense together: when one is invalid, both fall back. */
const PAIRS: readonly (readonly (keyof Settings)[])[] = [
  ['minIntervalMinutes', 'maxIntervalMinutes'],
  ['activeStartMinutes', 'activeEndMinutes'],
];

/** The field each issue is about (its first path key). */
function fieldsOf(issues: readonly v.BaseIssue<unknown>[] | undefined): Set<keyof Settings> {
  const fields = new Set<keyof Settings>();
  for (const issue of issues ?? []) {
    const key = issue.path?.[0]?.key;
    if (FIELDS.includes(key as keyof Settings)) fields.add(key as keyof Settings);
  }
  return fields;
}

/**
 * Narrows anything stored to valid settings, never throwing: each field that is missing or
 * invalid takes its default, and pairs that only make sense together (interval range, active
 * hours) fall back together. A value out of range, of the wrong type or corrupted never stops a
 * page or the background.
 */
export function parseSettings(stored: unknown): Settings {
  const raw = isRecord(stored) ? stored : {};
  const invalid = fieldsOf(v.safeParse(SettingsSchema, raw).issues);
  for (const pair of PAIRS) if (pair.some((field) => invalid.has(field))) pair.forEach((field) => invalid.add(field));
  const repaired: Record<string, unknown> = { ...raw };
  for (const field of invalid) repaired[field] = DEFAULT_SETTINGS[field];
  // Every field is now valid on its own or a default, and pairs are whole: this cannot fail.
  return v.parse(SettingsSchema, repaired);
}

/** Why a proposed change is refused, by field; empty when it is valid. */
export type SettingsProblems = Partial<Record<keyof Settings, 'range' | 'order' | 'empty'>>;

/** Checks settings a person entered, so the form can say what to fix before anything is stored. */
export function validateSettings(settings: Settings): SettingsProblems {
  const problems: SettingsProblems = {};
  for (const issue of v.safeParse(SettingsSchema, settings).issues ?? []) {
    const [field] = fieldsOf([issue]);
    if (field) problems[field] ??= issue.message === 'order' || issue.message === 'empty' ? issue.message : 'range';
  }
  return problems;
}
