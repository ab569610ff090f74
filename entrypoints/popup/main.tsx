import { App } from './App';
import { opening } from '@/utils/first-paint/opening';
import { takeOver } from '@/utils/first-paint/takeover';

/** Takes the page over from its shell (utils/first-paint/app.ts calls it once ready). */
export function start(): void {
  const opened = opening('popup');
  takeOver(<App opening={opened} />, opened);
}
