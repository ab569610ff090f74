import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { useLocale } from '@/utils/i18n/context';
import { feelingWord } from '@/utils/i18n/feelings';
import { formatDay, formatMonth, formatMonthYear, formatNumber, weekdayName } from '@/utils/i18n/format';
import { useLookingBackJournalT, type LookingBackJournalMessages } from '@/utils/i18n/looking-back-journal';
import type { Locale } from '@/utils/i18n/locale';
import {
  calendarLevel,
  daysWithPause,
  feelingTotals,
  type CalendarDay,
  type FeelingDay,
  type MonthSummary,
} from '@/utils/insights/insights';
import type { Feeling } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';

interface InsightsCalendarProps {
  /** Consecutive local days, starting on a Monday (as `calendarDays` gives them). */
  days: readonly CalendarDay[];
  /** The same days by month (as `monthSummaries` gives them), for the table. */
  months: readonly MonthSummary[];
}

// The grid in viewBox units: the SVG scales to its box, so these are proportions, not pixels.
const CELL = 12;
const STEP = 15;
const LEFT = 34;
const TOP = 20;
/** Room for a month label that starts in the last column. */
const RIGHT = 20;
const LEVELS = [0, 1, 2, 3, 4] as const;
/** A month's label needs about this many columns before the next one starts. */
const LABEL_COLUMNS = 3;

interface MonthLabel {
  readonly column: number;
  readonly text: string;
}

/** Where each month's name goes: above the week holding its first day. */
function monthLabels(days: readonly { readonly start: number }[], locale: Locale): MonthLabel[] {
  const labels: MonthLabel[] = [];
  days.forEach((day, index) => {
    if (new Date(day.start).getDate() === 1) labels.push({ column: Math.floor(index / 7), text: formatMonth(day.start, locale) });
  });
  // The first, partial month gets a label only where it does not run into the next one.
  const first = days[0];
  if (first && new Date(first.start).getDate() !== 1 && (labels[0]?.column ?? Infinity) >= LABEL_COLUMNS) {
    labels.unshift({ column: 0, text: formatMonth(first.start, locale) });
  }
  return labels;
}

interface CalendarGridProps<Day extends { readonly start: number }> {
  days: readonly Day[];
  /** The grid's name, and a sentence summing it up. */
  title: string;
  summary: string;
  /** A day's tint (a class of insights.css) and its name in words, with its numbers. */
  cell: (day: Day) => { readonly tint: string; readonly label: string };
}

/**
 * A year at a glance: one column per week, Monday to Sunday from top to bottom, each day a tinted
 * cell named in words. Both calendars (answers per day, how days felt) are this grid.
 */
