/**
 * The UI's languages and every string the UI shows. Manifest strings live in
 * public/_locales because the browser reads them before any of our code runs.
 */
import { browser } from 'wxt/browser';

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a browser language tag (`nl`, `nl-BE`, `nl_NL`, `en-US`, ...) to a UI locale: Dutch for `nl*`, else English. */
export function resolveLocale(tag: string | undefined): Locale {
  return /^nl(?:[-_]|$)/i.test(tag ?? '') ? 'nl' : 'en';
}

/** The locale the browser's UI language asks for. Synchronous, so first paint is already in the right language. */
export function uiLocale(): Locale {
  return resolveLocale(browser.i18n.getUILanguage());
}

const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
/** The modifier key people press with Enter to save: ⌘ on Apple keyboards, Ctrl elsewhere. */
export const saveShortcut = (): string => (isMac() ? '⌘+Enter' : 'Ctrl+Enter');

const en = {
  appName: 'Adempauze',
  tagline: 'A breathing space',
  kindQuestion: 'Reflection question',
  kindStep: 'Small step',
  kindLine: 'From the article',
  answerLabel: 'Your answer',
  answerPlaceholder: 'A few lines are enough.',
  save: 'Save',
  saving: 'Saving…',
  saveHint: (shortcut: string) => `${shortcut} saves`,
  saved: 'Saved in your journal.',
  emptyAnswer: 'Write a few words first: an empty answer is not saved.',
  saveFailed: (detail: string) => `Could not save (${detail}). Your text is still here; try again.`,
  another: 'Another one',
  draftKept: 'Your unsaved answer is kept with the previous prompt; it returns when that prompt does.',
  draftRestored: 'Your unsaved answer is back.',
  openJournal: 'Open your journal',
  journalTitle: 'Your journal',
  journalIntro: 'Everything you write stays on this device.',
  notesLoading: 'Opening your notes…',
  notesEmpty: 'No notes yet. Click the Adempauze icon in the toolbar, answer a question, and it appears here.',
  notesError: (detail: string) => `Your notes could not be opened (${detail}).`,
  noteCount: (count: number) => (count === 1 ? '1 note' : `${count.toLocaleString('en')} notes`),
  loadMore: 'Show older notes',
  loadingMore: 'Loading…',
  answeredOn: 'Written',
  storageUnavailable: 'The browser does not allow this extension to store data right now',
};

/** The shape every language must fill: the same keys, the same parameters. */
export type Messages = typeof en;

const nl: Messages = {
  appName: 'Adempauze',
  tagline: 'Even een moment voor jezelf',
  kindQuestion: 'Reflectievraag',
  kindStep: 'Kleine stap',
  kindLine: 'Uit het artikel',
  answerLabel: 'Jouw antwoord',
  answerPlaceholder: 'Een paar regels is genoeg.',
  save: 'Bewaren',
  saving: 'Bewaren…',
  saveHint: (shortcut: string) => `${shortcut} bewaart`,
  saved: 'Bewaard in je dagboek.',
  emptyAnswer: 'Schrijf eerst een paar woorden: een leeg antwoord wordt niet bewaard.',
  saveFailed: (detail: string) => `Bewaren lukte niet (${detail}). Je tekst staat er nog; probeer het opnieuw.`,
  another: 'Een andere',
  draftKept: 'Je onbewaarde antwoord blijft bij de vorige vraag; het komt terug als die vraag terugkomt.',
  draftRestored: 'Je onbewaarde antwoord staat er weer.',
  openJournal: 'Open je dagboek',
  journalTitle: 'Je dagboek',
  journalIntro: 'Alles wat je schrijft, blijft op dit apparaat.',
  notesLoading: 'Je notities worden geopend…',
  notesEmpty:
    'Nog geen notities. Klik op het Adempauze-icoon in de werkbalk, beantwoord een vraag, en je antwoord verschijnt hier.',
  notesError: (detail: string) => `Je notities konden niet worden geopend (${detail}).`,
  noteCount: (count: number) => (count === 1 ? '1 notitie' : `${count.toLocaleString('nl')} notities`),
  loadMore: 'Oudere notities tonen',
  loadingMore: 'Laden…',
  answeredOn: 'Geschreven',
  storageUnavailable: 'De browser staat deze extensie nu niet toe gegevens te bewaren',
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, nl };

/** The UI strings of one locale. */
export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** A date and time as people of this locale read it, e.g. "25 Nov 2026, 14:20" / "25 nov 2026, 14:20". */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
