/**
 * The allowed values of every stored field that has a fixed set: one list each, used by the
 * schemas of the model, the backup file, the settings form and the UI.
 *
 * This file imports nothing, valibot included: the pages' first paint reads the language mirror
 * with LANGUAGE_SETTINGS and may not load valibot (scripts/sizes.mjs).
 */

/** The UI languages, and the languages a note can be written in. */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** The kinds of prompt a note can answer: a reflection question or a small step. */
export const PROMPT_KINDS = ['question', 'step'] as const;

/** Where a note was written. */
export const NOTE_SOURCES = ['popup', 'pause'] as const;
export type NoteSource = (typeof NOTE_SOURCES)[number];

/**
 * How a moment felt, from heavy to light: a note may carry one. Words, not a score, so no feeling
 * is better than another and nothing adds them up.
 */
export const FEELINGS = ['heavy', 'tense', 'okay', 'calm', 'light'] as const;
export type Feeling = (typeof FEELINGS)[number];

/** What can happen to a pause. */
export const EVENT_TYPES = ['offered', 'answered', 'skipped', 'snoozed', 'expired'] as const;
export type PauseEventType = (typeof EVENT_TYPES)[number];

/** How an offer of a pause shows itself. */
export const DELIVERIES = ['notification', 'window', 'badge'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** The language setting: the browser's, or one of the UI languages. */
export const LANGUAGE_SETTINGS = ['browser', ...LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];
