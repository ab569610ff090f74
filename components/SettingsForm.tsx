import { useEffect, useRef, useState } from 'preact/hooks';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { weekdayName } from '@/utils/i18n/format';
import type { JournalMessages } from '@/utils/i18n/journal';
import { LANGUAGE_NAMES, LOCALES } from '@/utils/i18n/locale';
import { LIMITS, type Delivery, type LanguageSetting, type Settings, type SettingsProblems } from '@/utils/model/settings';
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

/** The whole-number settings, with the range and step their fields offer. */
const NUMBER_FIELDS = {
  minIntervalMinutes: { ...LIMITS.intervalMinutes, step: 5 },
  maxIntervalMinutes: { ...LIMITS.intervalMinutes, step: 5 },
  maxPerDay: { ...LIMITS.maxPerDay, step: 1 },
} as const;

/** aria-invalid / aria-describedby for a field the form refused, tying it to its problem's words. */
function described(field: keyof Settings, problems: SettingsProblems) {
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

const { intervalMinutes, maxPerDay: perDay } = LIMITS;

/** What is wrong with a field the form refused, in words; undefined when nothing is. */
function problemText(field: keyof Settings, problems: SettingsProblems, t: JournalMessages): string | undefined {
  const problem = problems[field];
  if (!problem) return undefined;
  if (field === 'activeDays') return t.problemDays;
  if (field === 'activeStartMinutes' || field === 'activeEndMinutes') return problem === 'order' ? t.problemHoursOrder : t.problemTime;
  if (field === 'maxPerDay') return t.problemRange(perDay.min, perDay.max);
  return problem === 'order' ? t.problemIntervalOrder : t.problemRange(intervalMinutes.min, intervalMinutes.max);
}

/** The problem under a field, with the id the field names in aria-describedby (see `described`). */
function FieldProblem({ field, problems }: { field: keyof Settings; problems: SettingsProblems }) {
  const t = useJournalT();
  const text = problemText(field, problems, t);
  return text ? (
    <p id={`problem-${field}`} class="problem field-problem">
      {text}
    </p>
  ) : null;
}

/** The Settings section of the options page: how often, when, and how pauses are offered. */
export function SettingsForm({ settings, onSave }: SettingsFormProps) {
  const t = useJournalT();
  const locale = useLocale();
  const [pausesEnabled, setPausesEnabled] = useState(settings.pausesEnabled);
  const [minInterval, setMinInterval] = useState(String(settings.minIntervalMinutes));
  const [maxInterval, setMaxInterval] = useState(String(settings.maxIntervalMinutes));
  const [start, setStart] = useState(toTime(settings.activeStartMinutes));
  const [end, setEnd] = useState(toTime(settings.activeEndMinutes));
  const [days, setDays] = useState<readonly number[]>(settings.activeDays);
  const [maxPerDay, setMaxPerDay] = useState(String(settings.maxPerDay));
  const [delivery, setDelivery] = useState<Delivery>(settings.delivery);
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
    setStart(toTime(settings.activeStartMinutes));
    setEnd(toTime(settings.activeEndMinutes));
    setDays(settings.activeDays);
    setMaxPerDay(String(settings.maxPerDay));
    setDelivery(settings.delivery);
    setLanguage(settings.language);
  }, [settings]);

  async function submit(event: Event) {
    event.preventDefault();
    const candidate: Settings = {
      pausesEnabled,
      minIntervalMinutes: Number(minInterval),
      maxIntervalMinutes: Number(maxInterval),
      activeStartMinutes: fromTime(start, false),
      activeEndMinutes: fromTime(end, true),
      activeDays: [...days].sort((a, b) => a - b),
      maxPerDay: Number(maxPerDay),
      delivery,
      discreet: settings.discreet,
      onThisDay: settings.onThisDay,
      language,
    };
    try {
      const found = await onSave(candidate);
      setProblems(found);
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
        <div class="field-row">
          <label class="field">
            <span>{t.activeFrom}</span>
            <input
              type="time"
              value={start}
              onInput={(e) => setStart(e.currentTarget.value)}
              {...described('activeStartMinutes', problems)}
            />
          </label>
          <label class="field">
            <span>{t.activeUntil}</span>
            <input type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} {...described('activeEndMinutes', problems)} />
          </label>
        </div>
        <FieldProblem field="activeStartMinutes" problems={problems} />
        <FieldProblem field="activeEndMinutes" problems={problems} />
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
