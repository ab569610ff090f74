/**
 * A small WebDAV client on `fetch`, for the person's own server (Nextcloud, ownCloud, a NAS, Apache,
 * nginx): the only network code of the extension. It runs in the MV3 service worker (no DOMParser,
 * no XMLHttpRequest) and in pages, in Chromium and Firefox, and turns every failure into a DavError
 * whose `failure` the sync engine and the UI can act on.
 */
import { parseMultistatus, XmlError, type DavResponse } from './webdav-xml';

export interface DavTarget {
  /** The folder the journal lives in, absolute, ending in '/': e.g. https://cloud.example/remote.php/dav/files/anna/Adempauze/ */
  readonly folder: string;
  readonly user: string;
  readonly password: string;
}

export interface DavEntry {
  /** The name relative to the listed folder, decoded, without a trailing slash. */
  readonly name: string;
  readonly folder: boolean;
  /**
   * The entity tag as the server gave it in PROPFIND, normalised (see normaliseEtag): without a W/
   * prefix or a -gzip/-br suffix, always quoted; '' for folders without one.
   */
  readonly etag: string;
  readonly size: number;
  /** Last modified, epoch ms (0 when the server does not say). */
  readonly modified: number;
}

/**
 * Why a request failed:
 * - `auth`: 401, the user name or password (Nextcloud with two-factor needs an app password);
 * - `forbidden`: 403;
 * - `unreachable`: no answer at all (no network, DNS, refused, the connection broke mid-answer), or
 *   the server's certificate is not trusted: fetch in an extension reports both as the same bare
 *   TypeError, so the UI should say "unreachable, or its certificate is not trusted";
 * - `not-found`: 404, or 409 when the parent folder does not exist;
 * - `no-space`: 507, or a quota answer (Nextcloud's and ownCloud's Sabre InsufficientStorage);
 * - `conflict`: the resource is locked (423), a file stands where a folder should, or the server
 *   never gives a strong entity tag so a conditional write cannot succeed;
 * - `server`: any other error status (5xx and unexpected 4xx), `status` says which;
 * - `timeout`: no complete answer within the client's `timeoutMs`;
 * - `bad-answer`: a 2xx that is not what the request asks for (a PROPFIND answer that does not
 *   parse, such as a login page a proxy put in front of the server).
 */
export type DavFailure = 'auth' | 'forbidden' | 'unreachable' | 'not-found' | 'no-space' | 'conflict' | 'server' | 'timeout' | 'bad-answer';

/** A WebDAV request that failed; `status` is the HTTP status when the server answered one. */
export class DavError extends Error {
  constructor(
    readonly failure: DavFailure,
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DavError';
  }
}

export type DavClient = ReturnType<typeof davClient>;

/** How long one request may take, answer included, unless the caller says otherwise. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** How often to look again while Apache's tag for a file written in the last second is weak (see below). */
const WEAK_ETAG_POLL_MS = 200;

/**
 * Normalises an entity tag so the same content compares equal however the server dressed it:
 * - `W/`: Apache (mod_dav_fs) marks the tag of a file modified within the last second weak and the
 *   same tag strong a second later, content unchanged; nginx weakens tags it compresses.
 * - `-gzip` / `-br` (Apache 2.4's mod_deflate and mod_brotli, DeflateAlterETag's default) and
 *   `;gzip` (older Apache): appended to the tag of a compressed answer, while a conditional PUT or
 *   DELETE is compared with the stored file's own tag, which has no suffix.
 * - Quotes: If-Match needs a quoted tag; a few servers write getetag without them.
 * Compared by the sync engine as opaque strings; '' stays ''.
 */
export function normaliseEtag(raw: string): string {
  const tag = raw.trim().replace(/^W\//i, '');
  if (tag === '') return '';
  const quoted = tag.startsWith('"') && tag.endsWith('"') && tag.length > 1 ? tag : `"${tag}"`;
  return quoted.replace(/[-;](?:gzip|br)"$/, '"');
}

function isWeak(raw: string): boolean {
  return /^W\//i.test(raw.trim());
}

/** Percent-encodes a relative path per segment; refuses empty, `.` and `..` segments (a path never leaves the folder). */
function encodePath(path: string): string {
  if (path === '') return '';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new TypeError(`Not a relative WebDAV path: ${JSON.stringify(path)}`);
  }
  return segments.map(encodeURIComponent).join('/');
}

/** A URL path's segments, decoded and in NFC, for comparing hrefs however the server encoded them. */
function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).normalize('NFC');
      } catch {
        // A stray '%' that is not an escape: the server meant it literally.
        return segment.normalize('NFC');
      }
    });
}

function entryOf(name: string, response: DavResponse): DavEntry {
  return { name, folder: response.folder, etag: normaliseEtag(response.etag), size: response.size, modified: response.modified };
}

