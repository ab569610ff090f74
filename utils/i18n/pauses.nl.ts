/** The Dutch strings of the popup's pause panel. */
import type { PausesMessages } from './pauses.en';

export const pausesNl: PausesMessages = {
  pausesHeading: 'Pauzes',
  pausesOff: 'Pauzes staan uit.',
  offerOpen: 'Er staat een pauze voor je klaar.',
  nextPauseAround: (time: string) => `Volgende pauze rond ${time}.`,
  noPausePlanned: 'Geen pauze gepland.',
  quietUntil: (time: string) => `Stil tot ${time}.`,
  quietUntilTomorrow: 'Stil tot morgen.',
  meetingUntil: (time: string) => `In een vergadering tot ${time}.`,
  inMeeting: 'In een vergadering',
  quietFor: 'Hoe lang stil',
  quietUntilTime: 'Tot een tijdstip…',
  quietRestOfToday: 'De rest van vandaag',
  quietTimeLabel: 'Stil tot',
  quietTimeTomorrow: 'Die tijd is vandaag al geweest: stil tot morgen.',
  goQuiet: 'Op stil zetten',
  resumePauses: 'Pauzes hervatten',
  pausesLessOften: 'Pauzes komen minder vaak, nu de laatste paar voorbijgingen.',
  returnToSetPace: 'Terug naar het ingestelde tempo',
};
