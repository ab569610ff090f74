/**
 * The strings of the journal (options page and print view). They live beside utils/i18n.ts, not
 * in it, because the popup, the pause window and the background never show them and must stay
 * small: a page loads only the strings of the surfaces it has. Both files hold every string in
 * both languages; tests/unit/i18n.test.ts checks them alike.
 */
import { storageMessage } from '@/utils/errors';
import { MESSAGES, type Locale, type Messages } from '@/utils/i18n/messages';

const en = {
  journalTitle: 'Your journal',
  journalIntro: 'Everything you write stays on this device.',
  notesLoading: 'Opening your notes…',
  notesEmpty: 'No notes yet. Click the Adempauze icon in the toolbar, answer a question, and it appears here.',
  notesError: (detail: string) => `Your notes could not be opened (${detail}).`,
  notesUnavailable:
    'Your notes cannot be read right now: your browser is not letting Adempauze open its storage (private mode or storage turned off). Adempauze has deleted nothing; reload this page once storage is allowed.',
  notesFull: 'Your notes cannot be read right now: there is no room left on this device. Free some space and reload this page.',
  changeUnavailable: 'Your browser is not letting Adempauze store changes right now (private mode or storage turned off); nothing was changed.',
  changeFull: 'There is no room left on this device to store the change; nothing was changed. Free some space and try again.',
  changeFailed: (detail: string) => `The change could not be stored (${detail}); nothing was changed. Try again.`,
  noteCount: (count: number) => (count === 1 ? '1 note' : `${count.toLocaleString('en')} notes`),
  loadMore: 'Show older notes',
  loading: 'Loading…',
  sectionsLabel: 'Sections',
  navJournal: 'Journal',
  navSettings: 'Settings',
  settingsTitle: 'Settings',
  pausesLegend: 'Pauses',
  pausesEnabled: 'Offer a pause now and then',
  frequencyLegend: 'How often',
  minInterval: 'At least this many minutes apart',
  maxInterval: 'At most this many minutes apart',
  activeHoursLegend: 'Active hours',
  activeFrom: 'From',
  activeUntil: 'Until',
  activeDaysLegend: 'Active days',
  maxPerDay: 'At most this many offers a day',
  deliveryLegend: 'How an offer shows',
  deliveryNotification: 'A notification and a mark on the toolbar icon',
  deliveryWindow: 'Open the pause window directly',
  deliveryBadge: 'Only a mark on the toolbar icon',
  languageLabel: 'Language',
  languageBrowser: 'Same as the browser',
  saveSettings: 'Save settings',
  settingsSaved: 'Settings saved.',
  settingsInvalid: 'Please look at the marked fields; nothing was changed.',
  settingsFailed: (detail: string) => `Settings could not be saved (${detail}).`,
  problemRange: (min: number, max: number) => `Choose a whole number from ${min} to ${max}.`,
  problemIntervalOrder: 'This must be at least the smallest number of minutes.',
  problemTime: 'Choose a time.',
  problemHoursOrder: 'This must be later than the start.',
  problemDays: 'Choose at least one day.',
  editAnswerLabel: 'Edit your answer',
  saveEdit: 'Save changes',
  cancelEdit: 'Cancel',
  editNote: 'Edit',
  deleteNote: 'Delete',
  allAnswersToPrompt: 'All answers to this prompt',
  noteDeleted: 'Note deleted.',
  undo: 'Undo',
  noteRestored: 'Note restored.',
  noteUpdated: 'Changes saved.',
  editConflict: 'This note was changed elsewhere (another tab or an import) while you were editing it. The newer text:',
  editConflictDeleted: 'This note was deleted elsewhere (another tab or an import) while you were editing it.',
  keepTheirs: 'Keep the newer text',
  keepMine: 'Keep my edit',
  keepBoth: 'Keep both',
  leaveDeleted: 'Leave it deleted',
  deleteConflict: 'This note was changed elsewhere since it was shown, so it was not deleted. The newer text:',
  deleteAnyway: 'Delete it anyway',
  keepNote: 'Keep it',
  keptBoth: 'Both are kept: your edit is a note of its own.',
  keptTheirs: 'The newer text is kept.',
  searchLabel: 'Search your notes',
  searchPlaceholder: 'Words from a question or an answer',
  kindFilterLabel: 'Kind',
  kindAll: 'Questions and steps',
  kindQuestions: 'Questions',
  kindSteps: 'Small steps',
  promptFilterLabel: 'Prompt',
  promptAll: 'All prompts',
  ownPromptsGroup: 'Your own prompts',
  clearFilters: 'Clear search and filters',
  preparingSearch: 'Preparing search…',
  resultCount: (count: number) => (count === 1 ? '1 note found' : `${count.toLocaleString('en')} notes found`),
  noResults: 'No notes match. Try fewer or other words.',
  promptViewHeading: 'Every answer to this prompt, over time',
  hideAnswers: 'Hide answers (for screen sharing)',
  hideAnswersHint: 'Answers stay blurred until you move focus or the pointer onto one.',
  navPrompts: 'Prompts',
  navBackup: 'Backup',
  promptsTitle: 'Prompts',
  promptsIntro: 'Every question and small step from the article. Hide the ones that are not for you, and add your own.',
  hidePrompt: 'Not for me',
  showPromptAgain: 'Show again',
  hiddenLabel: 'hidden',
  promptHidden: 'Hidden: it will not be offered.',
  promptShown: 'It will be offered again.',
  answerCount: (count: number) => (count === 0 ? 'Not answered yet' : count === 1 ? 'Answered once' : `Answered ${count.toLocaleString('en')} times`),
  newOwnPrompt: 'A question of your own',
  newOwnPromptPlaceholder: 'What would you like to ask yourself?',
  addOwnPrompt: 'Add',
  editOwnPrompt: 'Your question',
  ownPromptEmpty: 'Write your question first.',
  ownPromptTooLong: (max: number) => `Keep it under ${max} characters.`,
  ownPromptAdded: 'Added: it joins the random choice.',
  ownPromptSaved: 'Saved.',
  ownPromptDeleted: 'Deleted. Your answers to it stay in the journal.',
  backupTitle: 'Backup',
  backupIntro: 'Your notes are kept only in this browser.',
  backupLastExport: (date: string) => `Last export: ${date}.`,
  backupNoExportYet: 'No export made yet.',
  backupReminderNone: 'Uninstalling the extension deletes your notes. Export a backup and keep the file somewhere safe.',
  backupReminderOld:
    'Your last export is more than 30 days old. Uninstalling the extension deletes your notes, so a fresh export is worth a moment.',
  backupExportHeading: 'Export',
  backupExportJson: 'Export everything (JSON)',
  backupExportMarkdown: 'Export notes as Markdown',
  backupPrint: 'Print or save as PDF',
  backupExportHint:
    'The JSON file holds your notes, pause history, your own questions and your settings; it is the only one you can import again. Markdown and PDF are for reading.',
  backupExporting: 'Preparing the file…',
  backupExported: (fileName: string) => `Downloaded as ${fileName}.`,
  backupLeftOut: (kind: keyof LeftOut, count: number) => {
    const one = count === 1;
    const what = {
      notes: one ? 'note' : 'notes',
      events: one ? 'record of a pause' : 'records of pauses',
      prompts: one ? 'own prompt' : 'own prompts',
      promptPrefs: one ? 'choice about a prompt' : 'choices about prompts',
    }[kind];
    return `${count.toLocaleString('en')} ${what} could not be read and ${one ? 'was' : 'were'} left out.`;
  },
  backupExportFailed: (detail: string) => `The export did not work (${detail}).`,
  backupImportHeading: 'Import',
  backupImportLabel: 'Import a backup file (JSON)',
  backupImportHint:
    'Notes are merged with the ones already here; nothing is deleted. Where a note is in both, the most recently changed version stays. The settings from the file replace the current ones.',
  backupProgressLabel: 'Import progress',
  backupChecking: 'Checking the file…',
  backupImporting: (done: number, total: number) =>
    `Importing… ${new Intl.NumberFormat('en').format(done)} of ${new Intl.NumberFormat('en').format(total)}`,
  backupImported: (summary: { added: number; updated: number; unchanged: number }) =>
    `Import complete: ${new Intl.NumberFormat('en').format(summary.added)} new, ${new Intl.NumberFormat('en').format(summary.updated)} updated, ${new Intl.NumberFormat('en').format(summary.unchanged)} already here.`,
  backupInvalid: 'This file could not be imported, and nothing was changed. What was wrong:',
  backupMoreProblems: (count: number) => `…and ${new Intl.NumberFormat('en').format(count)} more.`,
  backupImportFailed: (detail: string) => `The import did not finish (${detail}). Importing the same file again is safe.`,
  backupImportUnavailable: 'Your browser is not letting Adempauze store anything right now (private mode or storage turned off); nothing was imported.',
  backupImportFull: 'There is no room left on this device for this backup; nothing was imported. Free some space and import the file again.',
  backupTooLarge: (megabytes: number) => `The file is larger than ${megabytes} MB: too large for an Adempauze backup.`,
  backupNotJson: 'The file is not complete JSON; it may have been cut off or damaged.',
  backupNotBackupFile: 'This is not an Adempauze backup file.',
  backupNotBackup: 'expected "adempauze-backup"; this is not an Adempauze backup file',
  backupUnknownVersion: 'expected 1; this file may come from a newer Adempauze',
  backupExpectedNumber: 'expected a number',
  backupExpectedWholeNumber: 'expected a whole number',
  backupExpectedText: 'expected text',
  backupExpectedBoolean: 'expected true or false',
  backupExpectedList: 'expected a list',
  backupExpectedObject: 'expected an object',
  backupMissing: 'missing',
  backupUnknownField: 'unknown field',
  backupBadId: 'expected an id of 1 to 100 letters, digits, - or _',
  backupDuplicateId: (firstPath: string) => `already used by ${firstPath}`,
  backupTooLong: (max: number) => `too long (at most ${new Intl.NumberFormat('en').format(max)} characters)`,
  backupBlank: 'expected some text, not only spaces',
  backupBadTime: 'expected a time between the years 2000 and 2100, in milliseconds',
  backupAtLeast: (other: string) => `expected at least ${other}`,
  backupLaterThan: (other: string) => `expected later than ${other}`,
  backupOneOf: (options: string) => `expected one of: ${options}`,
  backupRange: (min: number, max: number) => `expected a whole number from ${min} to ${max}`,
  backupEmptyList: 'expected at least one',
  backupRepeated: 'expected each value only once',
  backupInvalidValue: 'not valid',
  printEmpty: 'There are no notes to print yet.',
  printAsOf: (date: string) => `As of ${date}`,
  navInsights: 'Insights',
  insightsTitle: 'Insights',
  insightsIntro: 'A look back over the last 12 months, only for you.',
  insightsLoading: 'Gathering your pauses…',
  insightsError: (detail: string) => `Your insights could not be opened (${detail}).`,
  insightsEmpty: 'Your calendar fills in as you take pauses.',
  insightsCalendarHeading: 'Days with a pause',
  insightsCalendarTitle: 'Calendar of the last 12 months',
  insightsCalendarSummary: (days: number) =>
    days === 0
      ? 'No days with a pause yet in the last 12 months'
      : days === 1
        ? 'A pause on 1 day in the last 12 months'
        : `Pauses on ${days.toLocaleString('en')} days in the last 12 months`,
  insightsDayTitle: (date: string, count: number) =>
    `${date}: ${count === 0 ? 'no pause' : count === 1 ? '1 pause' : `${count} pauses`}`,
  insightsLegendFewer: 'Fewer',
  insightsLegendMore: 'More',
  insightsShowTable: 'Show as a table',
  insightsTableCaption: 'Days with a pause and notes, per month',
  insightsMonth: 'Month',
  insightsDaysWithPause: 'Days with a pause',
  insightsNotes: 'Notes',
  insightsCountsHeading: 'Pauses offered in the last 12 months',
  insightsOffered: 'Offered',
  insightsTaken: 'Taken',
  insightsSkipped: 'Not now',
  insightsSnoozed: 'Snoozed',
  insightsExpired: 'Let pass',
  insightsCountsNote: '“Not now” is an answer too: a pause is an offer, never a demand.',
  insightsTopHeading: 'The prompts you answered most',
  insightsTopEmpty: 'The questions and steps you answer most will appear here.',
};

