/**
 * The English strings of the popup's first-run offer of the lock (entrypoints/popup/LockOffer.tsx).
 * They load with the offer, after the prompt is on screen. English defines the shape.
 */

export const firstRunEn = {
  lockOfferHeading: 'Keep this journal private from the start',
  lockOfferText:
    'Set a passphrase before you write, and nothing you write is ever kept readable on this computer: not your answers, not your drafts.',
  lockOfferSetUp: 'Set a passphrase',
  lockOfferNotNow: 'Not now',
  lockOfferLater: 'You can turn the lock on at any time under Privacy in the journal.',
};

/** The first-run offer's strings, as every language must fill them. */
export type FirstRunMessages = typeof firstRunEn;
