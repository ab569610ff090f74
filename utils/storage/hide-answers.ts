/**
 * "Hide answers", for sharing a screen: a choice of this device, kept in the pages' own storage so
 * every page knows it on its first render. The journal blurs its answers while it is on, and the
 * popup and the pause window blur the earlier answer their "Last time" shows.
 */
import { readPageJson, writePageJson } from './page-storage';

const HIDE_ANSWERS_KEY = 'adempauze.hideAnswers';

/** Whether answers are hidden; false when never chosen or unreadable. */
export function readHideAnswers(): boolean {
  return readPageJson(HIDE_ANSWERS_KEY) === true;
}

/** Remembers the choice; false when the page's storage refused it (the choice then lasts for this visit only). */
export function writeHideAnswers(hidden: boolean): boolean {
  return writePageJson(HIDE_ANSWERS_KEY, hidden);
}
