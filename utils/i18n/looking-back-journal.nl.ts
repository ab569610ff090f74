/** The Dutch strings of the journal's looking back that load after its first screen (Insights, On this day, tags, a feeling's choice). */
import { numbersIn } from './format';
import type { LookingBackJournalOnlyMessages } from './looking-back-journal.en';

const { plural } = numbersIn('nl');

export const lookingBackJournalNl: LookingBackJournalOnlyMessages = {
  // Insights: a look back over the last 12 months
  insightsIntro: 'Een terugblik op de afgelopen 12 maanden, alleen voor jou.',
  insightsLoading: 'Je pauzes worden verzameld…',
  insightsError: (detail: string) => `Je inzichten konden niet worden geopend (${detail}).`,
  insightsEmpty: 'Je kalender vult zich naarmate je pauzes neemt.',
  insightsCalendarHeading: 'Dagen met een pauze',
  insightsCalendarTitle: 'Kalender van de afgelopen 12 maanden',
  insightsCalendarSummary: (days: number) =>
    days === 0
      ? 'Nog geen dagen met een pauze in de afgelopen 12 maanden'
      : plural(days, { one: 'Een pauze op # dag in de afgelopen 12 maanden', other: 'Pauzes op # dagen in de afgelopen 12 maanden' }),
  insightsDayTitle: (date: string, count: number) =>
    `${date}: ${count === 0 ? 'geen pauze' : plural(count, { one: '# pauze', other: '# pauzes' })}`,
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
  // On this day, the tags, choosing how a note felt, how days felt
  noFeeling: 'Geen gevoel',
  feelingQuestion: 'Hoe voelde het?',
  feelingConflict: (now: string) =>
    `Deze notitie is ergens anders gewijzigd (in een ander tabblad of door een import) terwijl je koos. Hoe het daar voelde: ${now}.`,
  keepTheirFeeling: 'Dat houden',
  useMyFeeling: (mine: string) => `Toch “${mine}”`,
  tagsLabel: 'Je tags',
  moreTags: (count: number) => plural(count, { one: 'Nog # tag', other: 'Nog # tags' }),
  fewerTags: 'Minder tags',
  onThisDayHeading: 'Op deze dag',
  onThisDayWeek: 'Een week geleden',
  onThisDayMonth: 'Een maand geleden',
  onThisDayYear: 'Een jaar geleden',
  onThisDayNear: (offset: number) =>
    offset > 0
      ? plural(offset, { one: '# dag later', other: '# dagen later' })
      : plural(-offset, { one: '# dag eerder', other: '# dagen eerder' }),
  onThisDayHide: 'Verberg voor vandaag',
  onThisDayHidden: 'Op deze dag is verborgen tot morgen.',
  insightsViewLabel: 'Weergave van de kalender',
  insightsViewAnswers: 'Antwoorden per dag',
  insightsViewFeelings: 'Hoe dagen voelden',
  feelingsCalendarTitle: 'Hoe dagen voelden in de afgelopen 12 maanden',
  feelingsCalendarSummary: (days: number) =>
    days === 0
      ? 'Nog geen gevoelens gekozen in de afgelopen 12 maanden'
      : plural(days, {
          one: 'Een gevoel gekozen op # dag in de afgelopen 12 maanden',
          other: 'Gevoelens gekozen op # dagen in de afgelopen 12 maanden',
        }),
  feelingsDayTitle: (date: string, counts: string) => `${date}: ${counts}`,
  feelingsDayNone: 'geen gevoel gekozen',
  feelingsMixed: 'Gemengd',
  feelingsLegend: 'Elke kleur is één gevoel; een dag toont het gevoel dat je het vaakst koos.',
  feelingsLoading: 'Even verzamelen hoe dagen voelden…',
  feelingsEmpty: 'Zeg bij het schrijven hoe een moment voelde, of later in je dagboek, en de dagen vullen zich hier.',
  feelingsTotalsCaption: 'Hoe vaak je elk gevoel koos in de afgelopen 12 maanden',
  feelingsDaysCaption: 'Gevoelens per dag',
  feelingsDay: 'Dag',
};
