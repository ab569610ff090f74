/**
 * A URL for an automatic backup's file, for downloads.download. Firefox's background is a page and
 * makes one itself. Chromium's is a service worker, which cannot (URL.createObjectURL does not
 * exist there), and a data: URL would hold the whole file again, base64 and larger; so the file is
 * handed, by reference, to an offscreen document that makes the blob: URL and keeps the file alive
 * until the download is done (the documented purpose of the offscreen reason BLOBS).
 */
import { browser } from 'wxt/browser';

/** The offscreen document: a plain file in public/ (see there why). */
const WRITER = '/backup-url.html';

/** What of the service worker's `clients` this needs (the DOM library the project compiles with has no worker types). */
interface WorkerClients {
  matchAll(options: {
    includeUncontrolled: boolean;
  }): Promise<readonly { url: string; postMessage(message: unknown, transfer: Transferable[]): void }[]>;
}

/** A page, or Firefox's background page: it makes blob: URLs itself. */
const makesUrls = (): boolean => typeof URL.createObjectURL === 'function';

/** A blob: URL for `blob`, alive until releaseFileUrl. */
export async function fileUrl(blob: Blob): Promise<string> {
  if (makesUrls()) return URL.createObjectURL(blob);
  // One offscreen document at a time: one a worker left behind (ended while writing) goes first.
  await releaseFileUrl(undefined);
  await browser.offscreen.createDocument({
    url: WRITER,
    reasons: ['BLOBS'],
    justification: 'Gives the automatic backup file a URL for the downloads API, which a service worker cannot.',
  });
  const worker = globalThis as unknown as { clients: WorkerClients };
  const page = (await worker.clients.matchAll({ includeUncontrolled: true })).find((client) => new URL(client.url).pathname === WRITER);
  if (!page) throw new Error('the offscreen document did not open');
  const channel = new MessageChannel();
  const url = new Promise<string>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<string>) => resolve(event.data);
  });
  page.postMessage(blob, [channel.port2]);
  return url;
}

/** Lets the file go: the offscreen document closes (Chromium), or the URL is revoked (Firefox). */
export async function releaseFileUrl(url: string | undefined): Promise<void> {
  if (makesUrls()) {
    if (url) URL.revokeObjectURL(url);
    return;
  }
  if (await browser.offscreen.hasDocument()) await browser.offscreen.closeDocument();
}
