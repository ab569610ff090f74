/** The Dutch strings of the journal lock's own screens (the Privacy section and the unlock form). */
import { numbersIn } from './format';
import type { LockOnlyMessages } from './lock.en';

const { number, plural } = numbersIn('nl');

export const lockNl: LockOnlyMessages = {
  privacyTitle: 'Privacy en slot',
  privacyIntro: 'Met een slot op een wachtwoordzin kan niemand anders die deze browser gebruikt je dagboek lezen.',
  lockOffHeading: 'Je dagboek op slot doen met een wachtwoordzin',
  lockWhatNotes:
    'Je notities en je eigen vragen worden versleuteld op dit apparaat bewaard. Alleen je wachtwoordzin, of je herstelsleutel, maakt ze open.',
  lockWhatDrafts:
    'Concepten die je nog niet hebt bewaard, worden ook verzegeld: zodra het dagboek op slot gaat, opent alleen je wachtwoordzin ze weer.',
  lockWhatBefore:
    'Wat je schreef voordat je het slot aanzette, wordt opnieuw versleuteld opgeslagen, en de oude leesbare kopieën verdwijnen uit de bestanden van de browser. Wat geen browser kan wissen: de schijf kan de blokken van verwijderde bestanden bewaren tot ze worden overschreven, dus wie een herstelprogramma op de schijf zelf loslaat, kan ze nog vinden (versleuteling van de hele schijf van je computer dekt dat af), en concepten en eigen vragen uit een eerdere versie van Adempauze kunnen in de bestanden van de browser blijven staan tot die ze opruimt. Het slot aanzetten voordat je schrijft, voorkomt allebei.',
  lockWhatDates: 'De datums van je notities blijven leesbaar, zodat de kalender bij Inzichten en het moment van pauzes blijven werken.',
  lockWhatPopup:
    'Schrijven vanuit de pop-up in de werkbalk vraagt nooit om de wachtwoordzin. Wat je daar bewaart terwijl het dagboek op slot is, blijft verzegeld tot je het ontgrendelt.',
  lockWhatSession:
    'Eenmaal ontgrendeld gaat het dagboek weer op slot als je scherm vergrendelt, na een tijd zonder gebruik, en als je de browser afsluit.',
  lockPassphrase: 'Wachtwoordzin',
  lockNewPassphrase: 'Nieuwe wachtwoordzin',
  lockRepeatPassphrase: 'Dezelfde wachtwoordzin nog eens',
  lockPassphraseHint: 'Minstens 8 tekens. Een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden.',
  lockPassphraseTooShort: 'Gebruik minstens 8 tekens.',
  lockPassphraseMismatch: 'Dit is niet dezelfde als de wachtwoordzin hierboven.',
  lockAcknowledge:
    'Ik begrijp het: als ik mijn wachtwoordzin vergeet en ook mijn herstelsleutel kwijtraak, kan niemand mijn notities nog lezen, ook de makers van Adempauze niet.',
  lockAcknowledgeMissing: 'Vink dit vakje aan om verder te gaan.',
  lockTurnOn: 'Slot aanzetten',
  lockTurningOn: 'Het slot wordt aangezet…',
  lockTurnOnFailed: (detail: string) =>
    `Het slot kon niet worden aangezet (${detail}). Je notities zijn zoals ze waren; probeer het opnieuw.`,
  lockRecoveryHeading: 'Je herstelsleutel',
  lockRecoveryExplain:
    'Als je ooit je wachtwoordzin vergeet, maakt deze sleutel je dagboek open. Hij wordt maar één keer getoond: druk hem af of schrijf hem op, en bewaar hem op een veilige plek buiten deze browser.',
  lockRecoveryLabel: 'Herstelsleutel',
  lockCopy: 'Kopiëren',
  lockCopied: 'Gekopieerd.',
  lockCopyFailed: 'Kopiëren lukte hier niet. Selecteer de sleutel en kopieer hem zelf.',
  lockPrint: 'Afdrukken',
  lockRecoveryKept: 'Ik heb hem veilig bewaard',
  lockEncryptingLabel: 'Je dagboek wordt versleuteld',
  lockDecryptingLabel: 'Je dagboek wordt ontsleuteld',
  lockProgress: (done: number, total: number) => `${number(done)} van ${number(total)}…`,
  lockProgressPercent: (percent: number) => `${number(percent)}% klaar.`,
  lockProgressHint:
    'Je kunt Adempauze intussen gewoon gebruiken. Sluit je dit tabblad, dan gaat er niets verloren: het gaat verder zodra het dagboek weer open en ontgrendeld is.',
  lockEncryptingElsewhere: 'Je dagboek wordt versleuteld. Dat gaat verder zolang het dagboek open en ontgrendeld is.',
  lockDecryptingElsewhere: 'Het slot wordt verwijderd. Dat gaat verder zolang het dagboek open en ontgrendeld is.',
  lockTurnedOn: 'Het slot staat aan: je dagboek is versleuteld.',
  lockRemoved: 'Het slot is verwijderd: je notities worden weer zonder wachtwoordzin bewaard.',
  lockOnHeading: 'Het slot staat aan',
  lockOnUnlocked: 'Je dagboek is nu ontgrendeld.',
  lockNowFailed: (detail: string) =>
    `Het dagboek kon niet op slot worden gedaan (${detail}). Probeer het opnieuw, of sluit de browser af om het op slot te doen.`,
  lockAfterLabel: 'Weer op slot na zo lang zonder gebruik',
  lockAfterChoice: (minutes: number) =>
    minutes % 60 === 0 ? plural(minutes / 60, { one: '# uur', other: '# uur' }) : plural(minutes, { one: '# minuut', other: '# minuten' }),
  lockAfterSaved: 'Bewaard.',
  lockChangeFailed: (detail: string) => `De wijziging kon niet worden bewaard (${detail}). Er is niets veranderd; probeer het opnieuw.`,
  lockChangeHeading: 'Wachtwoordzin wijzigen',
  lockChangeHint: 'Je herstelsleutel blijft dezelfde.',
  lockChangePassphrase: 'Wachtwoordzin wijzigen',
  lockChanging: 'De wachtwoordzin wordt gewijzigd…',
  lockPassphraseChanged: 'Je wachtwoordzin is gewijzigd. Gebruik voortaan de nieuwe.',
  lockRemoveHeading: 'Slot verwijderen',
  lockRemoveHint: 'Je notities worden ontsleuteld en weer zonder wachtwoordzin op dit apparaat bewaard.',
  lockRemoveStart: 'Slot verwijderen…',
  lockRemoveConfirm: 'Daarna kan iedereen die deze browser gebruikt je notities lezen. Het slot verwijderen?',
  lockRemoveYes: 'Ja, slot verwijderen',
  lockRemoveNo: 'Slot houden',
  lockRemoveFailed: (detail: string) => `Het slot kon niet worden verwijderd (${detail}). Het staat nog aan; probeer het opnieuw.`,
  lockLockedPrivacy: 'Je dagboek is op slot. Ontgrendel het om deze instellingen te wijzigen.',
  lockCurrentLabel: 'Je huidige wachtwoordzin',
  lockCurrentRecoveryLabel: 'Je herstelsleutel',
  lockCurrentMissing: 'Typ eerst je huidige wachtwoordzin of herstelsleutel.',
  lockCurrentWrong: 'Die wachtwoordzin of herstelsleutel opent het dagboek niet, dus er is niets veranderd.',
  lockCurrentWait: 'Te vaak fout geprobeerd: wacht even en probeer het dan opnieuw.',
  lockReplaceKey:
    'Vervang ook de sleutel en de herstelsleutel (elke notitie wordt opnieuw versleuteld; je oude herstelsleutel werkt dan niet meer)',
  lockKeyReplaced:
    'Je wachtwoordzin en sleutel zijn vervangen. Bewaar de nieuwe herstelsleutel hieronder; de oude opent het dagboek niet meer.',
  lockKeyRenewed: 'Elke notitie is nu versleuteld met de nieuwe sleutel.',
  lockRenewingElsewhere:
    'Je dagboek wordt opnieuw versleuteld met een nieuwe sleutel. Dat gaat verder zodra het dagboek open en ontgrendeld is.',
  lockReplaceKeyHint: 'Je herstelsleutel wordt ook vervangen: je krijgt een nieuwe één keer te zien.',
  lockRenewingLabel: 'Je dagboek wordt opnieuw versleuteld',
  lockWarningHeading: 'Iemand heeft de instellingen van het slot veranderd',
  lockWarningRecord:
    'De bewaarde instellingen van het slot zijn veranderd zonder je wachtwoordzin (bijvoorbeeld om het slot uit te zetten). Die wijziging is geweigerd: je dagboek blijft op slot, er is niets ontsleuteld en de instellingen zijn terug zoals ze waren.',
  lockWarningPublicKey:
    'De sleutel waarmee notities worden verzegeld als het dagboek op slot is, was vervangen door een andere. Er is een nieuwe gemaakt. Notities die intussen zijn bewaard, zijn verzegeld met die andere sleutel en zijn in je dagboek gemarkeerd; alleen wie de sleutel verving kan ze lezen.',
  lockWarningPrivateKey:
    'De verzegelsleutel van het slot was beschadigd. Er is een nieuwe gemaakt; notities die eerder op slot zijn bewaard, zijn misschien niet te lezen.',
  lockWarningDismiss: 'Gelezen',
  backupPlainSecretLabel: 'Je wachtwoordzin, ter bevestiging',
  backupPlainSecretMissing: 'Typ eerst je wachtwoordzin: een kopie zonder versleuteling is niet terug te nemen.',
  backupPlainWrongSecret: 'Die wachtwoordzin opent het dagboek niet, dus er is geen bestand gemaakt.',
  backupLockedKey: (date: string, keyId: string) => `Hij is gemaakt met de sleutel van ${date} (sleutel ${keyId}).`,
  unlockButton: 'Ontgrendelen',
  unlockBusy: 'Bezig met ontgrendelen…',
  unlockEmpty: 'Typ eerst je wachtwoordzin.',
  unlockEmptyRecovery: 'Typ eerst je herstelsleutel.',
  unlockWrong: 'Met die wachtwoordzin gaat het dagboek niet open. Kijk of Caps Lock aanstaat en probeer het opnieuw.',
  unlockWrongRecovery: 'Met die herstelsleutel gaat het dagboek niet open. Controleer elk groepje van vier tekens en probeer het opnieuw.',
  unlockWait: (seconds: number) =>
    plural(seconds, { one: 'Je kunt het over # seconde opnieuw proberen.', other: 'Je kunt het over # seconden opnieuw proberen.' }),
  unlockFailed: (detail: string) => `Het dagboek kon niet worden ontgrendeld (${detail}). Probeer het opnieuw.`,
  unlockUseRecovery: 'De herstelsleutel gebruiken',
  unlockUsePassphrase: 'De wachtwoordzin gebruiken',
  unlockRecoveryHint: 'De acht groepjes van vier tekens die je bewaarde toen je het slot aanzette.',
  unlockRenewIntro:
    'Je herstelsleutel heeft het dagboek geopend. Kies nu een nieuwe wachtwoordzin, zodat je wachtwoordzin de volgende keer weer genoeg is.',
  unlockRenewSave: 'Wachtwoordzin instellen',
  unlockRenewSkip: 'Overslaan',
};
