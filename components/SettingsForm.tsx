import { useEffect, useRef, useState } from 'preact/hooks';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { formatTime, weekdayName } from '@/utils/i18n/format';
import type { JournalMessages } from '@/utils/i18n/journal';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '@/utils/i18n/locale';
import {
  LIMITS,
  type ActiveRange,
  type Delivery,
  type LanguageSetting,
  type RangeProblem,
  type Settings,
  type SettingsProblems,
} from '@/utils/model/settings';
import { describeError } from '@/utils/errors';

interface SettingsFormProps {
  settings: Settings;
  /** Validates and stores; resolves to the problems found (empty when saved), or rejects when storing failed. */
  onSave: (settings: Settings) => Promise<SettingsProblems>;
}

/** Monday first, as calendars in both languages are read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

type Feedback = { kind: 'none' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; message: string };

const pad = (n: number) => String(n).padStart(2, '0');
/** Minutes after midnight as "HH:MM"; the end of the day shows as "00:00". */
const toTime = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
/** "HH:MM" as minutes after midnight, NaN when empty. An end of "00:00" means midnight at the end of the day. */
function fromTime(value: string, isEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minutes === 0 ? 24 * 60 : minutes;
}

/** "HH:MM" as the person's language reads a time of day: "2:00 AM" / "02:00". */
function clockTime(value: string, locale: Locale): string {
  const minutes = fromTime(value, false);
  // A day without a clock change, so every time of day exists on it.
  return formatTime(new Date(2000, 0, 1, 0, minutes).getTime(), locale);
}

/** An active range as the form holds it: its times as typed, a key that stays with its row, and what was wrong at the last Save. */
interface RangeRow {
  readonly key: number;
  readonly start: string;
  readonly end: string;
  readonly problem?: RangeProblem;
  /** For an overlap: the key of the row it overlaps. */
  readonly overlaps?: number;
}

/** The stored ranges as rows, each with a key from `keys` that no row has had. */
function rowsOf(ranges: readonly ActiveRange[], keys: { current: number }): RangeRow[] {
  return ranges.map((range) => ({ key: keys.current++, start: toTime(range.startMinutes), end: toTime(range.endMinutes) }));
}

/** Where a row sorts: by its start, a row without one last. */
function startOrLast(row: RangeRow): number {
  const start = fromTime(row.start, false);
  return Number.isNaN(start) ? Infinity : start;
}

/** Fields the form names by themselves; the active ranges have a problem of their own per row. */
type PlainField = Exclude<keyof Settings, 'activeRanges'>;

/** The whole-number settings, with the range and step their fields offer. */
const NUMBER_FIELDS = {
  minIntervalMinutes: { ...LIMITS.intervalMinutes, step: 5 },
  maxIntervalMinutes: { ...LIMITS.intervalMinutes, step: 5 },
  maxPerDay: { ...LIMITS.maxPerDay, step: 1 },
} as const;

/** aria-invalid / aria-describedby for a field the form refused, tying it to its problem's words. */
function described(field: PlainField, problems: SettingsProblems) {
  return problems[field] ? { 'aria-invalid': true, 'aria-describedby': `problem-${field}` } : {};
}

interface NumberFieldProps {
  field: keyof typeof NUMBER_FIELDS;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problems: SettingsProblems;
}

/** A labelled whole-number field; the text is kept as typed and checked on Save. */
function NumberField({ field, label, value, onInput, problems }: NumberFieldProps) {
  const { min, max, step } = NUMBER_FIELDS[field];
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        {...described(field, problems)}
      />
    </label>
  );
}