function basicAuthorization(user: string, password: string): string {
  // RFC 7617: the credentials are UTF-8, which btoa alone cannot take.
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))}`;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer>;
}

/** The failure an error status stands for; `text` is the answer's body (a quota answer says so only there). */
function failureOf(status: number, text: string): DavFailure {
  if (status === 507 || (status >= 400 && /InsufficientStorage|\bquota\b/i.test(text))) return 'no-space';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 409) return 'not-found';
  if (status === 423) return 'conflict';
  if (status === 408) return 'timeout';
  return 'server';
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/><d:getcontentlength/><d:getlastmodified/></d:prop></d:propfind>';

/**
 * A client for one journal folder. Every method rejects with a DavError on failure; a TypeError
 * only for a path that is not relative to the folder.
 */
export function davClient(target: DavTarget, options: { fetch?: typeof fetch; timeoutMs?: number } = {}) {
  if (!target.folder.endsWith('/')) throw new TypeError('The WebDAV folder must end in "/"');
  // The global is looked up at each call, not kept: a page or test may install its own after this.
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const authorization = basicAuthorization(target.user, target.password);

  const fileUrl = (path: string) => target.folder + encodePath(path);
  const folderUrl = (path: string) => (path === '' ? target.folder : `${fileUrl(path)}/`);

  /** One request, its whole body read within the same deadline, so a stalled body times out too. */
  async function send(method: string, url: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<Answer> {
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { Authorization: authorization, ...headers },
        // Nextcloud's session cookie would otherwise stand in for these credentials (and keep
        // working after the password changed); no cookie is sent or stored.
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
        // A copy: fetch takes ArrayBuffer-backed views only, and the caller keeps its own array.
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new DavError('timeout', `${method} ${url}: no answer within ${timeoutMs} ms`, undefined, { cause: error });
      }
      // fetch rejects with a bare TypeError for every network failure: refused, reset, DNS, a body
      // cut off, and an untrusted TLS certificate (the extension cannot tell these apart).
      throw new DavError('unreachable', `${method} ${url}: ${error instanceof Error ? error.message : String(error)}`, undefined, {
        cause: error,
      });
    }
  }

  function fail(method: string, url: string, answer: Answer): never {
    const text = new TextDecoder().decode(answer.body);
    throw new DavError(failureOf(answer.status, text), `${method} ${url}: HTTP ${answer.status}`, answer.status);
  }

  const ok = (status: number) => status >= 200 && status < 300;

  /** PROPFIND; undefined on 404; the parsed responses otherwise. */
  async function propfind(url: string, depth: '0' | '1'): Promise<DavResponse[] | undefined> {
    const answer = await send(
      'PROPFIND',
      url,
      { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' },
      new TextEncoder().encode(PROPFIND_BODY),
    );
    if (answer.status === 404) return undefined;
    if (!ok(answer.status)) fail('PROPFIND', url, answer);
    try {
      if (answer.status !== 207) throw new XmlError(`HTTP ${answer.status} instead of 207 Multi-Status`);
      return parseMultistatus(new TextDecoder().decode(answer.body)).filter(
        (response) => response.status === undefined || ok(response.status),
      );
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      throw new DavError('bad-answer', `PROPFIND ${url}: ${error.message}`, answer.status, { cause: error });
    }
  }

  /** The resource's own PROPFIND answer (Depth 0), undefined when it does not exist. */
  async function statResponse(path: string): Promise<DavResponse | undefined> {
    const url = fileUrl(path);
    const responses = await propfind(url, '0');
    if (!responses) return undefined;
    const [own] = responses;
    if (!own) throw new DavError('bad-answer', `PROPFIND ${url}: a multistatus without a response`);
    return own;
  }

  /**
   * A conditional write that came back 412 while it named a tag. Apache 2.4 (checked with 2.4.71)
   * gives a file written within the last second a weak tag (W/"size-mtime") in PROPFIND and GET, and
   * answers 412 to any If-Match then, weak or stripped, because If-Match compares strongly; a second
   * later the same tag is strong and matches. So a PUT right after a PUT would always look like
   * someone else's write. When the file's tag is still the one the write named, only weak, this
   * waits until the server calls it strong and tries once more; a real change answers 'changed'.
   */
  async function retryWhenStrong<T>(path: string, ifMatch: string, write: () => Promise<T>, gone: T): Promise<T | 'changed'> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const own = await statResponse(path);
      if (!own) return gone;
      if (normaliseEtag(own.etag) !== normaliseEtag(ifMatch)) return 'changed';
      if (!isWeak(own.etag)) return write();
      if (Date.now() > deadline) {
        throw new DavError('conflict', `${fileUrl(path)}: the server keeps the entity tag weak, so a conditional write cannot succeed`);
      }
      await new Promise((resolve) => setTimeout(resolve, WEAK_ETAG_POLL_MS));
    }
  }

  return {
    /** PROPFIND Depth 1 of a folder below `folder` ('' = the folder itself); undefined when it does not exist (404). The folder's own entry is left out. */
    async list(path: string): Promise<DavEntry[] | undefined> {
      const url = folderUrl(path);
      const responses = await propfind(url, '1');
      if (!responses) return undefined;
      const base = pathSegments(new URL(url));
      const placed = responses.map((response) => {
        const segments = pathSegments(new URL(response.href, url));
        const below = base.every((segment, i) => segments[i] === segment);
        return { response, segments, rest: below ? segments.slice(base.length) : undefined };
      });
      if (placed.every(({ rest }) => rest === undefined)) {
        // Every href has another prefix: a reverse proxy that maps the folder elsewhere and does not
        // rewrite hrefs. The first response is the folder itself (RFC 4918 lists the collection first
        // in practice), the names are the last segments.
        return placed.slice(1).map(({ response, segments }) => entryOf(segments.at(-1) ?? '', response));
      }
      if (placed.some(({ rest }) => rest === undefined)) {
        throw new DavError('bad-answer', `PROPFIND ${url}: an href outside the listed folder`);
      }
      return placed.flatMap(({ response, rest = [] }) => (rest.length === 0 ? [] : [entryOf(rest.join('/'), response)]));
    },

    /** PROPFIND Depth 0; undefined when it does not exist. The entry's name is `path`. */
    async stat(path: string): Promise<DavEntry | undefined> {
      const own = await statResponse(path);
      return own && entryOf(path, own);
    },

    /** GET; undefined on 404. `etag` from the response header if any (the caller prefers PROPFIND's). */
    async get(path: string): Promise<{ body: Uint8Array; etag?: string } | undefined> {
      const url = fileUrl(path);
      const answer = await send('GET', url);
      if (answer.status === 404) return undefined;
      if (!ok(answer.status)) fail('GET', url, answer);
      const etag = answer.headers.get('ETag');
      return { body: answer.body, ...(etag ? { etag: normaliseEtag(etag) } : {}) };
    },

    /**
     * Conditional PUT: 'ok' with the new etag when the server says one (strong) — else the caller
     * lists; 'changed' on 412 (someone else wrote first). Apache 2.4.71 sends no ETag on PUT;
     * Nextcloud does.
     */
    async put(
      path: string,
      body: Uint8Array,
      condition: { ifMatch: string } | { ifNoneMatch: '*' },
    ): Promise<{ outcome: 'ok'; etag?: string } | { outcome: 'changed' }> {
      const url = fileUrl(path);
      const headers: Record<string, string> =
        'ifMatch' in condition ? { 'If-Match': normaliseEtag(condition.ifMatch) } : { 'If-None-Match': '*' };
      const write = async (): Promise<{ outcome: 'ok'; etag?: string } | 'changed'> => {
        const answer = await send('PUT', url, { ...headers, 'Content-Type': 'application/octet-stream' }, body);
        if (answer.status === 412) return 'changed';
        if (!ok(answer.status)) fail('PUT', url, answer);
        const etag = answer.headers.get('ETag');
        return { outcome: 'ok', ...(etag && !isWeak(etag) ? { etag: normaliseEtag(etag) } : {}) };
      };
      let result = await write();
      // A file deleted since is someone else's change too: If-Match can never hold again.
      if (result === 'changed' && 'ifMatch' in condition) result = await retryWhenStrong(path, condition.ifMatch, write, 'changed');
      return result === 'changed' ? { outcome: 'changed' } : result;
    },

    /** MKCOL of a folder below `folder` ('' = the folder itself); resolves when it exists afterwards (405 = already there). */
    async makeFolder(path: string): Promise<void> {
      const url = folderUrl(path);
      const answer = await send('MKCOL', url);
      if (ok(answer.status)) return;
      // 405 says only that something is there (Nextcloud says it for a file too); Apache 2.4.71
      // answers 400 when a file has the name (the request's trailing slash names a folder).
      if (answer.status !== 405 && answer.status !== 400) fail('MKCOL', url, answer);
      const own = await statResponse(path);
      if (own?.folder) return;
      if (own) throw new DavError('conflict', `MKCOL ${url}: a file, not a folder, has that name`, answer.status);
      fail('MKCOL', url, answer);
    },

    /** Conditional DELETE; 'changed' on 412, ok when already gone. */
    async remove(path: string, ifMatch?: string): Promise<'ok' | 'changed'> {
      const url = fileUrl(path);
      const write = async (): Promise<'ok' | 'changed'> => {
        const answer = await send('DELETE', url, ifMatch ? { 'If-Match': normaliseEtag(ifMatch) } : {});
        if (answer.status === 412) return 'changed';
        if (answer.status === 404) return 'ok';
        if (!ok(answer.status)) fail('DELETE', url, answer);
        return 'ok';
      };
      const result = await write();
      return result === 'changed' && ifMatch ? retryWhenStrong(path, ifMatch, write, 'ok') : result;
    },
  };
}
