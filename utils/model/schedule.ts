/** What the background's schedule remembers between wake-ups, and how a stored copy is narrowed. */

/** An offer that is waiting for the person: the toolbar mark is shown while it is open. */
export interface OpenOffer {
  readonly offeredAt: number;
  readonly expiresAt: number;
}

/** What the schedule remembers between wake-ups of the background. */
export interface ScheduleState {
  /** When the next offer is due (also when a good moment is being waited for); null when none is planned. */
  readonly nextOfferAt: number | null;
  /** The alarm came but the moment was not good: offer at the next good one. */
  readonly waiting: boolean;
  /** "Later" / "Snooze 1 hour": offer again at this time. */
  readonly snoozedUntil: number | null;
  /** "Pause for an hour" / "No more today": nothing before this time. */
  readonly quietUntil: number | null;
  readonly offer: OpenOffer | null;
  /** The pause window opened for the offer, so a second request focuses it instead of opening another. */
  readonly pauseWindowId: number | null;
  /** When recent offers were made (the last two days), for the daily cap. */
  readonly recentOffers: readonly number[];
}

export const EMPTY_SCHEDULE: ScheduleState = {
  nextOfferAt: null,
  waiting: false,
  snoozedUntil: null,
  quietUntil: null,
  offer: null,
  pauseWindowId: null,
  recentOffers: [],
};

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Narrows stored schedule state; anything unreadable starts afresh rather than stopping pauses. */
export function parseScheduleState(stored: unknown): ScheduleState {
  if (typeof stored !== 'object' || stored === null) return EMPTY_SCHEDULE;
  const raw = stored as Record<string, unknown>;
  const offerRaw = raw.offer as Record<string, unknown> | null | undefined;
  const offer =
    typeof offerRaw === 'object' &&
    offerRaw !== null &&
    finiteOrNull(offerRaw.offeredAt) !== null &&
    finiteOrNull(offerRaw.expiresAt) !== null
      ? { offeredAt: offerRaw.offeredAt as number, expiresAt: offerRaw.expiresAt as number }
      : null;
  return {
    nextOfferAt: finiteOrNull(raw.nextOfferAt),
    waiting: raw.waiting === true,
    snoozedUntil: finiteOrNull(raw.snoozedUntil),
    quietUntil: finiteOrNull(raw.quietUntil),
    offer,
    pauseWindowId: Number.isInteger(raw.pauseWindowId) ? (raw.pauseWindowId as number) : null,
    recentOffers: Array.isArray(raw.recentOffers)
      ? raw.recentOffers.filter((at): at is number => typeof at === 'number' && Number.isFinite(at))
      : [],
  };
}

