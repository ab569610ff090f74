import { useId, useMemo } from 'preact/hooks';
import type { Locale } from '@/utils/i18n/messages';
import type { JournalMessages } from '@/utils/i18n/journal';
import { calendarLevel, daysWithPause, type CalendarDay, type MonthSummary } from '@/utils/insights/insights';

interface InsightsCalendarProps {
  /** Consecutive local days, starting on a Monday (as `calendarDays` gives them). */
  days: readonly CalendarDay[];
  /** The same days by month (as `monthSummaries` gives them), for the table. */
  months: readonly MonthSummary[];
  locale: Locale;
  t: JournalMessages;
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
function monthLabels(days: readonly CalendarDay[], format: Intl.DateTimeFormat): MonthLabel[] {
  const labels: MonthLabel[] = [];
  days.forEach((day, index) => {
    const date = new Date(day.start);
    if (date.getDate() === 1) labels.push({ column: Math.floor(index / 7), text: format.format(date) });
  });
  // The first, partial month gets a label only where it does not run into the next one.
  const first = days[0];
  if (first && new Date(first.start).getDate() !== 1 && (labels[0]?.column ?? Infinity) >= LABEL_COLUMNS) {
    labels.unshift({ column: 0, text: format.format(first.start) });
  }
  return labels;
}

/**
 * A year at a glance: one column per week, Monday to Sunday from top to bottom, each day tinted by
 * its pauses. Below it, the same numbers per month as a table, for screen readers and for anyone
 * who prefers to read numbers.
 */
export function InsightsCalendar({ days, months, locale, t }: InsightsCalendarProps) {
  const titleId = useId();
  const descId = useId();
  const formats = useMemo(
    () => ({
      month: new Intl.DateTimeFormat(locale, { month: 'short' }),
      monthYear: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }),
      day: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    }),
    [locale],
  );
  // 5 January 1970 was a Monday; rows run Monday … Sunday.
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((row) => formats.weekday.format(Date.UTC(1970, 0, 5 + row)));
  const columns = Math.ceil(days.length / 7);
  const width = LEFT + columns * STEP + RIGHT;
  const height = TOP + 7 * STEP;
  const lastIndex = days.length - 1;
  const number = (value: number) => value.toLocaleString(locale);

  return (
    <div class="insights-calendar">
      {/* At high zoom the grid may scroll sideways; focusable so keyboards can scroll it too. */}
      <div class="insights-scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
        <svg
          class="insights-svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{t.insightsCalendarTitle}</title>
          <desc id={descId}>{t.insightsCalendarSummary(daysWithPause(days))}</desc>
          {monthLabels(days, formats.month).map((label) => (
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
              <title>{t.insightsDayTitle(formats.day.format(day.start), day.count)}</title>
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
                <th scope="row">{formats.monthYear.format(new Date(month.year, month.month, 1))}</th>
                <td>{number(month.daysWithPause)}</td>
                <td>{number(month.notes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
