/**
 * Chromium's offscreen document for automatic backups (entrypoints/background/file-url.ts): a
 * service worker cannot give a Blob a URL, a document can. The background sends the finished
 * file here with a port; this page answers with a blob: URL for downloads.download, and keeps the
 * file alive until the background closes it, once the download is done. Nothing else happens here.
 */
navigator.serviceWorker.onmessage = (event: MessageEvent<unknown>) => {
  const [port] = event.ports;
  if (!(event.data instanceof Blob) || !port) return;
  port.postMessage(URL.createObjectURL(event.data));
};
