/**
 * The person's settings: their shape, defaults and limits. Every value read is narrowed and
 * range-checked: a value out of range, of the wrong type or corrupted falls back to its default,
 * field by field, and never crashes a page or the background.
 */
import type { Locale } from '@/utils/i18n/messages';

/** How an offer of a pause shows itself. */
export type Delivery = 'notification' | 'window' | 'badge';
export type LanguageSetting = 'browser' | Locale;

export interface Settings {
  readonly pausesEnabled: boolean;
  /** Offers come at a random moment between these many minutes apart. */
  readonly minIntervalMinutes: number;
  readonly maxIntervalMinutes: number;
  /** Active hours as minutes after local midnight: offers only in [start, end). */
  readonly activeStartMinutes: number;
  readonly activeEndMinutes: number;
  /** Active days, 0 = Sunday … 6 = Saturday, ascending. */
  readonly activeDays: readonly number[];
  readonly maxPerDay: number;
  readonly delivery: Delivery;
  readonly language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  pausesEnabled: true,
  minIntervalMinutes: 60,
  maxIntervalMinutes: 120,
  activeStartMinutes: 9 * 60,
  activeEndMinutes: 18 * 60,
  activeDays: [1, 2, 3, 4, 5],
  maxPerDay: 4,
  delivery: 'notification',
  language: 'browser',
};

/** The ranges the options page offers and the validation enforces. */
export const LIMITS = {
  intervalMinutes: { min: 15, max: 8 * 60 },
  dayMinutes: { min: 0, max: 24 * 60 },
  maxPerDay: { min: 1, max: 12 },
} as const;

export const DELIVERIES: readonly Delivery[] = ['notification', 'window', 'badge'];
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['browser', 'en', 'nl'];

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/**
 * Narrows anything stored to valid settings: each field that is missing or invalid takes its
 * default. Pairs that only make sense together (interval range, active hours) fall back together.
 */
export function parseSettings(stored: unknown): Settings {
  const raw: Record<string, unknown> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const d = DEFAULT_SETTINGS;
  const { intervalMinutes, dayMinutes, maxPerDay } = LIMITS;

  const minI = raw.minIntervalMinutes;
  const maxI = raw.maxIntervalMinutes;
  const intervalOk =
    isInt(minI, intervalMinutes.min, intervalMinutes.max) &&
    isInt(maxI, intervalMinutes.min, intervalMinutes.max) &&
    minI <= maxI;

  const start = raw.activeStartMinutes;
  const end = raw.activeEndMinutes;
  const hoursOk = isInt(start, dayMinutes.min, dayMinutes.max) && isInt(end, dayMinutes.min, dayMinutes.max) && start < end;

  const days = raw.activeDays;
  const daysOk =
    Array.isArray(days) && days.length > 0 && days.every((day) => isInt(day, 0, 6)) && new Set(days).size === days.length;

  return {
    pausesEnabled: typeof raw.pausesEnabled === 'boolean' ? raw.pausesEnabled : d.pausesEnabled,
    minIntervalMinutes: intervalOk ? minI : d.minIntervalMinutes,
    maxIntervalMinutes: intervalOk ? maxI : d.maxIntervalMinutes,
    activeStartMinutes: hoursOk ? start : d.activeStartMinutes,
    activeEndMinutes: hoursOk ? end : d.activeEndMinutes,
    activeDays: daysOk ? [...(days as number[])].sort((a, b) => a - b) : d.activeDays,
    maxPerDay: isInt(raw.maxPerDay, maxPerDay.min, maxPerDay.max) ? raw.maxPerDay : d.maxPerDay,
    delivery: oneOf(raw.delivery, DELIVERIES) ? raw.delivery : d.delivery,
    language: oneOf(raw.language, LANGUAGE_SETTINGS) ? raw.language : d.language,
  };
}

/** Why a proposed change is refused, by field; empty when it is valid. */
export type SettingsProblems = Partial<Record<keyof Settings, 'range' | 'order' | 'empty'>>;

/** Checks settings a person entered, so the form can say what to fix before anything is stored. */
export function validateSettings(settings: Settings): SettingsProblems {
  const problems: SettingsProblems = {};
  const { intervalMinutes, dayMinutes, maxPerDay } = LIMITS;
  if (!isInt(settings.minIntervalMinutes, intervalMinutes.min, intervalMinutes.max)) problems.minIntervalMinutes = 'range';
  if (!isInt(settings.maxIntervalMinutes, intervalMinutes.min, intervalMinutes.max)) problems.maxIntervalMinutes = 'range';
  else if (settings.minIntervalMinutes > settings.maxIntervalMinutes) problems.maxIntervalMinutes = 'order';
  if (!isInt(settings.activeStartMinutes, dayMinutes.min, dayMinutes.max)) problems.activeStartMinutes = 'range';
  if (!isInt(settings.activeEndMinutes, dayMinutes.min, dayMinutes.max)) problems.activeEndMinutes = 'range';
  else if (settings.activeStartMinutes >= settings.activeEndMinutes) problems.activeEndMinutes = 'order';
  if (settings.activeDays.length === 0) problems.activeDays = 'empty';
  if (!isInt(settings.maxPerDay, maxPerDay.min, maxPerDay.max)) problems.maxPerDay = 'range';
  return problems;
}

