import type { FirstRunMessages } from './first-run.en';

export const firstRunNl: FirstRunMessages = {
  lockOfferHeading: 'Houd dit dagboek vanaf het begin voor jezelf',
  lockOfferText:
    'Kies een wachtwoordzin voordat je schrijft, en niets wat je schrijft blijft ooit leesbaar op deze computer staan: je antwoorden niet, je concepten niet.',
  lockOfferSetUp: 'Wachtwoordzin kiezen',
  lockOfferNotNow: 'Nu niet',
  lockOfferLater: 'Je kunt het slot altijd aanzetten onder Privacy in het dagboek.',
};
