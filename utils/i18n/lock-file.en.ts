/**
 * The English words for a locked backup whose keys are outside the bounds of what a lock makes
 * (utils/model/lock-file.ts). Their own module, kept out of the journal's first screen: only the
 * backup check needs them. English defines the shape.
 */
import { numbersIn } from './format';

const { number } = numbersIn('en');

export const lockFileEn = {
  backupLockedKeysRefused:
    'The lock settings in this locked backup are outside what Adempauze makes or accepts, so it was not opened: it was changed, or made by something else.',
  backupIterations: (min: number, max: number) =>
    `expected from ${number(min)} to ${number(max)} rounds of key derivation; more would keep this page busy for minutes`,
  backupBytes: (bytes: string) => `expected base64 of ${bytes} bytes`,
};

export type LockFileMessages = typeof lockFileEn;
