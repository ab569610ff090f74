/** De Nederlandse woorden van synchroniseren (sync.en.ts bepaalt de vorm). */
import { syncFailuresNl } from './sync-failures.nl';
import type { SyncMessages } from './sync.en';

const PROBLEMS: Readonly<Record<string, string>> = {
  damaged: 'is beschadigd of onvolledig',
  'other-key': 'is versleuteld met een andere sleutel',
  'wrong-place': 'bevat de inhoud van een ander bestand',
  'rolled-back': 'is een oudere versie dan er al een gezien is',
  'newer-format': 'is geschreven door een nieuwere versie van Adempauze',
};

export const syncNl: SyncMessages = {
  syncHeading: 'Synchroniseren',
  syncIntro:
    'Houd één dagboek bij in elke browser die je gebruikt, via je eigen WebDAV-server: Nextcloud, ownCloud, een NAS of een andere WebDAV-dienst. Alles wordt in deze browser versleuteld voordat het vertrekt; de server bewaart alleen versleutelde gegevens en ziet nooit je wachtwoordzin of sleutel.',
  syncWhat:
    'Notities (met gevoelens en tags), je eigen vragen, verborgen vragen en verwijderingen gaan mee. Niet-opgeslagen antwoorden blijven in elke browser.',
  syncAddress: 'Serveradres',
  syncAddressHint:
    'Voor Nextcloud: https://jouw.cloud/remote.php/dav/files/GEBRUIKERSNAAM/ (in Bestanden, Instellingen linksonder, bij WebDAV). Adempauze bewaart zijn bestanden daar in een map Adempauze.',
  syncUser: 'Gebruikersnaam',
  syncPassword: 'App-wachtwoord',
  syncPasswordHint:
    'In Nextcloud: Instellingen → Beveiliging → Apparaten & sessies → Nieuw app-wachtwoord maken. Je browser vraagt één keer of Adempauze deze server mag bereiken.',
  syncConnect: 'Verbinden',
  syncChecking: 'De server wordt gecontroleerd…',
  syncNotUrl: 'Dat is geen webadres. Het begint met https://.',
  syncNotHttps: 'Gebruik een https://-adres: anders gaat het wachtwoord leesbaar over het netwerk.',
  syncRefused: (origin: string) => `Synchroniseren blijft uit: de browser stond Adempauze niet toe ${origin} te bereiken.`,
  syncFoundEmpty: 'De map Adempauze op je server is leeg. Begin met synchroniseren vanuit deze browser.',
  syncFoundJournal:
    'De map Adempauze bevat een dagboek uit een andere browser. Doe mee met de wachtwoordzin voor synchroniseren of de herstelsleutel.',
  syncFoundForeign: 'De map Adempauze bevat bestanden die Adempauze niet schreef. Kies een andere map op de server, of maak deze leeg.',
  syncLockPassphrase: 'De wachtwoordzin van je slot beschermt ook het synchroniseren. Typ hem om verder te gaan.',
  syncLockPassphraseLabel: 'Wachtwoordzin van het slot',
  syncChoosePassphrase:
    'Kies een wachtwoordzin voor synchroniseren. Die versleutelt je dagboek op de server; elke browser die meedoet heeft hem nodig, of de herstelsleutel die je hierna krijgt.',
  syncPassphraseLabel: 'Wachtwoordzin voor synchroniseren',
  syncStart: 'Begin met synchroniseren',
  syncStarting: 'Bezig met versleutelen…',
  syncJoinLabel: 'Wachtwoordzin voor synchroniseren',
  syncJoin: 'Meedoen',
  syncJoining: 'Bezig met openen…',
  syncWrongSecret: 'Daarmee gaat het dagboek op de server niet open. Controleer de wachtwoordzin of herstelsleutel.',
  syncWrongLockPassphrase: 'Dat is niet de wachtwoordzin van je slot.',
  syncPreviewHeading: 'Wat de eerste synchronisatie doet',
  syncPreview: (remote: string, came: string, went: string, conflicts: number) =>
    `De server bevat ${remote}. ${came} komen in deze browser en ${went} gaan naar de server.` +
    (conflicts > 0 ? ` ${conflicts} zijn op beide plekken veranderd: beide teksten blijven bewaard.` : ' Er wordt niets verwijderd.'),
  syncConfirm: 'Nu synchroniseren',
  syncCancel: 'Annuleren',
  syncRecoveryHeading: 'Je herstelsleutel voor synchroniseren',
  syncRecoveryExplain:
    'Met deze sleutel kan een andere browser meedoen als de wachtwoordzin vergeten is. Bewaar hem op een veilige plek, niet op deze computer. Hij wordt alleen nu getoond.',
  syncFailedSetUp: (detail: string) => `Synchroniseren kon niet worden ingesteld: ${detail}`,
  syncConnectedTo: 'Verbonden met',
  syncAs: 'als',
  syncLast: 'Laatste synchronisatie',
  syncNever: 'Nog niet',
  syncLastValue: (when: string, came: string, went: string) => `${when}: ${came} binnengekomen, ${went} verstuurd`,
  syncConflicts: (count: number) =>
    `${count} ${count === 1 ? 'notitie is' : 'notities zijn'} op twee plekken veranderd; beide teksten blijven bewaard, de kopie is gemarkeerd in het dagboek.`,
  syncRunning: 'Bezig met synchroniseren…',
  syncNow: 'Nu synchroniseren',
  syncDisconnect: 'Verbinding verbreken',
  ...syncFailuresNl,
  syncFailed: (when: string, reason: string) => `De synchronisatie van ${when} lukte niet: ${reason}`,
  syncSetAside: (file: string, problem: string) =>
    `Het bestand ${file} op de server ${PROBLEMS[problem] ?? 'kon niet gelezen worden'}. Het is opzijgezet: er is niets van toegepast en het is niet overschreven.`,
  syncServerSeesHeading: 'Wat de server kan zien',
  syncServerSees:
    'Hoeveel bestanden er zijn (hooguit 258), hoe groot ze zijn en wanneer ze veranderen. Geen woord van wat je schrijft, niet je gevoelens, tags of vragen.',
  syncStateFailed: 'Wat synchroniseren deed kon in deze browser niet gelezen worden.',
};
