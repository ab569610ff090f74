import { useId } from 'preact/hooks';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { formatDay, formatMonth, formatMonthYear, formatNumber, weekdayName } from '@/utils/i18n/format';
import type { Locale } from '@/utils/i18n/locale';
import { calendarLevel, daysWithPause, type CalendarDay, type MonthSummary } from '@/utils/insights/insights';

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
function monthLabels(days: readonly CalendarDay[], locale: Locale): MonthLabel[] {
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

/**
 * A year at a glance: one column per week, Monday to Sunday from top to bottom, each day tinted by
 * its pauses. Below it, the same numbers per month as a table, for screen readers and for anyone
 * who prefers to read numbers.
 */
export function InsightsCalendar({ days, months }: InsightsCalendarProps) {
  const t = useJournalT();
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
    <div class="insights-calendar">
      {/* At high zoom the grid may scroll sideways; focusable so keyboards can scroll it too. */}
      <div class="insights-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
        <svg class="insights-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
          <title id={titleId}>{t.insightsCalendarTitle}</title>
          <desc id={descId}>{t.insightsCalendarSummary(daysWithPause(days))}</desc>
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
          {days.map((day, index) => (
            <rect
              key={day.start}
              class={`insights-cell level-${calendarLevel(day.count)}${index === lastIndex ? ' today' : ''}`}
              x={LEFT + Math.floor(index / 7) * STEP}
              y={TOP + (index % 7) * STEP}
              width={CELL}
              height={CELL}
              rx={2}
            >
              <title>{t.insightsDayTitle(formatDay(day.start, locale), day.count)}</title>
            </rect>
          ))}
        </svg>
      </div>
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
      <details class="insights-table">
        <summary>{t.insightsShowTable}</summary>
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
      </details>
    </div>
  );
}