function CalendarGrid<Day extends { readonly start: number }>({ days, title, summary, cell }: CalendarGridProps<Day>) {
  const locale = useLocale();
  const titleId = useId();
  const descId = useId();
  // Rows run Monday … Sunday (weekday 1 … 6, then 0).
  const weekdays = [1, 2, 3, 4, 5, 6, 0].map((day) => weekdayName(day, locale, 'short'));
  const columns = Math.ceil(days.length / 7);
  const width = LEFT + columns * STEP + RIGHT;
  const height = TOP + 7 * STEP;
  const lastIndex = days.length - 1;

  return (
    // At high zoom the grid may scroll sideways; focusable so keyboards can scroll it too.
    <div class="insights-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
      <svg class="insights-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {monthLabels(days, locale).map((label) => (
          <text key={label.column} class="insights-month" x={LEFT + label.column * STEP} y={TOP - 7}>
            {label.text}
          </text>
        ))}
        {weekdays.map((name, row) => (
          <text key={row} class="insights-weekday" x={LEFT - 5} y={TOP + row * STEP + CELL / 2}>
            {name}
          </text>
        ))}
        {days.map((day, index) => {
          const { tint, label } = cell(day);
          return (
            <rect
              key={day.start}
              class={`insights-cell ${tint}${index === lastIndex ? ' today' : ''}`}
              x={LEFT + Math.floor(index / 7) * STEP}
              y={TOP + (index % 7) * STEP}
              width={CELL}
              height={CELL}
              rx={2}
            >
              <title>{label}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}

/** A small square of a tint, beside its words in a legend. */
function Swatch({ tint }: { tint: string }) {
  return (
    <svg class="insights-swatch" viewBox={`0 0 ${CELL} ${CELL}`} aria-hidden="true">
      <rect class={`insights-cell ${tint}`} width={CELL} height={CELL} rx={2} />
    </svg>
  );
}

/** The numbers of a calendar as tables, folded away: for screen readers and anyone who prefers numbers. */
function CalendarTables({ children }: { children: ComponentChildren }) {
  const t = useLookingBackJournalT();
  return (
    <details class="insights-table">
      <summary>{t.insightsShowTable}</summary>
      {children}
    </details>
  );
}

/**
 * Answers per day: each day tinted by its pauses. Below it, the same numbers per month as a table.
 */
export function InsightsCalendar({ days, months }: InsightsCalendarProps) {
  const t = useLookingBackJournalT();
  const locale = useLocale();

  return (
    <div class="insights-calendar">
      <CalendarGrid
        days={days}
        title={t.insightsCalendarTitle}
        summary={t.insightsCalendarSummary(daysWithPause(days))}
        cell={(day) => ({ tint: `level-${calendarLevel(day.count)}`, label: t.insightsDayTitle(formatDay(day.start, locale), day.count) })}
      />
      {/* The legend only explains the tints; the table below carries the numbers for everyone. */}
      <p class="insights-legend" aria-hidden="true">
        <span>{t.insightsLegendFewer}</span>
        <svg class="insights-legend-swatches" viewBox={`0 0 ${LEVELS.length * STEP} ${CELL}`}>
          {LEVELS.map((level) => (
            <rect key={level} class={`insights-cell level-${level}`} x={level * STEP} y={0} width={CELL} height={CELL} rx={2} />
          ))}
        </svg>
        <span>{t.insightsLegendMore}</span>
      </p>
      <CalendarTables>
        <table>
          <caption>{t.insightsTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.insightsMonth}</th>
              <th scope="col">{t.insightsDaysWithPause}</th>
              <th scope="col">{t.insightsNotes}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={`${month.year}-${month.month}`}>
                <th scope="row">{formatMonthYear(new Date(month.year, month.month, 1).getTime(), locale)}</th>
                <td>{formatNumber(month.daysWithPause, locale)}</td>
                <td>{formatNumber(month.notes, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CalendarTables>
    </div>
  );
}

/** The feeling a day shows: the one chosen most that day; `mixed` when two or more were chosen as often; `none` without any. */
export function dayFeeling(day: FeelingDay): Feeling | 'mixed' | 'none' {
  if (day.total === 0) return 'none';
  const most = Math.max(...FEELINGS.map((feeling) => day.counts[feeling]));
  const chosen = FEELINGS.filter((feeling) => day.counts[feeling] === most);
  return chosen.length === 1 && chosen[0] ? chosen[0] : 'mixed';
}

/** A day's feelings in words, with their counts: "Calm 2, Tense 1". */
function feelingCounts(day: FeelingDay, t: LookingBackJournalMessages, locale: Locale): string {
  if (day.total === 0) return t.feelingsDayNone;
  return FEELINGS.filter((feeling) => day.counts[feeling] > 0)
    .map((feeling) => `${feelingWord(feeling, t)} ${formatNumber(day.counts[feeling], locale)}`)
    .join(', ');
}

/**
 * How days felt: each day in the shade of the feeling chosen most (shades that say nothing of good
 * or bad, in no order from dark to light), its counts in its name. A legend in words, and tables:
 * how often each feeling was chosen, and the feelings of every day that has one.
 */
export function FeelingCalendar({ days }: { days: readonly FeelingDay[] }) {
  const t = useLookingBackJournalT();
  const locale = useLocale();
  const withFeelings = days.filter((day) => day.total > 0);
  const totals = feelingTotals(days);

  return (
    <div class="insights-calendar">
      <CalendarGrid
        days={days}
        title={t.feelingsCalendarTitle}
        summary={t.feelingsCalendarSummary(withFeelings.length)}
        cell={(day) => ({
          tint: `feeling-${dayFeeling(day)}`,
          label: t.feelingsDayTitle(formatDay(day.start, locale), feelingCounts(day, t, locale)),
        })}
      />
      <ul class="feelings-legend">
        {[...FEELINGS, 'mixed' as const].map((feeling) => (
          <li key={feeling}>
            <Swatch tint={`feeling-${feeling}`} />
            {feeling === 'mixed' ? t.feelingsMixed : feelingWord(feeling, t)}
          </li>
        ))}
      </ul>
      <p class="hint">{t.feelingsLegend}</p>
      <CalendarTables>
        <table>
          <caption>{t.feelingsTotalsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.feelingFilterLabel}</th>
              <th scope="col">{t.insightsNotes}</th>
            </tr>
          </thead>
          <tbody>
            {FEELINGS.map((feeling) => (
              <tr key={feeling}>
                <th scope="row">{feelingWord(feeling, t)}</th>
                <td>{formatNumber(totals[feeling], locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {withFeelings.length > 0 && (
          <table>
            <caption>{t.feelingsDaysCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.feelingsDay}</th>
                {FEELINGS.map((feeling) => (
                  <th key={feeling} scope="col">
                    {feelingWord(feeling, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {withFeelings.map((day) => (
                <tr key={day.start}>
                  <th scope="row">{formatDay(day.start, locale)}</th>
                  {FEELINGS.map((feeling) => (
                    <td key={feeling}>{formatNumber(day.counts[feeling], locale)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CalendarTables>
    </div>
  );
}
