/** The Dutch strings the background shows: the offer of a pause in a notification and on the toolbar. */
import type { NotificationMessages } from './notification.en';

export const notificationNl: NotificationMessages = {
  offerTitle: 'Tijd voor een adempauze?',
  takePause: 'Neem een pauze',
  later: 'Straks',
  // The article's own words ("Waarom voelen we ons zwak als we kwetsbaar zijn?"), some shortened.
  lineCourage: 'Kwetsbaarheid is geen teken van zwakte, maar juist van moed.',
  lineStrength: 'Kwetsbaarheid is eigenlijk een kracht.',
  lineRealStrength: 'Echte sterkte gaat juist vaak samen met het tonen van je emoties.',
  lineHuman: 'Je imperfecties laten zien maakt je menselijk en oprecht.',
  lineFreeing: 'Helemaal jezelf zijn werkt bevrijdend.',
  lineConnection: 'Door jezelf open te stellen, maak je echte verbinding met anderen.',
  lineDepth: 'Kwetsbaarheid opent de deur naar diepgang in relaties.',
  lineStartSmall: 'Begin klein: deel een kleine onzekerheid met iemand die je vertrouwt.',
  lineBoundaries: 'Je hoeft niet alles te delen.',
  lineKindness: '“Het kost me kracht om me open te stellen.”',
};
