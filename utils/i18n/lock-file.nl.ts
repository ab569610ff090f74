/** The Dutch words for a locked backup whose keys are outside their bounds. */
import { numbersIn } from './format';
import type { LockFileMessages } from './lock-file.en';

const { number } = numbersIn('nl');

export const lockFileNl: LockFileMessages = {
  backupLockedKeysRefused:
    'De slotinstellingen in deze vergrendelde back-up vallen buiten wat Adempauze maakt of aanneemt, dus is hij niet geopend: hij is veranderd, of door iets anders gemaakt.',
  backupIterations: (min: number, max: number) =>
    `verwacht ${number(min)} tot en met ${number(max)} rondes sleutelafleiding; meer zou deze pagina minutenlang bezighouden`,
  backupBytes: (bytes: string) => `verwacht base64 van ${bytes} bytes`,
};