/** The journal's own strings: the same keys, the same parameters, in every language. */
export type JournalOnlyMessages = typeof en;

const nl: JournalOnlyMessages = {
  journalTitle: 'Je dagboek',
  journalIntro: 'Alles wat je schrijft, blijft op dit apparaat.',
  notesLoading: 'Je notities worden geopend…',
  notesEmpty:
    'Nog geen notities. Klik op het Adempauze-icoon in de werkbalk, beantwoord een vraag, en je antwoord verschijnt hier.',
  notesError: (detail: string) => `Je notities konden niet worden geopend (${detail}).`,
  notesUnavailable:
    'Je notities kunnen nu niet worden gelezen: je browser laat Adempauze zijn opslag niet openen (privémodus of opslag uitgeschakeld). Adempauze heeft niets gewist; laad deze pagina opnieuw zodra opslag weer mag.',
  notesFull: 'Je notities kunnen nu niet worden gelezen: er is geen ruimte meer op dit apparaat. Maak wat ruimte vrij en laad deze pagina opnieuw.',
  changeUnavailable: 'Je browser laat Adempauze nu geen wijzigingen bewaren (privémodus of opslag uitgeschakeld); er is niets veranderd.',
  changeFull: 'Er is geen ruimte meer op dit apparaat om de wijziging te bewaren; er is niets veranderd. Maak wat ruimte vrij en probeer het opnieuw.',
  changeFailed: (detail: string) => `De wijziging kon niet worden bewaard (${detail}); er is niets veranderd. Probeer het opnieuw.`,
  noteCount: (count: number) => (count === 1 ? '1 notitie' : `${count.toLocaleString('nl')} notities`),
  loadMore: 'Oudere notities tonen',
  loading: 'Laden…',
  sectionsLabel: 'Onderdelen',
  navJournal: 'Dagboek',
  navSettings: 'Instellingen',
  settingsTitle: 'Instellingen',
  pausesLegend: 'Pauzes',
  pausesEnabled: 'Af en toe een pauze aanbieden',
  frequencyLegend: 'Hoe vaak',
  minInterval: 'Minstens zoveel minuten ertussen',
  maxInterval: 'Hoogstens zoveel minuten ertussen',
  activeHoursLegend: 'Actieve uren',
  activeFrom: 'Van',
  activeUntil: 'Tot',
  activeDaysLegend: 'Actieve dagen',
  maxPerDay: 'Hoogstens zoveel pauzes per dag',
  deliveryLegend: 'Hoe een pauze zich aandient',
  deliveryNotification: 'Een melding en een teken op het werkbalkicoon',
  deliveryWindow: 'Meteen het pauzevenster openen',
  deliveryBadge: 'Alleen een teken op het werkbalkicoon',
  languageLabel: 'Taal',
  languageBrowser: 'Zoals de browser',
  saveSettings: 'Instellingen bewaren',
  settingsSaved: 'Instellingen bewaard.',
  settingsInvalid: 'Kijk de gemarkeerde velden nog even na; er is niets veranderd.',
  settingsFailed: (detail: string) => `De instellingen konden niet worden bewaard (${detail}).`,
  problemRange: (min: number, max: number) => `Kies een heel getal van ${min} tot ${max}.`,
  problemIntervalOrder: 'Dit moet minstens het kleinste aantal minuten zijn.',
  problemTime: 'Kies een tijd.',
  problemHoursOrder: 'Dit moet later zijn dan het begin.',
  problemDays: 'Kies minstens één dag.',
  editAnswerLabel: 'Je antwoord bewerken',
  saveEdit: 'Wijzigingen bewaren',
  cancelEdit: 'Annuleren',
  editNote: 'Bewerken',
  deleteNote: 'Verwijderen',
  allAnswersToPrompt: 'Alle antwoorden op deze vraag',
  noteDeleted: 'Notitie verwijderd.',
  undo: 'Ongedaan maken',
  noteRestored: 'Notitie teruggezet.',
  noteUpdated: 'Wijzigingen bewaard.',
  editConflict: 'Deze notitie is ergens anders gewijzigd (in een ander tabblad of door een import) terwijl je haar bewerkte. De nieuwere tekst:',
  editConflictDeleted: 'Deze notitie is ergens anders verwijderd (in een ander tabblad of door een import) terwijl je haar bewerkte.',
  keepTheirs: 'Nieuwere tekst houden',
  keepMine: 'Mijn bewerking houden',
  keepBoth: 'Beide houden',
  leaveDeleted: 'Verwijderd laten',
  deleteConflict: 'Deze notitie is ergens anders gewijzigd sinds ze werd getoond, dus ze is niet verwijderd. De nieuwere tekst:',
  deleteAnyway: 'Toch verwijderen',
  keepNote: 'Houden',
  keptBoth: 'Beide zijn bewaard: je bewerking is een eigen notitie.',
  keptTheirs: 'De nieuwere tekst is gehouden.',
  searchLabel: 'Zoek in je notities',
  searchPlaceholder: 'Woorden uit een vraag of antwoord',
  kindFilterLabel: 'Soort',
  kindAll: 'Vragen en stappen',
  kindQuestions: 'Vragen',
  kindSteps: 'Kleine stappen',
  promptFilterLabel: 'Vraag',
  promptAll: 'Alle vragen',
  ownPromptsGroup: 'Je eigen vragen',
  clearFilters: 'Zoeken en filters wissen',
  preparingSearch: 'Zoeken wordt voorbereid…',
  resultCount: (count: number) => (count === 1 ? '1 notitie gevonden' : `${count.toLocaleString('nl')} notities gevonden`),
  noResults: 'Geen notities gevonden. Probeer minder of andere woorden.',
  promptViewHeading: 'Elk antwoord op deze vraag, door de tijd heen',
  hideAnswers: 'Antwoorden verbergen (bij scherm delen)',
  hideAnswersHint: 'Antwoorden blijven wazig tot je er de focus of de muis op zet.',
  navPrompts: 'Vragen',
  navBackup: 'Reservekopie',
  promptsTitle: 'Vragen',
  promptsIntro: 'Elke vraag en kleine stap uit het artikel. Verberg wat niet bij je past, en voeg je eigen vragen toe.',
  hidePrompt: 'Niet voor mij',
  showPromptAgain: 'Weer tonen',
  hiddenLabel: 'verborgen',
  promptHidden: 'Verborgen: deze wordt niet meer aangeboden.',
  promptShown: 'Deze wordt weer aangeboden.',
  answerCount: (count: number) => (count === 0 ? 'Nog niet beantwoord' : count === 1 ? 'Eén keer beantwoord' : `${count.toLocaleString('nl')} keer beantwoord`),
  newOwnPrompt: 'Een eigen vraag',
  newOwnPromptPlaceholder: 'Wat zou je jezelf willen vragen?',
  addOwnPrompt: 'Toevoegen',
  editOwnPrompt: 'Je vraag',
  ownPromptEmpty: 'Schrijf eerst je vraag.',
  ownPromptTooLong: (max: number) => `Houd het onder de ${max} tekens.`,
  ownPromptAdded: 'Toegevoegd: hij doet mee in de willekeurige keuze.',
  ownPromptSaved: 'Bewaard.',
  ownPromptDeleted: 'Verwijderd. Je antwoorden erop blijven in je dagboek.',
  backupTitle: 'Reservekopie',
  backupIntro: 'Je notities staan alleen in deze browser.',
  backupLastExport: (date: string) => `Laatste export: ${date}.`,
  backupNoExportYet: 'Nog geen export gemaakt.',
  backupReminderNone:
    'Als je de extensie verwijdert, worden je notities gewist. Exporteer een reservekopie en bewaar het bestand op een veilige plek.',
  backupReminderOld:
    'Je laatste export is meer dan 30 dagen oud. Als je de extensie verwijdert, worden je notities gewist; een nieuwe export is dus de moeite waard.',
  backupExportHeading: 'Exporteren',
  backupExportJson: 'Alles exporteren (JSON)',
  backupExportMarkdown: 'Notities exporteren als Markdown',
  backupPrint: 'Afdrukken of opslaan als pdf',
  backupExportHint:
    'Het JSON-bestand bevat je notities, je pauzegeschiedenis, je eigen vragen en je instellingen; alleen dat bestand kun je later weer importeren. Markdown en pdf zijn om te lezen.',
  backupExporting: 'Het bestand wordt klaargemaakt…',
  backupExported: (fileName: string) => `Gedownload als ${fileName}.`,
  backupLeftOut: (kind, count) => {
    const one = count === 1;
    const what = {
      notes: one ? 'notitie' : 'notities',
      events: one ? 'gegeven over een pauze' : 'gegevens over pauzes',
      prompts: one ? 'eigen vraag' : 'eigen vragen',
      promptPrefs: one ? 'keuze over een vraag' : 'keuzes over vragen',
    }[kind];
    return `${count.toLocaleString('nl')} ${what} ${one ? 'kon' : 'konden'} niet worden gelezen en ${one ? 'is' : 'zijn'} weggelaten.`;
  },
  backupExportFailed: (detail: string) => `Het exporteren is niet gelukt (${detail}).`,
  backupImportHeading: 'Importeren',
  backupImportLabel: 'Een reservekopie importeren (JSON)',
  backupImportHint:
    'De notities worden samengevoegd met wat hier al staat; er wordt niets verwijderd. Staat een notitie op beide plekken, dan blijft de laatst gewijzigde versie. De instellingen uit het bestand vervangen de huidige.',
  backupProgressLabel: 'Voortgang van de import',
  backupChecking: 'Het bestand wordt gecontroleerd…',
  backupImporting: (done: number, total: number) =>
    `Importeren… ${new Intl.NumberFormat('nl').format(done)} van ${new Intl.NumberFormat('nl').format(total)}`,
  backupImported: (summary: { added: number; updated: number; unchanged: number }) =>
    `Importeren klaar: ${new Intl.NumberFormat('nl').format(summary.added)} nieuw, ${new Intl.NumberFormat('nl').format(summary.updated)} bijgewerkt, ${new Intl.NumberFormat('nl').format(summary.unchanged)} stonden er al.`,
  backupInvalid: 'Dit bestand kon niet worden geïmporteerd; er is niets veranderd. Wat er niet klopte:',
  backupMoreProblems: (count: number) => `…en nog ${new Intl.NumberFormat('nl').format(count)}.`,
  backupImportFailed: (detail: string) =>
    `Het importeren is niet afgerond (${detail}). Je kunt hetzelfde bestand gerust opnieuw importeren.`,
  backupImportUnavailable: 'Je browser laat Adempauze nu niets bewaren (privémodus of opslag uitgeschakeld); er is niets geïmporteerd.',
  backupImportFull:
    'Er is geen ruimte meer op dit apparaat voor deze reservekopie; er is niets geïmporteerd. Maak wat ruimte vrij en importeer het bestand opnieuw.',
  backupTooLarge: (megabytes: number) => `Het bestand is groter dan ${megabytes} MB: te groot voor een reservekopie van Adempauze.`,
  backupNotJson: 'Het bestand is geen volledige JSON; misschien is het afgekapt of beschadigd.',
  backupNotBackupFile: 'Dit is geen reservekopie van Adempauze.',
  backupNotBackup: 'verwacht "adempauze-backup"; dit is geen reservekopie van Adempauze',
  backupUnknownVersion: 'verwacht 1; misschien komt dit bestand van een nieuwere Adempauze',
  backupExpectedNumber: 'verwacht een getal',
  backupExpectedWholeNumber: 'verwacht een heel getal',
  backupExpectedText: 'verwacht tekst',
  backupExpectedBoolean: 'verwacht true of false',
  backupExpectedList: 'verwacht een lijst',
  backupExpectedObject: 'verwacht een object',
  backupMissing: 'ontbreekt',
  backupUnknownField: 'onbekend veld',
  backupBadId: 'verwacht een id van 1 tot 100 letters, cijfers, - of _',
  backupDuplicateId: (firstPath: string) => `al gebruikt bij ${firstPath}`,
  backupTooLong: (max: number) => `te lang (hoogstens ${new Intl.NumberFormat('nl').format(max)} tekens)`,
  backupBlank: 'verwacht tekst, niet alleen spaties',
  backupBadTime: 'verwacht een tijdstip tussen de jaren 2000 en 2100, in milliseconden',
  backupAtLeast: (other: string) => `verwacht minstens ${other}`,
  backupLaterThan: (other: string) => `verwacht later dan ${other}`,
  backupOneOf: (options: string) => `verwacht een van: ${options}`,
  backupRange: (min: number, max: number) => `verwacht een heel getal van ${min} tot en met ${max}`,
  backupEmptyList: 'verwacht er minstens één',
  backupRepeated: 'verwacht elke waarde maar één keer',
  backupInvalidValue: 'ongeldig',
  printEmpty: 'Er zijn nog geen notities om af te drukken.',
  printAsOf: (date: string) => `Stand van ${date}`,
  navInsights: 'Inzichten',
  insightsTitle: 'Inzichten',
  insightsIntro: 'Een terugblik op de afgelopen 12 maanden, alleen voor jou.',
  insightsLoading: 'Je pauzes worden verzameld…',
  insightsError: (detail: string) => `Je inzichten konden niet worden geopend (${detail}).`,
  insightsEmpty: 'Je kalender vult zich naarmate je pauzes neemt.',
  insightsCalendarHeading: 'Dagen met een pauze',
  insightsCalendarTitle: 'Kalender van de afgelopen 12 maanden',
  insightsCalendarSummary: (days: number) =>
    days === 0
      ? 'Nog geen dagen met een pauze in de afgelopen 12 maanden'
      : days === 1
        ? 'Een pauze op 1 dag in de afgelopen 12 maanden'
        : `Pauzes op ${days.toLocaleString('nl')} dagen in de afgelopen 12 maanden`,
  insightsDayTitle: (date: string, count: number) =>
    `${date}: ${count === 0 ? 'geen pauze' : count === 1 ? '1 pauze' : `${count} pauzes`}`,
  insightsLegendFewer: 'Minder',
  insightsLegendMore: 'Meer',
  insightsShowTable: 'Als tabel tonen',
  insightsTableCaption: 'Dagen met een pauze en notities, per maand',
  insightsMonth: 'Maand',
  insightsDaysWithPause: 'Dagen met een pauze',
  insightsNotes: 'Notities',
  insightsCountsHeading: 'Aangeboden pauzes in de afgelopen 12 maanden',
  insightsOffered: 'Aangeboden',
  insightsTaken: 'Genomen',
  insightsSkipped: 'Nu niet',
  insightsSnoozed: 'Uitgesteld',
  insightsExpired: 'Voorbijgegaan',
  insightsCountsNote: '‘Nu niet’ is ook een antwoord: een pauze is een aanbod, nooit een verplichting.',
  insightsTopHeading: 'Wat je het vaakst beantwoordde',
  insightsTopEmpty: 'De vragen en stappen die je het vaakst beantwoordt, verschijnen hier.',
};

