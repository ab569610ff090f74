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
  /** An active range starts at a minute of the day, 00:00 to 23:59… */
  startMinutes: { min: 0, max: 24 * 60 - 1 },
  /** …and ends after 00:00, up to midnight at the end of the day (24:00); an end before the start is on the next day. */
  endMinutes: { min: 1, max: 24 * 60 },
  /** How many active ranges a day holds. */
  activeRanges: { min: 1, max: 3 },
  /** Active hours as versions before ranges held them: minutes after midnight, 00:00 to 24:00. */
  dayMinutes: { min: 0, max: 24 * 60 },
  maxPerDay: { min: 1, max: 12 },
  /** 0 = Sunday … 6 = Saturday. */
  weekday: { min: 0, max: 6 },
} as const;

/**
 * Why settings are refused where the model's own codes (utils/model/fields.ts, `Problem`) do not
 * say it: a range that ends when it starts, a range that shares time with another, too many ranges.
 */
export type SettingsRefusal = 'same' | 'overlap' | 'many';

const MINUTES_A_DAY = 24 * 60;

const wholeNumber = ({ min, max }: { readonly min: number; readonly max: number }) =>
  v.pipe(v.number(), v.integer(), v.minValue(min, 'range'), v.maxValue(max, 'range'));

const intervalMinutes = wholeNumber(LIMITS.intervalMinutes);

/** One stretch of active time on every active day. */
export type ActiveRange = {
  /** Minutes after local midnight. */
  readonly startMinutes: number;
  /** Minutes after local midnight; before the start, the range runs past midnight into the next day. */
  readonly endMinutes: number;
};

const RANGE_ENTRIES = { startMinutes: wholeNumber(LIMITS.startMinutes), endMinutes: wholeNumber(LIMITS.endMinutes) };

/** A range's minutes on a line that runs on into the next day: [start, end) with end after start. */
function span({ startMinutes, endMinutes }: ActiveRange): readonly [number, number] {
  return [startMinutes, endMinutes > startMinutes ? endMinutes : endMinutes + MINUTES_A_DAY];
}

/**
 * The first range before `place` that shares time with the one at `place`, on any day: ranges
 * repeat daily, so one crossing midnight meets the early ranges of the next day. Ranges that are
 * not valid on their own are left out (they get their own problem). Undefined when none does.
 */
function overlappedBy(ranges: readonly unknown[], place: number): number | undefined {
  const range = ranges[place];
  if (!v.is(ActiveRangeSchema, range)) return undefined;
  const [start, end] = span(range);
  for (let other = 0; other < place; other++) {
    const candidate = ranges[other];
    if (!v.is(ActiveRangeSchema, candidate)) continue;
    const [otherStart, otherEnd] = span(candidate);
    for (const shift of [-MINUTES_A_DAY, 0, MINUTES_A_DAY]) {
      if (Math.max(start, otherStart + shift) < Math.min(end, otherEnd + shift)) return other;
    }
  }
  return undefined;
}

