/** The Dutch words of automatic backups. */
import type { AutoBackupFailureReason } from '@/utils/model/auto-backup';
import type { AutoBackupMessages } from './auto-backup.en';

/** Why a backup was not written, as the end of autoFailed's sentence (the permission's stands alone too). */
const REASONS: Readonly<Record<AutoBackupFailureReason, string>> = {
  permission:
    'Adempauze mag geen downloads meer opslaan (de toestemming is ingetrokken). Zet automatische reservekopieën uit en weer aan om het toe te staan.',
  'disk-full': 'de schijf is vol. Maak wat ruimte vrij; de volgende reservekopie probeert het opnieuw.',
  blocked: 'de browser of de computer heeft de download tegengehouden.',
  'access-denied': 'er kon niet in de map Downloads worden geschreven.',
  canceled: 'de download is geannuleerd.',
  read: 'het dagboek kon niet worden gelezen.',
  failed: 'de download is niet afgemaakt.',
};

export const autoBackupNl: AutoBackupMessages = {
  autoHeading: 'Automatisch een reservekopie maken',
  autoIntro:
    'Adempauze bewaart uit zichzelf een kopie van je hele dagboek in de map Adempauze in je map Downloads, zonder venster. De laatste 8 blijven staan; oudere kopieën die het zelf maakte ruimt het op, nooit een ander bestand. De kopieën blijven op deze computer.',
  autoSwitch: 'Automatisch een reservekopie maken',
  autoPermissionHint: 'Bij het aanzetten vraagt je browser één keer of Adempauze downloads mag opslaan.',
  autoPermissionRefused: 'Automatische reservekopieën blijven uit: de browser stond Adempauze niet toe downloads op te slaan.',
  autoFrequency: 'Hoe vaak',
  autoWeekly: 'Elke week',
  autoDaily: 'Elke dag',
  autoLast: 'Laatste automatische reservekopie',
  autoLastValue: (when: string, notes: string) => `${when}, ${notes}`,
  autoFile: 'Bestand',
  autoNone: 'Nog geen automatische reservekopie.',
  autoNext: 'Volgende',
  autoNextSoon: 'Binnenkort, op een rustig moment',
  autoWriting: 'Er wordt nu een reservekopie gemaakt…',
  autoNow: 'Nu een reservekopie maken',
  autoEncrypted: 'Je dagboek is vergrendeld, dus elke reservekopie is versleuteld: alleen je wachtwoordzin of je herstelsleutel opent hem.',
  autoReadable: 'Je dagboek heeft geen slot, dus wie deze bestanden opent, kan je notities lezen.',
  autoOfferLock: 'Wachtwoordzin kiezen',
  autoFailed: (when: string, reason: string) => `De automatische reservekopie van ${when} is niet gelukt: ${reason}`,
  autoReason: (reason: AutoBackupFailureReason) => REASONS[reason],
  autoStateFailed: 'Wat automatische reservekopieën deden, kon niet uit deze browser worden gelezen.',
  autoUnreadable:
    'Wat deze browser over automatische reservekopieën bewaarde, kon niet worden gelezen, dus ze staan uit. Zet ze weer aan om door te gaan.',
  autoSurvives:
    'Wie de extensie verwijdert, verwijdert het dagboek uit deze browser. De automatische reservekopieën in je map Downloads blijven staan: die blijven over, en Importeren hieronder haalt ze terug.',
  noticeFailedTitle: 'De automatische reservekopie is niet gelukt',
  noticeFailed: (reason: string) => `De laatste automatische reservekopie is niet geschreven: ${reason}`,
  noticeOpenBackup: 'Reservekopie openen',
  noticeSuggestFirst: 'Houd je dagboek veilig: Adempauze kan er uit zichzelf elke week een reservekopie van maken in je map Downloads.',
  noticeSuggestTwenty:
    'Je dagboek telt nu 20 notities. Adempauze kan er uit zichzelf elke week een reservekopie van maken in je map Downloads.',
  noticeSetUp: 'Automatische reservekopieën instellen',
  noticeNotNow: 'Niet nu',
};