export const JOURNAL_MESSAGES: Readonly<Record<Locale, JournalOnlyMessages>> = { en, nl };

/** Everything the journal shows: the shared strings and its own. */
export type JournalMessages = Messages & JournalOnlyMessages;

/** The strings of the journal in one locale. */
export function journalMessages(locale: Locale): JournalMessages {
  return { ...MESSAGES[locale], ...JOURNAL_MESSAGES[locale] };
}

/**
 * Why something could not be read from the database: plainly when the browser refuses storage or
 * the device is full (never an empty journal that pretends there are no notes), else the
 * surface's own message with the detail.
 */
export function readProblem(error: unknown, t: JournalMessages, other: (detail: string) => string = t.notesError): string {
  return storageMessage(error, { unavailable: t.notesUnavailable, full: t.notesFull, other });
}

/** Why a change in the journal (an edit, a delete, a prompt) was not stored. */
export function changeProblem(error: unknown, t: JournalMessages): string {
  return storageMessage(error, { unavailable: t.changeUnavailable, full: t.changeFull, other: t.changeFailed });
}

/** Why an import did not go through; it is one transaction, so nothing was written. */
export function importProblem(error: unknown, t: JournalMessages): string {
  return storageMessage(error, { unavailable: t.backupImportUnavailable, full: t.backupImportFull, other: t.backupImportFailed });
}

/** Stored rows an export had to leave out because they could not be read, by kind. */
export type LeftOut = Partial<Record<'notes' | 'events' | 'prompts' | 'promptPrefs', number>>;

/** What an export left out, one plain sentence per kind ("1 note could not be read and was left out."); empty when nothing. */
export function leftOutMessage(leftOut: LeftOut, t: JournalMessages): string {
  return (['notes', 'events', 'prompts', 'promptPrefs'] as const)
    .flatMap((kind) => {
      const count = leftOut[kind] ?? 0;
      return count > 0 ? [t.backupLeftOut(kind, count)] : [];
    })
    .join(' ');
}