interface HintedCheckProps {
  /** Unique on the page: the hint is tied to the checkbox by it. */
  hintId: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox whose hint below it is read out with it, so the hint is not missed by a screen reader. */
function HintedCheck({ hintId, label, hint, checked, onChange }: HintedCheckProps) {
  return (
    <div class="check-with-hint">
      <label class="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-describedby={hintId} />
        {label}
      </label>
      <p id={hintId} class="hint">
        {hint}
      </p>
    </div>
  );
}

const { intervalMinutes, maxPerDay: perDay } = LIMITS;

/** What is wrong with a field the form refused, in words; undefined when nothing is. */
function problemText(field: PlainField, problems: SettingsProblems, t: JournalMessages): string | undefined {
  const problem = problems[field];
  if (!problem) return undefined;
  if (field === 'activeDays') return t.problemDays;
  if (field === 'maxPerDay') return t.problemRange(perDay.min, perDay.max);
  return problem === 'order' ? t.problemIntervalOrder : t.problemRange(intervalMinutes.min, intervalMinutes.max);
}

/** The problem under a field, with the id the field names in aria-describedby (see `described`). */
function FieldProblem({ field, problems }: { field: PlainField; problems: SettingsProblems }) {
  const t = useJournalT();
  const text = problemText(field, problems, t);
  return text ? (
    <p id={`problem-${field}`} class="problem field-problem">
      {text}
    </p>
  ) : null;
}

const MAX_RANGES = LIMITS.activeRanges.max;

/** Where focus goes once rows are added or removed: the new row's first time, or the add button. */
type FocusAfter = { readonly row: number } | 'add' | null;

interface ActiveRangesProps {
  rows: readonly RangeRow[];
  onChange: (rows: readonly RangeRow[]) => void;
  /** A key no row has had. */
  newKey: () => number;
}

/**
 * What is wrong with a row, in words, and the times to change; undefined when nothing is. An
 * overlap with a row since removed is gone with it.
 */
function shownProblem(
  row: RangeRow,
  rows: readonly RangeRow[],
  t: JournalMessages,
  locale: Locale,
): { readonly text: string; readonly fields: RangeProblem['fields'] } | undefined {
  const { problem } = row;
  if (problem?.kind === 'time') return { text: t.problemTime, fields: problem.fields };
  if (problem?.kind === 'same') return { text: t.problemRangeSame, fields: problem.fields };
  const other = rows.find((candidate) => candidate.key === row.overlaps);
  if (problem?.kind !== 'overlap' || !other) return undefined;
  return { text: t.problemRangeOverlap(clockTime(other.start, locale), clockTime(other.end, locale)), fields: problem.fields };
}

/**
 * The active ranges, a row of From and Until each: added up to three, removed down to one. A range
 * whose Until is earlier than its From runs into the next day, and says so beside it.
 */
function ActiveRanges({ rows, onChange, newKey }: ActiveRangesProps) {
  const t = useJournalT();
  const locale = useLocale();
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<FocusAfter>(null);
  const full = rows.length >= MAX_RANGES;

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target) list.current?.querySelector<HTMLInputElement>(`[data-range="${target.row}"] input`)?.focus();
  });

  function change(key: number, times: Partial<Pick<RangeRow, 'start' | 'end'>>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...times } : row)));
  }

  function add() {
    // Announced as unavailable (aria-disabled) rather than disabled, so it stays reachable with its reason.
    if (full) return;
    const key = newKey();
    focusAfter.current = { row: key };
    onChange([...rows, { key, start: '', end: '' }]);
  }

  function remove(key: number) {
    focusAfter.current = 'add';
    onChange(rows.filter((row) => row.key !== key));
  }

  return (
    <div class="ranges" ref={list}>
      {rows.map((row, place) => {
        const problemId = `range-${row.key}-problem`;
        const nextDayId = `range-${row.key}-next-day`;
        const problem = shownProblem(row, rows, t, locale);
        const start = fromTime(row.start, false);
        const end = fromTime(row.end, true);
        const nextDay = end < start;
        const invalid = (field: keyof ActiveRange) => problem?.fields.includes(field) === true;
        const describedBy = (field: keyof ActiveRange) =>
          [field === 'endMinutes' && nextDay ? nextDayId : '', invalid(field) ? problemId : ''].filter(Boolean).join(' ') || undefined;
        return (
          <div class="range" role="group" aria-label={t.activeRangeLabel(place + 1)} key={row.key} data-range={row.key}>
            <div class="field-row range-times">
              <label class="field">
                <span>{t.activeFrom}</span>
                <input
                  type="time"
                  value={row.start}
                  onInput={(e) => change(row.key, { start: e.currentTarget.value })}
                  aria-invalid={invalid('startMinutes') || undefined}
                  aria-describedby={describedBy('startMinutes')}
                />
              </label>
              <label class="field">
                <span>{t.activeUntil}</span>
                <input
                  type="time"
                  value={row.end}
                  onInput={(e) => change(row.key, { end: e.currentTarget.value })}
                  aria-invalid={invalid('endMinutes') || undefined}
                  aria-describedby={describedBy('endMinutes')}
                />
              </label>
              {nextDay ? (
                <p id={nextDayId} class="hint range-next-day">
                  {t.activeNextDay(clockTime(row.end, locale))}
                </p>
              ) : null}
              {rows.length > 1 ? (
                <button type="button" class="secondary small" aria-label={t.removeRangeLabel(place + 1)} onClick={() => remove(row.key)}>
                  {t.removeRange}
                </button>
              ) : null}
            </div>
            {problem ? (
              <p id={problemId} class="problem field-problem">
                {problem.text}
              </p>
            ) : null}
          </div>
        );
      })}
      <div class="range-add">
        <button
          type="button"
          class="secondary small"
          ref={addButton}
          onClick={add}
          aria-disabled={full || undefined}
          aria-describedby={full ? 'ranges-full' : undefined}
        >
          {t.addRange}
        </button>
        {full ? (
          <p id="ranges-full" class="hint">
            {t.rangesFull(MAX_RANGES)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The Settings section of the options page: how often, when, and how pauses are offered. */
export function SettingsForm({ settings, onSave }: SettingsFormProps) {
  const t = useJournalT();
  const locale = useLocale();
  const keys = useRef(0);
  const [pausesEnabled, setPausesEnabled] = useState(settings.pausesEnabled);
  const [minInterval, setMinInterval] = useState(String(settings.minIntervalMinutes));
  const [maxInterval, setMaxInterval] = useState(String(settings.maxIntervalMinutes));
  const [ranges, setRanges] = useState<readonly RangeRow[]>(() => rowsOf(settings.activeRanges, keys));
  const [days, setDays] = useState<readonly number[]>(settings.activeDays);
  const [maxPerDay, setMaxPerDay] = useState(String(settings.maxPerDay));
  const [delivery, setDelivery] = useState<Delivery>(settings.delivery);
  const [discreet, setDiscreet] = useState(settings.discreet);
  const [onThisDay, setOnThisDay] = useState(settings.onThisDay);
  const [language, setLanguage] = useState<LanguageSetting>(settings.language);
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'none' });

  // Stored settings changed (this form saved, another tab, an import): the fields show them.
  const shown = useRef(settings);
  useEffect(() => {
    if (shown.current === settings) return;
    shown.current = settings;
    setPausesEnabled(settings.pausesEnabled);
    setMinInterval(String(settings.minIntervalMinutes));
    setMaxInterval(String(settings.maxIntervalMinutes));
    setRanges(rowsOf(settings.activeRanges, keys));
    setDays(settings.activeDays);
    setMaxPerDay(String(settings.maxPerDay));
    setDelivery(settings.delivery);
    setDiscreet(settings.discreet);
    setOnThisDay(settings.onThisDay);
    setLanguage(settings.language);
  }, [settings]);

  async function submit(event: Event) {
    event.preventDefault();
    // Ranges are stored sorted by start, as days are; the rows take that order now, so each problem found lands on its row.
    const rows = [...ranges].sort((a, b) => startOrLast(a) - startOrLast(b));
    const candidate: Settings = {
      pausesEnabled,
      minIntervalMinutes: Number(minInterval),
      maxIntervalMinutes: Number(maxInterval),
      activeRanges: rows.map((row) => ({ startMinutes: fromTime(row.start, false), endMinutes: fromTime(row.end, true) })),
      activeDays: [...days].sort((a, b) => a - b),
      maxPerDay: Number(maxPerDay),
      delivery,
      discreet,
      onThisDay,
      language,
    };
    try {
      const found = await onSave(candidate);
      setProblems(found);
      // Each range's problem stays with its row, even when rows are added or removed before the next Save.
      setRanges(
        rows.map((row, place) => {
          const problem = found.activeRanges?.ranges[place];
          const overlaps = problem?.other === undefined ? undefined : rows[problem.other]?.key;
          return { key: row.key, start: row.start, end: row.end, problem, overlaps };
        }),
      );
      setFeedback(Object.keys(found).length > 0 ? { kind: 'invalid' } : { kind: 'saved' });
    } catch (error) {
      setFeedback({ kind: 'failed', message: t.settingsFailed(describeError(error)) });
    }
  }

  /** Props that tie a field to its problem message, so screen readers read it with the field. */
  return (
    <form class="settings" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{t.pausesLegend}</legend>
        <label class="check">
          <input type="checkbox" checked={pausesEnabled} onChange={(e) => setPausesEnabled(e.currentTarget.checked)} />
          {t.pausesEnabled}
        </label>
      </fieldset>

      <fieldset disabled={!pausesEnabled}>
        <legend>{t.frequencyLegend}</legend>
        <div class="field-row">
          <NumberField field="minIntervalMinutes" label={t.minInterval} value={minInterval} onInput={setMinInterval} problems={problems} />
          <NumberField field="maxIntervalMinutes" label={t.maxInterval} value={maxInterval} onInput={setMaxInterval} problems={problems} />
        </div>
        <FieldProblem field="minIntervalMinutes" problems={problems} />
        <FieldProblem field="maxIntervalMinutes" problems={problems} />
        <NumberField field="maxPerDay" label={t.maxPerDay} value={maxPerDay} onInput={setMaxPerDay} problems={problems} />
        <FieldProblem field="maxPerDay" problems={problems} />
      </fieldset>

      <fieldset disabled={!pausesEnabled}>
        <legend>{t.activeHoursLegend}</legend>
        <ActiveRanges rows={ranges} onChange={setRanges} newKey={() => keys.current++} />
      </fieldset>

      <fieldset disabled={!pausesEnabled} {...described('activeDays', problems)}>
        <legend>{t.activeDaysLegend}</legend>
        <div class="days">
          {WEEK.map((day) => (
            <label class="check" key={day}>
              <input
                type="checkbox"
                checked={days.includes(day)}
                onChange={(e) => setDays(e.currentTarget.checked ? [...days, day] : days.filter((other) => other !== day))}
              />
              {weekdayName(day, locale)}
            </label>
          ))}
        </div>
        <FieldProblem field="activeDays" problems={problems} />
      </fieldset>

      <fieldset disabled={!pausesEnabled}>
        <legend>{t.deliveryLegend}</legend>
        {(
          [
            ['notification', t.deliveryNotification],
            ['window', t.deliveryWindow],
            ['badge', t.deliveryBadge],
          ] as const
        ).map(([value, label]) => (
          <label class="check" key={value}>
            <input type="radio" name="delivery" value={value} checked={delivery === value} onChange={() => setDelivery(value)} />
            {label}
          </label>
        ))}
        <HintedCheck hintId="discreet-hint" label={t.discreetOffers} hint={t.discreetHint} checked={discreet} onChange={setDiscreet} />
      </fieldset>

      {/* Not a pause setting: it stays open while pauses are off. */}
      <fieldset>
        <legend>{t.navJournal}</legend>
        <HintedCheck
          hintId="on-this-day-hint"
          label={t.onThisDaySetting}
          hint={t.onThisDayHint}
          checked={onThisDay}
          onChange={setOnThisDay}
        />
      </fieldset>

      <fieldset>
        <legend>{t.languageLabel}</legend>
        <label class="field">
          <span class="visually-hidden">{t.languageLabel}</span>
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value as LanguageSetting)}>
            <option value="browser">{t.languageBrowser}</option>
            {LOCALES.map((code) => (
              <option value={code} lang={code} key={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary">
          {t.saveSettings}
        </button>
      </div>
      <p class="status" role="status">
        {feedback.kind === 'saved' ? t.settingsSaved : ''}
      </p>
      <p class="problem" role="alert">
        {feedback.kind === 'invalid' ? t.settingsInvalid : feedback.kind === 'failed' ? feedback.message : ''}
      </p>
    </form>
  );
}
