import { useEffect, useId, useState } from 'preact/hooks';
import { InsightsCalendar } from '@/components/InsightsCalendar';
import { PROMPTS, type Prompt } from '@/content/prompts';
import type { Locale } from '@/utils/i18n/messages';
import { readProblem, type JournalMessages } from '@/utils/i18n/journal';
import {
  calendarDays,
  calendarStart,
  daysWithPause,
  monthSummaries,
  pauseCounts,
  topPrompts,
  type CalendarDay,
  type MonthSummary,
  type PauseCounts,
  type PromptCount,
} from '@/utils/insights/insights';
import { countNotesByPrompt, listNoteTimes } from '@/utils/db/notes';
import { listCustomPrompts } from '@/utils/db/prompts';
import { listPauseEvents } from '@/utils/db/events';
import './insights.css';

/** How many prompts "answered most" lists. */
const TOP_PROMPTS = 5;

interface Insights {
  readonly days: readonly CalendarDay[];
  readonly months: readonly MonthSummary[];
  readonly counts: PauseCounts;
  readonly top: readonly PromptCount[];
  /** The person's own prompts by id, for their text. */
  readonly customTexts: ReadonlyMap<string, string>;
}

type InsightsState = { status: 'loading' } | { status: 'ready'; insights: Insights } | { status: 'error'; error: unknown };

/** Reads what the insights need, from indexes only (no note bodies), and sums it up. */
async function loadInsights(now: number): Promise<Insights> {
  const since = calendarStart(now);
  const custom = await listCustomPrompts();
  const [noteTimes, events, byPrompt] = await Promise.all([
    listNoteTimes(since),
    listPauseEvents(since),
    countNotesByPrompt([...PROMPTS.map((prompt) => prompt.id), ...custom.map((prompt) => prompt.id)]),
  ]);
  const days = calendarDays(noteTimes, events, now);
  return {
    days,
    months: monthSummaries(days),
    counts: pauseCounts(events, since),
    top: topPrompts(byPrompt, TOP_PROMPTS),
    customTexts: new Map(custom.map((prompt) => [prompt.id, prompt.text])),
  };
}

const LIBRARY = new Map<string, Prompt>(PROMPTS.map((prompt) => [prompt.id, prompt]));

/** A prompt as the list names it: a question in full, a step by its title (its text is long). */
function promptLabel(id: string, locale: Locale, customTexts: ReadonlyMap<string, string>): string {
  const prompt = LIBRARY.get(id);
  if (prompt) return prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale];
  return customTexts.get(id) ?? id;
}


interface InsightsSectionProps {
  locale: Locale;
  t: JournalMessages;
}

/** A calm look back: the days with a pause, what became of the pauses offered, the prompts answered most. */
export function InsightsSection({ locale, t }: InsightsSectionProps) {
  const [state, setState] = useState<InsightsState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    loadInsights(Date.now())
      .then((insights) => {
        if (live) setState({ status: 'ready', insights });
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'error', error });
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="insights" aria-labelledby="insights-heading">
      <h1 id="insights-heading">{t.insightsTitle}</h1>
      <p class="insights-intro">{t.insightsIntro}</p>
      {state.status === 'loading' && (
        <p role="status" class="muted">
          {t.insightsLoading}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" class="problem">
          {readProblem(state.error, t, t.insightsError)}
        </p>
      )}
      {state.status === 'ready' && <InsightsView insights={state.insights} locale={locale} t={t} />}
    </section>
  );
}

function InsightsView({ insights, locale, t }: { insights: Insights; locale: Locale; t: JournalMessages }) {
  const { days, months, counts, top, customTexts } = insights;
  const countsId = useId();
  const topId = useId();
  const nothingYet = daysWithPause(days) === 0 && top.length === 0 && Object.values(counts).every((count) => count === 0);
  if (nothingYet) return <p class="empty">{t.insightsEmpty}</p>;

  const number = (value: number) => value.toLocaleString(locale);
  const countItems: readonly (readonly [label: string, value: number])[] = [
    [t.insightsOffered, counts.offered],
    [t.insightsTaken, counts.taken],
    [t.insightsSkipped, counts.skipped],
    [t.insightsSnoozed, counts.snoozed],
    [t.insightsExpired, counts.expired],
  ];

  return (
    <>
      <div class="insights-part">
        <h2>{t.insightsCalendarHeading}</h2>
        <InsightsCalendar days={days} months={months} locale={locale} t={t} />
      </div>
      <div class="insights-part">
        <h2 id={countsId}>{t.insightsCountsHeading}</h2>
        <ul class="insights-counts" aria-labelledby={countsId}>
          {countItems.map(([label, value]) => (
            <li key={label}>
              {label} <strong>{number(value)}</strong>
            </li>
          ))}
        </ul>
        <p class="hint">{t.insightsCountsNote}</p>
      </div>
      <div class="insights-part">
        <h2 id={topId}>{t.insightsTopHeading}</h2>
        {top.length === 0 ? (
          <p class="muted">{t.insightsTopEmpty}</p>
        ) : (
          <ol class="insights-top" aria-labelledby={topId}>
            {top.map(({ id, count }) => (
              <li key={id}>
                <span class="insights-top-prompt">{promptLabel(id, locale, customTexts)}</span>{' '}
                <span class="insights-top-count">{t.noteCount(count)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
