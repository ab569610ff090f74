/**
 * The UI's languages and every string the UI shows. Manifest strings live in
 * public/_locales because the browser reads them before any of our code runs.
 */
import { storageMessage } from '@/utils/errors';
import { LOCALES, type Locale } from '@/utils/model/values';

// The one list of languages is the model's (a note's locale is stored); the UI re-exports it.
export { LOCALES, type Locale };

/** Maps a browser language tag (`nl`, `nl-BE`, `nl_NL`, `en-US`, ...) to a UI locale: Dutch for `nl*`, else English. */
export function resolveLocale(tag: string | undefined): Locale {
  return /^nl(?:[-_]|$)/i.test(tag ?? '') ? 'nl' : 'en';
}

const isMac = (): boolean => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
/** The modifier key people press with Enter to save: ⌘ on Apple keyboards, Ctrl elsewhere. */
export const saveShortcut = (): string => (isMac() ? '⌘+Enter' : 'Ctrl+Enter');

const en = {
  appName: 'Adempauze',
  tagline: 'A breathing space',
  kindQuestion: 'Reflection question',
  kindStep: 'Small step',
  answerLabel: 'Your answer',
  answerPlaceholder: 'A few lines are enough.',
  save: 'Save',
  saving: 'Saving…',
  saveHint: (shortcut: string) => `${shortcut} saves`,
  saved: 'Saved in your journal.',
  emptyAnswer: 'Write a few words first: an empty answer is not saved.',
  saveFailed: (detail: string) => `Could not save (${detail}). Your text is still here; try again.`,
  saveUnavailable:
    'Your browser is not letting Adempauze store notes right now (private mode or storage turned off). What you typed is still here; it is kept as a draft on this device.',
  saveFull: 'There is no room left on this device to save. Your text is still here; free some space and press Save again.',
  another: 'Another one',
  draftKept: 'Your unsaved answer is kept with the previous prompt; it returns when that prompt does.',
  draftRestored: 'Your unsaved answer is back.',
  openJournal: 'Open your journal',
  offerTitle: 'Time for a pause?',
  offerMessage: 'A few slow breaths and one question, whenever you are ready.',
  takePause: 'Take a pause',
  later: 'Later',
  pausesHeading: 'Pauses',
  pausesOff: 'Pauses are off.',
  offerOpen: 'A pause is waiting for you.',
  pausedUntilTomorrow: 'Paused until tomorrow.',
  pausedUntil: (time: string) => `Paused until ${time}.`,
  nextPauseAround: (time: string) => `Next pause around ${time}.`,
  noPausePlanned: 'No pause planned.',
  pauseForHour: 'Pause for an hour',
  pauseForToday: 'Pause for today',
  resumePauses: 'Resume pauses',
  pauseTitle: 'Pause',
  breatheHeading: 'Take three slow breaths',
  breatheIn: 'Breathe in…',
  breatheOut: 'Breathe out…',
  breathCount: (breath: number, total: number) => `Breath ${breath} of ${total}`,
  skipBreathing: 'Skip',
  leaveGroup: 'Leave this pause',
  notNow: 'Not now',
  snoozeHour: 'Snooze 1 hour',
  noMoreToday: 'No more today',
  savedPause: 'Saved. Thank you for taking a moment.',
  closesByItself: 'This window closes by itself.',
  close: 'Close',
  allPromptsHidden: 'Every prompt is hidden. Show some again, or add your own, under Prompts in your journal.',
};

/** The shape every language must fill: the same keys, the same parameters. */
export type Messages = typeof en;

const nl: Messages = {
  appName: 'Adempauze',
  tagline: 'Even een moment voor jezelf',
  kindQuestion: 'Reflectievraag',
  kindStep: 'Kleine stap',
  answerLabel: 'Jouw antwoord',
  answerPlaceholder: 'Een paar regels is genoeg.',
  save: 'Bewaren',
  saving: 'Bewaren…',
  saveHint: (shortcut: string) => `${shortcut} bewaart`,
  saved: 'Bewaard in je dagboek.',
  emptyAnswer: 'Schrijf eerst een paar woorden: een leeg antwoord wordt niet bewaard.',
  saveFailed: (detail: string) => `Bewaren lukte niet (${detail}). Je tekst staat er nog; probeer het opnieuw.`,
  saveUnavailable:
    'Je browser laat Adempauze nu geen notities bewaren (privémodus of opslag uitgeschakeld). Wat je typte staat er nog; het blijft als concept op dit apparaat bewaard.',
  saveFull: 'Er is geen ruimte meer op dit apparaat om te bewaren. Je tekst staat er nog; maak wat ruimte vrij en druk opnieuw op Bewaren.',
  another: 'Een andere',
  draftKept: 'Je onbewaarde antwoord blijft bij de vorige vraag; het komt terug als die vraag terugkomt.',
  draftRestored: 'Je onbewaarde antwoord staat er weer.',
  openJournal: 'Open je dagboek',
  offerTitle: 'Tijd voor een adempauze?',
  offerMessage: 'Een paar rustige ademhalingen en één vraag, wanneer je er klaar voor bent.',
  takePause: 'Neem een pauze',
  later: 'Straks',
  pausesHeading: 'Pauzes',
  pausesOff: 'Pauzes staan uit.',
  offerOpen: 'Er staat een pauze voor je klaar.',
  pausedUntilTomorrow: 'Gepauzeerd tot morgen.',
  pausedUntil: (time: string) => `Gepauzeerd tot ${time}.`,
  nextPauseAround: (time: string) => `Volgende pauze rond ${time}.`,
  noPausePlanned: 'Geen pauze gepland.',
  pauseForHour: 'Pauzeer een uur',
  pauseForToday: 'Pauzeer voor vandaag',
  resumePauses: 'Pauzes hervatten',
  pauseTitle: 'Pauze',
  breatheHeading: 'Adem drie keer rustig in en uit',
  breatheIn: 'Adem in…',
  breatheOut: 'Adem uit…',
  breathCount: (breath: number, total: number) => `Ademhaling ${breath} van ${total}`,
  skipBreathing: 'Overslaan',
  leaveGroup: 'Deze pauze verlaten',
  notNow: 'Nu niet',
  snoozeHour: 'Over een uur',
  noMoreToday: 'Vandaag niet meer',
  savedPause: 'Bewaard. Fijn dat je even de tijd nam.',
  closesByItself: 'Dit venster sluit vanzelf.',
  close: 'Sluiten',
  allPromptsHidden: 'Alle vragen zijn verborgen. Zet er een paar terug, of voeg je eigen vragen toe, onder Vragen in je dagboek.',
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, nl };

/** What the popup and the pause window say when an answer could not be stored. */
export function saveProblem(error: unknown, t: Messages): string {
  return storageMessage(error, { unavailable: t.saveUnavailable, full: t.saveFull, other: t.saveFailed });
}

/** The UI strings of one locale. */
export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** A date and time as people of this locale read it, e.g. "25 Nov 2026, 14:20" / "25 nov 2026, 14:20". */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A moment as "14:20" when it is on the same day as `now`, else with its weekday: "Mon 09:12" / "ma 09:12". */
export function formatMoment(ms: number, now: number, locale: Locale): string {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(ms);
  if (new Date(ms).toDateString() === new Date(now).toDateString()) return time;
  return `${new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(ms)} ${time}`;
}

/** The name of a weekday, 0 = Sunday … 6 = Saturday. */
export function weekdayName(day: number, locale: Locale): string {
  // 4 January 1970 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day));
}

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', nl: 'Nederlands' };
