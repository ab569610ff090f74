// The first run offers the lock before anything is written (issue 19): a new install's popup shows
// the offer under the prompt until the person sets a passphrase or says "Not now".
import { firstRunEn } from '@/utils/i18n/first-run.en';
import { firstRunNl } from '@/utils/i18n/first-run.nl';
import { expect, test } from './fixtures';
import { PrivacyPage } from './pages/privacy-page';

const PASSPHRASE = 'heron over the quiet lake';

test('a new install offers the lock in the popup; "Set a passphrase" opens Privacy, and once the lock is on the offer is gone', async ({
  context,
  extensionId,
  popup,
  t,
}) => {
  await popup.open();
  const offer = popup.page.getByRole('region', { name: firstRunEn.lockOfferHeading });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(firstRunEn.lockOfferText);
  // The prompt comes first: the offer never takes the focus from the answer.
  await expect(popup.answer).toBeFocused();

  const opened = context.waitForEvent('page');
  await offer.getByRole('button', { name: firstRunEn.lockOfferSetUp }).click();
  const privacyTab = await opened;
  await expect(privacyTab).toHaveURL(`chrome-extension://${extensionId}/options.html#privacy`);
  await expect(privacyTab.getByRole('heading', { level: 1, name: t.privacyTitle })).toBeVisible();
  await privacyTab.close();

  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.turnOn(PASSPHRASE);
  await popup.open();
  // The pause panel loads with the offer's code: once it is there, the offer would be too.
  await expect(popup.page.getByRole('status').first()).toBeVisible();
  await expect(popup.page.getByRole('heading', { name: firstRunEn.lockOfferHeading })).toHaveCount(0);
  await popup.close();

  // Removing the lock does not bring the first run's offer back.
  await privacy.startRemoving(PASSPHRASE);
  await expect(privacy.page.getByRole('heading', { level: 2, name: t.lockOffHeading })).toBeVisible();
  await popup.open();
  await expect(popup.page.getByRole('status').first()).toBeVisible();
  await expect(popup.page.getByRole('heading', { name: firstRunEn.lockOfferHeading })).toHaveCount(0);
});

test.describe('in Dutch', () => {
  test.use({ uiLanguage: 'nl' });

  test('"Nu niet" declines the offer for good, saying where the lock is', async ({ popup }) => {
    await popup.open();
    const offer = popup.page.getByRole('region', { name: firstRunNl.lockOfferHeading });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: firstRunNl.lockOfferNotNow }).click();
    await expect(popup.page.getByRole('status').filter({ hasText: firstRunNl.lockOfferLater })).toBeVisible();
    await expect(offer).toHaveCount(0);
    await popup.close();
    await popup.open();
    await expect(popup.page.getByRole('status').first()).toBeVisible();
    await expect(popup.page.getByRole('heading', { name: firstRunNl.lockOfferHeading })).toHaveCount(0);
  });
});
