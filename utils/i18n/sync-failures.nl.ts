/** De Nederlandse woorden van een mislukte synchronisatie (sync-failures.en.ts bepaalt de vorm). */
import type { SyncFailure } from '@/utils/sync/status';
import type { SyncFailureMessages } from './sync-failures.en';

const FAILURES: Readonly<Record<SyncFailure, string>> = {
  auth: 'de server weigerde de gebruikersnaam of het app-wachtwoord. Controleer ze, of maak een nieuw app-wachtwoord.',
  forbidden: 'de server staat deze gebruiker niet toe in die map te schrijven.',
  unreachable: 'de server was niet bereikbaar, of zijn certificaat wordt niet vertrouwd. Het wordt later opnieuw geprobeerd.',
  'folder-missing': 'de map Adempauze staat niet meer op de server. Verbreek de verbinding en maak haar opnieuw om opnieuw te beginnen.',
  'no-space': 'de server is vol. Maak daar ruimte vrij; het wordt later opnieuw geprobeerd.',
  timeout: 'de server antwoordde te traag. Het wordt later opnieuw geprobeerd.',
  server: 'de server gaf een fout. Het wordt later opnieuw geprobeerd.',
  'bad-answer': 'het antwoord kwam niet van een WebDAV-server. Controleer het adres.',
  'other-key':
    'het dagboek op de server is door een andere browser opnieuw begonnen, met een andere sleutel. Verbreek de verbinding en maak haar opnieuw om mee te doen.',
  'no-secrets': 'het bewaarde wachtwoord en de sleutel konden hier niet gelezen worden. Verbreek de verbinding en maak haar opnieuw.',
  storage: 'deze browser kon niet opslaan wat binnenkwam.',
};

export const syncFailuresNl: SyncFailureMessages = {
  noticeSyncFailedTitle: 'Synchroniseren lukte niet',
  noticeSyncFailed: (reason: string) => `De laatste synchronisatie lukte niet: ${reason}`,
  noticeOpenSync: 'Open Synchroniseren',
  syncReason: (failure: SyncFailure) => FAILURES[failure],
};
