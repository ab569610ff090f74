// page.evaluate() callbacks run inside extension pages, where the `chrome` global exists.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