/* @__NO_SIDE_EFFECTS__ */
function activeRangeList(range: typeof ActiveRangeSchema | typeof FileRangeSchema) {
  return v.pipe(
    v.array(range),
    v.minLength(LIMITS.activeRanges.min, 'empty'),
    v.maxLength(LIMITS.activeRanges.max, 'many'),
    // Named at the later range, with the place of the earlier one as `expected` (`activeRanges[0]`), as a repeated id is.
    v.rawCheck<ActiveRange[]>(({ dataset, addIssue }) => {
      // Runs on an untyped list too (one range invalid): the valid ones are still held to each other.
      const ranges: unknown = dataset.value;
      if (!Array.isArray(ranges)) return;
      ranges.forEach((range: unknown, place) => {
        const other = overlappedBy(ranges, place);
        if (other !== undefined)
          addIssue({
            message: 'overlap' satisfies SettingsRefusal,
            expected: `activeRanges[${other}]`,
            path: [{ type: 'array', origin: 'value', input: ranges, key: place, value: range }],
          });
      });
    }),
    v.transform((ranges): readonly ActiveRange[] => [...ranges].sort((a, b) => a.startMinutes - b.startMinutes)),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function withDistinctEnds<Schema extends v.GenericSchema<unknown, ActiveRange>>(schema: Schema) {
  return v.pipe(
    schema,
    v.forward<ActiveRange, v.PartialCheckIssue<ActiveRange>, ['endMinutes']>(
      v.partialCheck(
        [['startMinutes'], ['endMinutes']],
        (range) => range.startMinutes !== range.endMinutes,
        'same' satisfies SettingsRefusal,
      ),
      ['endMinutes'],
    ),
  );
}

/** A range as storage holds it: a key some later version adds is left behind, as for every other field. */
const ActiveRangeSchema = withDistinctEnds(v.object(RANGE_ENTRIES));
/** A range as a file holds it: strict, as every part of a file is (utils/model/backup.ts). */
const FileRangeSchema = withDistinctEnds(v.strictObject(RANGE_ENTRIES));

/** The fields of the settings, each checked on its own; SETTINGS_ORDER adds the rules between them. */
const SETTINGS_ENTRIES = {
  pausesEnabled: v.boolean(),
  /** Offers come at a random moment between these many minutes apart. */
  minIntervalMinutes: intervalMinutes,
  maxIntervalMinutes: intervalMinutes,
  /**
   * When offers may come on an active day: one to three ranges that share no time, sorted by
   * start. A range that ends before it starts runs past midnight and belongs to the day it starts
   * on (utils/schedule/schedule.ts).
   */
  activeRanges: activeRangeList(ActiveRangeSchema),
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

/** The settings' fields as a file holds them: its ranges are strict too. */
export const FILE_SETTINGS_ENTRIES = { ...SETTINGS_ENTRIES, activeRanges: activeRangeList(FileRangeSchema) };

/** The interval in order. Checked once its later field is valid, whatever the earlier one holds, and reported on the later field. */
const intervalInOrder = (s: { minIntervalMinutes: number; maxIntervalMinutes: number }) => !(s.minIntervalMinutes > s.maxIntervalMinutes);

const SettingsFieldsSchema = v.object(SETTINGS_ENTRIES);
type SettingsFields = v.InferOutput<typeof SettingsFieldsSchema>;

/** The rules between fields, for any object schema of SETTINGS_ENTRIES (the stored copy, or a file's strict one). */
export const SETTINGS_ORDER = [
  v.forward<SettingsFields, v.PartialCheckIssue<SettingsFields>, ['maxIntervalMinutes']>(
    v.partialCheck([['maxIntervalMinutes']], (s) => intervalInOrder(s), 'order'),
    ['maxIntervalMinutes'],
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
  activeRanges: [{ startMinutes: 9 * 60, endMinutes: 18 * 60 }],
  activeDays: [1, 2, 3, 4, 5],
  maxPerDay: 4,
  delivery: 'notification',
  discreet: false,
  onThisDay: true,
  language: 'browser',
};

/**
 * Active hours as versions before ranges stored them, in storage.sync and in version 1 backup
 * files: one range a day as two fields, its start before its end.
 */
const LEGACY_HOURS_ENTRIES = { activeStartMinutes: wholeNumber(LIMITS.dayMinutes), activeEndMinutes: wholeNumber(LIMITS.dayMinutes) };
type LegacyHours = v.InferOutput<v.ObjectSchema<typeof LEGACY_HOURS_ENTRIES, undefined>>;

/** The hours in order, as those versions held them. */
const hoursInOrder = (s: LegacyHours) => !(s.activeStartMinutes >= s.activeEndMinutes);

/** A file's settings as versions before ranges wrote them. */
export const LEGACY_SETTINGS_ENTRIES = { ...v.omit(v.object(FILE_SETTINGS_ENTRIES), ['activeRanges']).entries, ...LEGACY_HOURS_ENTRIES };
type LegacySettingsFields = v.InferOutput<v.ObjectSchema<typeof LEGACY_SETTINGS_ENTRIES, undefined>>;

/** The rules between the fields of LEGACY_SETTINGS_ENTRIES. */
export const LEGACY_SETTINGS_ORDER = [
  v.forward<LegacySettingsFields, v.PartialCheckIssue<LegacySettingsFields>, ['maxIntervalMinutes']>(
    v.partialCheck([['maxIntervalMinutes']], (s) => intervalInOrder(s), 'order'),
    ['maxIntervalMinutes'],
  ),
  v.forward<LegacySettingsFields, v.PartialCheckIssue<LegacySettingsFields>, ['activeEndMinutes']>(
    v.partialCheck([['activeEndMinutes']], (s) => hoursInOrder(s), 'order'),
    ['activeEndMinutes'],
  ),
] as const;

/** Whether stored or imported settings hold their active hours as versions before ranges did. */
export function hasLegacyHours(settings: unknown): boolean {
  return (
    isRecord(settings) &&
    !Object.hasOwn(settings, 'activeRanges') &&
    (Object.hasOwn(settings, 'activeStartMinutes') || Object.hasOwn(settings, 'activeEndMinutes'))
  );
}

/** Settings with their one range of active hours in this version's shape, and the two old fields gone. */
export function upgradeLegacyHours<Fields extends LegacyHours>({
  activeStartMinutes,
  activeEndMinutes,
  ...rest
}: Fields): Omit<Fields, keyof LegacyHours> & { activeRanges: readonly ActiveRange[] } {
  return { ...rest, activeRanges: [{ startMinutes: activeStartMinutes, endMinutes: activeEndMinutes }] };
}

const LegacyHoursSchema = v.pipe(v.object(LEGACY_HOURS_ENTRIES), v.check(hoursInOrder));

/** Stored settings of an earlier version, upgraded: a valid pair of hours becomes one range, a damaged one is left to the default. */
function upgradeStored(raw: Record<string, unknown>): Record<string, unknown> {
  if (!hasLegacyHours(raw)) return raw;
  const hours = v.safeParse(LegacyHoursSchema, raw);
  return hours.success ? upgradeLegacyHours({ ...raw, ...hours.output }) : raw;
}

const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
/** Fields that only make sense together: when one is invalid, both fall back. */
const PAIRS: readonly (readonly (keyof Settings)[])[] = [['minIntervalMinutes', 'maxIntervalMinutes']];

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
 * invalid takes its default, and pairs that only make sense together (the interval) fall back
 * together. A value out of range, of the wrong type or corrupted never stops a page or the
 * background. Active hours stored by an earlier version (`activeStartMinutes`,
 * `activeEndMinutes`) become their one range.
 */
export function parseSettings(stored: unknown): Settings {
  const raw = upgradeStored(isRecord(stored) ? stored : {});
  const invalid = fieldsOf(v.safeParse(SettingsSchema, raw).issues);
  for (const pair of PAIRS) if (pair.some((field) => invalid.has(field))) pair.forEach((field) => invalid.add(field));
  const repaired: Record<string, unknown> = { ...raw };
  for (const field of invalid) repaired[field] = DEFAULT_SETTINGS[field];
  // Every field is now valid on its own or a default, and pairs are whole: this cannot fail.
  return v.parse(SettingsSchema, repaired);
}

/** Why one active range is refused. */
export interface RangeProblem {
  /** A time missing or not a time of day, the range ending when it starts, or time shared with another range. */
  readonly kind: 'time' | 'same' | 'overlap';
  /** The times to change. */
  readonly fields: readonly (keyof ActiveRange)[];
  /** For an overlap: the place of the earlier range it shares time with. */
  readonly other?: number;
}

/** Why a proposed change is refused, by field; empty when it is valid. */
export type SettingsProblems = Partial<Record<Exclude<keyof Settings, 'activeRanges'>, 'range' | 'order' | 'empty'>> & {
  readonly activeRanges?: {
    /** The list as a whole: no range, or more than LIMITS.activeRanges allows. */
    readonly list?: 'empty' | 'many';
    /** Each refused range, by its place in the list as given (before sorting). */
    readonly ranges: Readonly<Partial<Record<number, RangeProblem>>>;
  };
};

/** What the issues about the active ranges say, range by range. */
function rangeProblems(ranges: readonly ActiveRange[], issues: readonly v.BaseIssue<unknown>[]): SettingsProblems['activeRanges'] {
  let list: 'empty' | 'many' | undefined;
  const each: Partial<Record<number, RangeProblem>> = {};
  for (const issue of issues) {
    const [, place, time] = (issue.path ?? []).map((item): unknown => item.key);
    if (typeof place !== 'number') {
      list = issue.message === 'many' ? 'many' : 'empty';
    } else if (issue.message === 'overlap') {
      each[place] ??= { kind: 'overlap', fields: ['startMinutes', 'endMinutes'], other: overlappedBy(ranges, place) };
    } else if (issue.message === 'same') {
      each[place] ??= { kind: 'same', fields: ['endMinutes'] };
    } else {
      // A time that is no time: each of the range's times that is wrong, or both when the range itself is.
      const fields: readonly (keyof ActiveRange)[] =
        time === 'startMinutes' || time === 'endMinutes' ? [time] : ['startMinutes', 'endMinutes'];
      each[place] = { kind: 'time', fields: [...new Set([...(each[place]?.fields ?? []), ...fields])] };
    }
  }
  return { ...(list ? { list } : {}), ranges: each };
}

/** Checks settings a person entered, so the form can say what to fix before anything is stored. */
export function validateSettings(settings: Settings): SettingsProblems {
  const problems: Partial<Record<Exclude<keyof Settings, 'activeRanges'>, 'range' | 'order' | 'empty'>> = {};
  const rangeIssues: v.BaseIssue<unknown>[] = [];
  for (const issue of v.safeParse(SettingsSchema, settings).issues ?? []) {
    const [field] = fieldsOf([issue]);
    if (field === 'activeRanges') rangeIssues.push(issue);
    else if (field) problems[field] ??= issue.message === 'order' || issue.message === 'empty' ? issue.message : 'range';
  }
  return rangeIssues.length > 0 ? { ...problems, activeRanges: rangeProblems(settings.activeRanges, rangeIssues) } : problems;
}
