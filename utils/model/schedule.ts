/** What the background's schedule remembers between wake-ups, and how a stored copy is narrowed. */
import * as v from 'valibot';
import { MAX_BACK_OFF } from '@/utils/schedule/back-off';
import { isRecord, TIME } from './fields';

const isTime = (value: unknown): value is number => v.is(TIME, value);

/** Each field falls back on its own: anything unreadable starts afresh rather than stopping pauses. */
const ScheduleStateSchema = v.object({
  /** When the next offer is due (also when a good moment is being waited for); null when none is planned. */
  nextOfferAt: v.fallback(v.nullable(TIME), null),
  /** The alarm came but the moment was not good: offer at the next good one. */
  waiting: v.fallback(v.boolean(), false),
  /** "Later" / "Snooze 1 hour": offer again at this time. */
  snoozedUntil: v.fallback(v.nullable(TIME), null),
  /** Quiet chosen in the popup, or "No more today": nothing before this time. */
  quietUntil: v.fallback(v.nullable(TIME), null),
  /** Why it is quiet, when the person said so: "In a meeting" in the popup. */
  quietReason: v.fallback(v.nullable(v.picklist(['meeting'])), null),
  /**
   * An offer that is waiting for the person: the toolbar mark is shown while it is open. In its
   * first stage ('mark') only the mark shows, until a seam brings the notification or the pause
   * window ('shown'). Without a readable stage (stored before there were stages) it counts as
   * shown: nothing more comes of it, and the mark stays until it ends.
   */
  offer: v.fallback(
    v.nullable(v.object({ offeredAt: TIME, expiresAt: TIME, stage: v.fallback(v.optional(v.picklist(['mark', 'shown'])), undefined) })),
    null,
  ),
  /** The id of the line the last offer spoke with, so the next one says another; absent before the first. */
  lastLine: v.fallback(v.optional(v.string()), undefined),
  /** The pause window opened for the offer, so a second request focuses it instead of opening another. */
  pauseWindowId: v.fallback(v.nullable(v.pipe(v.number(), v.integer())), null),
  /** When the person last took a pause: saved an answer, or opened the pause window themselves. */
  lastPauseAt: v.fallback(v.nullable(TIME), null),
  /** Since when the person is away (idle or screen locked); null while they are at the computer. */
  awaySince: v.fallback(v.nullable(TIME), null),
  /** When the person came back from time away long enough to count as a break (or the computer woke). */
  backAt: v.fallback(v.nullable(TIME), null),
  /**
   * How many steps offers have backed off from the set pace (utils/schedule/back-off.ts): 0 at the
   * person's own pace. Absent in a schedule stored before there was a pace, and anything unreadable
   * or out of bounds, reads as 0: the set pace, never a stop.
   */
  backOff: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BACK_OFF)), 0),
  /** When recent offers were made (the last two days), for the daily cap; unreadable entries are dropped. */
  recentOffers: v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((offers): readonly number[] => offers.filter(isTime)),
    ),
    [],
  ),
});

/** What the schedule remembers between wake-ups of the background. */
export type ScheduleState = Readonly<v.InferOutput<typeof ScheduleStateSchema>>;

/** Narrows stored schedule state, never throwing; anything unreadable starts afresh rather than stopping pauses. */
/* @__NO_SIDE_EFFECTS__ */
export function parseScheduleState(stored: unknown): ScheduleState {
  return v.parse(ScheduleStateSchema, isRecord(stored) ? stored : {});
}
