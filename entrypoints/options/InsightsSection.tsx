import { useId, useState } from 'preact/hooks';
import { FeelingCalendar, InsightsCalendar } from '@/components/InsightsCalendar';
import { Status } from '@/components/Status';
import { PROMPTS, type Prompt } from '@/content/prompts';
import { formatNumber } from '@/utils/i18n/format';
import type { Locale } from '@/utils/i18n/locale';
import { readProblem } from '@/utils/i18n/journal';
import { useLocale } from '@/utils/i18n/context';
import { useLookingBackJournalT } from '@/utils/i18n/looking-back-journal';
import { daysWithPause } from '@/utils/insights/insights';
import { useFeelingDays, useInsights, type Insights } from '@/utils/hooks/use-insights';
import './insights.css';
import { PageSection } from '@/components/PageSection';

const LIBRARY = new Map<string, Prompt>(PROMPTS.map((prompt) => [prompt.id, prompt]));

/** A prompt as the list names it: a question in full, a step by its title (its text is long). */
function promptLabel(id: string, locale: Locale, customTexts: ReadonlyMap<string, string>): string {
  const prompt = LIBRARY.get(id);
  if (prompt) return prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale];
  return customTexts.get(id) ?? id;
}

/** A calm look back: the days with a pause, what became of the pauses offered, the prompts answered most. */
export function InsightsSection() {
  const t = useLookingBackJournalT();
  const insights = useInsights();
  return (
    <PageSection name="insights" class="insights" title={t.insightsTitle} intro={t.insightsIntro}>
      <Status state={insights} loading={t.insightsLoading} failed={(error) => readProblem(error, t, t.insightsError)}>
        {(value) => <InsightsView insights={value} />}
      </Status>
    </PageSection>
  );
}

/** The calendar's two views: how many answers each day had, and how days felt. */
type CalendarView = 'answers' | 'feelings';

/** How days felt, read when first shown (it opens the notes themselves). */
function FeelingsView() {
  const t = useLookingBackJournalT();
  const feelings = useFeelingDays();
  return (
    <Status state={feelings} loading={t.feelingsLoading} failed={(error) => readProblem(error, t, t.insightsError)}>
      {(days) => (days.some((day) => day.total > 0) ? <FeelingCalendar days={days} /> : <p class="empty">{t.feelingsEmpty}</p>)}
    </Status>
  );
}

function InsightsView({ insights }: { insights: Insights }) {
  const t = useLookingBackJournalT();
  const locale = useLocale();
  const { days, months, counts, top, customTexts } = insights;
  const countsId = useId();
  const topId = useId();
  const [view, setView] = useState<CalendarView>('answers');
  const nothingYet = daysWithPause(days) === 0 && top.length === 0 && Object.values(counts).every((count) => count === 0);
  if (nothingYet) return <p class="empty">{t.insightsEmpty}</p>;

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
        <h2>{view === 'answers' ? t.insightsCalendarHeading : t.insightsViewFeelings}</h2>
        <fieldset class="insights-views">
          <legend class="visually-hidden">{t.insightsViewLabel}</legend>
          {(
            [
              ['answers', t.insightsViewAnswers],
              ['feelings', t.insightsViewFeelings],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="insights-view">
              <input type="radio" name="insights-view" value={value} checked={view === value} onChange={() => setView(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        {view === 'answers' ? <InsightsCalendar days={days} months={months} /> : <FeelingsView />}
      </div>
      <div class="insights-part">
        <h2 id={countsId}>{t.insightsCountsHeading}</h2>
        <ul class="insights-counts" aria-labelledby={countsId}>
          {countItems.map(([label, value]) => (
            <li key={label}>
              {label} <strong>{formatNumber(value, locale)}</strong>
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
