/**
 * The English strings of the journal's looking back that load after its first screen: the Insights
 * section, On this day, the tags, and choosing how a note felt. They load with those parts
 * (utils/i18n/looking-back-journal.ts). English defines the shape.
 */
import { numbersIn } from './format';

const { plural } = numbersIn('en');

export const lookingBackJournalEn = {
  // Insights: a look back over the last 12 months
  insightsIntro: 'A look back over the last 12 months, only for you.',
  insightsLoading: 'Gathering your pauses…',
  insightsError: (detail: string) => `Your insights could not be opened (${detail}).`,
  insightsEmpty: 'Your calendar fills in as you take pauses.',
  insightsCalendarHeading: 'Days with a pause',
  insightsCalendarTitle: 'Calendar of the last 12 months',
  insightsCalendarSummary: (days: number) =>
    days === 0
      ? 'No days with a pause yet in the last 12 months'
      : plural(days, { one: 'A pause on # day in the last 12 months', other: 'Pauses on # days in the last 12 months' }),
  insightsDayTitle: (date: string, count: number) =>
    `${date}: ${count === 0 ? 'no pause' : plural(count, { one: '# pause', other: '# pauses' })}`,
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
  // On this day, the tags, choosing how a note felt, how days felt
  noFeeling: 'No feeling',
  feelingQuestion: 'How did it feel?',
  feelingConflict: (now: string) =>
    `This note was changed elsewhere (another tab or an import) while you chose. How it felt there: ${now}.`,
  keepTheirFeeling: 'Keep that',
  useMyFeeling: (mine: string) => `Use “${mine}”`,
  tagsLabel: 'Your tags',
  moreTags: (count: number) => plural(count, { one: '# more tag', other: '# more tags' }),
  fewerTags: 'Fewer tags',
  onThisDayHeading: 'On this day',
  onThisDayWeek: 'A week ago',
  onThisDayMonth: 'A month ago',
  onThisDayYear: 'A year ago',
  onThisDayNear: (offset: number) =>
    offset > 0
      ? plural(offset, { one: '# day later', other: '# days later' })
      : plural(-offset, { one: '# day earlier', other: '# days earlier' }),
  onThisDayHide: 'Hide for today',
  onThisDayHidden: 'On this day is hidden until tomorrow.',
  insightsViewLabel: 'Calendar view',
  insightsViewAnswers: 'Answers per day',
  insightsViewFeelings: 'How days felt',
  feelingsCalendarTitle: 'How days felt in the last 12 months',
  feelingsCalendarSummary: (days: number) =>
    days === 0
      ? 'No feelings chosen yet in the last 12 months'
      : plural(days, { one: 'A feeling chosen on # day in the last 12 months', other: 'Feelings chosen on # days in the last 12 months' }),
  feelingsDayTitle: (date: string, counts: string) => `${date}: ${counts}`,
  feelingsDayNone: 'no feeling chosen',
  feelingsMixed: 'Mixed',
  feelingsLegend: 'Each colour is one feeling; a day shows the one chosen most.',
  feelingsLoading: 'Gathering how days felt…',
  feelingsEmpty: 'Say how a moment felt when you write, or later in the journal, and the days fill in here.',
  feelingsTotalsCaption: 'How often each feeling was chosen in the last 12 months',
  feelingsDaysCaption: 'Feelings per day',
  feelingsDay: 'Day',
};

/** The journal's Looking back strings, as every language must fill them. */
export type LookingBackJournalOnlyMessages = typeof lookingBackJournalEn;
