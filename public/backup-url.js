// Chromium's offscreen document for automatic backups (entrypoints/background/file-url.ts): a
// service worker cannot give a Blob a URL, a document can. The background sends the finished file
// here with a port; this page answers with a blob: URL for downloads.download, and keeps the file
// alive until the background closes it, once the download is done. Nothing else happens here.
// A plain file in public/, not a WXT page: a page of its own would give every page's first paint
// one more shared chunk to load (scripts/sizes.mjs).
navigator.serviceWorker.onmessage = (event) => {
  const [port] = event.ports;
  if (event.data instanceof Blob && port) port.postMessage(URL.createObjectURL(event.data));
};
