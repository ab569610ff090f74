import { browser } from 'wxt/browser';
import { logProblem } from '@/utils/log';

/**
 * Only in test builds (`wxt build --mode e2e`). Firefox refuses to let automation navigate a tab
 * to a moz-extension:// page, so the Firefox smoke test needs the extension to open its own popup
 * page in a tab, where the test can find it.
 */
export function openPopupForTests(): void {
  browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }).catch((error: unknown) => {
    logProblem('(e2e build) popup tab not opened', error);
  });
}
