// @vitest-environment node
// Node's own fetch against a real Apache: see tests/support/node-environment.ts for why not happy-dom.
import '../support/node-environment';
import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { davClient, DavError, type DavClient, type DavFailure } from '@/utils/sync/webdav';
import { startFaultProxy, startWebdavServer, type FaultProxy, type WebdavServer } from '../support/webdav-server';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array | undefined) => (body ? new TextDecoder().decode(body) : undefined);

/** The DavError a promise rejects with; fails the test if it resolves or rejects with anything else. */
async function davError(promise: Promise<unknown>): Promise<DavError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DavError);
  return error as DavError;
}

async function expectFailure(promise: Promise<unknown>, failure: DavFailure, status?: number): Promise<void> {
  const error = await davError(promise);
  expect({ failure: error.failure, status: error.status }).toEqual({ failure, status });
}

let server: WebdavServer;
let folderCount = 0;

beforeAll(async () => {
  server = await startWebdavServer();
});

afterAll(async () => {
  await server.stop();
});

/** A client on a new, empty journal folder of its own below the server's root, made with the client itself. */
async function freshFolder(url = server.url, timeoutMs?: number): Promise<{ dav: DavClient; name: string }> {
  const name = `journal ${++folderCount}`;
  const target = { folder: `${url}${encodeURIComponent(name)}/`, user: server.user, password: server.password };
  const dav = davClient(target, timeoutMs === undefined ? {} : { timeoutMs });
  await dav.makeFolder('');
  return { dav, name };
}

/** What the server itself says of a path in PROPFIND, before the client normalises it. */
async function rawEtag(url: string): Promise<string | undefined> {
  const answer = await fetch(url, {
    method: 'PROPFIND',
    headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}`, Depth: '0' },
  });
  return /<[^>]*getetag>([^<]*)</.exec(await answer.text())?.[1];
}

describe('against Apache with mod_dav', () => {
  let dav: DavClient;
  let name: string;

  beforeEach(async () => {
    ({ dav, name } = await freshFolder());
  });

  test('makeFolder twice: the second finds it there (405) and resolves; list shows it, without the listed folder itself', async () => {
    await dav.makeFolder('records');
    await dav.makeFolder('records');
    const entries = await dav.list('');
    expect(entries).toEqual([
      {
        name: 'records',
        folder: true,
        etag: expect.stringMatching(/^"[^"]+"$/) as string,
        size: 0,
        modified: expect.any(Number) as number,
      },
    ]);
    expect(await dav.list('records')).toEqual([]);
  });

  test('list, stat and get with names that need encoding, as written on disk', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    await dav.makeFolder('sub dir');
    expect(await dav.put('sub dir/notities & ü (1)+#?.bin', bytes('hello'), { ifNoneMatch: '*' })).toEqual({ outcome: 'ok' });
    // The name on disk is the decoded one: the client encoded each segment once, the server decoded it.
    expect(await readFile(join(server.root, name, 'sub dir', 'notities & ü (1)+#?.bin'), 'utf8')).toBe('hello');

    const [entry] = (await dav.list('sub dir')) ?? [];
    expect(entry).toMatchObject({ name: 'notities & ü (1)+#?.bin', folder: false, size: 5 });
    expect(entry?.etag).toMatch(/^"5-[0-9a-f]+"$/);
    expect(entry?.modified).toBeGreaterThanOrEqual(before);
    expect(entry?.modified).toBeLessThanOrEqual(Date.now());

    expect(await dav.stat('sub dir/notities & ü (1)+#?.bin')).toEqual({ ...entry, name: 'sub dir/notities & ü (1)+#?.bin' });
    expect(await dav.stat('sub dir')).toMatchObject({ name: 'sub dir', folder: true });
    expect(await dav.stat('nothing here')).toBeUndefined();

    const got = await dav.get('sub dir/notities & ü (1)+#?.bin');
    expect(text(got?.body)).toBe('hello');
    // GET's ETag header, normalised, is PROPFIND's.
    expect(got?.etag).toBe(entry?.etag);
    expect(await dav.get('sub dir/nothing here')).toBeUndefined();
  });

  test('binary bodies arrive byte for byte', async () => {
    const body = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256);
    await dav.put('binary', body, { ifNoneMatch: '*' });
    expect((await dav.get('binary'))?.body).toEqual(body);
  });

  test('If-None-Match * on an existing file is "changed" and leaves it as it was', async () => {
    await dav.put('a', bytes('first'), { ifNoneMatch: '*' });
    expect(await dav.put('a', bytes('second'), { ifNoneMatch: '*' })).toEqual({ outcome: 'changed' });
    expect(text((await dav.get('a'))?.body)).toBe('first');
  });

  test('If-Match with a stale tag is "changed" and leaves the newer content', async () => {
    await dav.put('a', bytes('one'), { ifNoneMatch: '*' });
    const first = await dav.stat('a');
    expect(await dav.put('a', bytes('two'), { ifMatch: first?.etag ?? '' })).toEqual({ outcome: 'ok' });
    const second = await dav.stat('a');
    expect(second?.etag).not.toBe(first?.etag);
    expect(await dav.put('a', bytes('three'), { ifMatch: first?.etag ?? '' })).toEqual({ outcome: 'changed' });
    expect(text((await dav.get('a'))?.body)).toBe('two');
  });

  test('a PUT right after a PUT: each write names the tag the last one left, and all of them land', async () => {
    await dav.put('a', bytes('0'), { ifNoneMatch: '*' });
    for (let i = 1; i <= 3; i++) {
      const { etag = '' } = (await dav.stat('a')) ?? {};
      expect(await dav.put('a', bytes(String(i)), { ifMatch: etag })).toEqual({ outcome: 'ok' });
    }
    expect(text((await dav.get('a'))?.body)).toBe('3');
  });

  test('Apache refuses If-Match while a tag is weak, and the client waits until it is strong', async () => {
    await dav.put('a', bytes('first'), { ifNoneMatch: '*' });
    // Apache calls a tag weak while the file's modification is less than a second before the
    // request; a time 3 s ahead keeps it weak for every request below, however slow the machine.
    const soon = new Date(Date.now() + 3000);
    await utimes(join(server.root, name, 'a'), soon, soon);
    const url = `${server.url}${encodeURIComponent(name)}/a`;
    const weak = await rawEtag(url);
    expect(weak).toMatch(/^W\/"/);
    const authorization = `Basic ${btoa(`${server.user}:${server.password}`)}`;
    // What the client must work around: neither the weak tag nor the same tag stripped matches.
    for (const ifMatch of [weak ?? '', (weak ?? '').slice(2)]) {
      const answer = await fetch(url, { method: 'PUT', body: 'x', headers: { Authorization: authorization, 'If-Match': ifMatch } });
      expect(answer.status).toBe(412);
    }
    const { etag = '' } = (await dav.stat('a')) ?? {};
    expect(etag).toBe((weak ?? '').slice(2));
    expect(await dav.put('a', bytes('second'), { ifMatch: etag })).toEqual({ outcome: 'ok' });
    expect(text((await dav.get('a'))?.body)).toBe('second');
  });

  test('remove: a stale tag is "changed", the current one removes, removing again is ok', async () => {
    await dav.put('a', bytes('one'), { ifNoneMatch: '*' });
    const first = await dav.stat('a');
    await dav.put('a', bytes('two'), { ifMatch: first?.etag ?? '' });
    expect(await dav.remove('a', first?.etag)).toBe('changed');
    expect(text((await dav.get('a'))?.body)).toBe('two');
    expect(await dav.remove('a', (await dav.stat('a'))?.etag)).toBe('ok');
    expect(await dav.get('a')).toBeUndefined();
    expect(await dav.remove('a')).toBe('ok');
    expect(await dav.remove('a', first?.etag)).toBe('ok');
  });

  test('Apache writes atomically: during a slow PUT a GET has the old file whole and a listing shows no temporary file', async () => {
    await dav.put('a', bytes('old'), { ifNoneMatch: '*' });
    const url = new URL(`${server.url}${encodeURIComponent(name)}/a`);
    const half = 64 * 1024;
    const put = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PUT',
      headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}`, 'Content-Length': String(2 * half) },
    });
    const answered = new Promise<number | undefined>((resolve, reject) => {
      put.once('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      put.once('error', reject);
    });
    put.write(Buffer.alloc(half, 'n'));
    // The first half has reached the disk once the temporary file holds it.
    const folder = join(server.root, name);
    const temporary = async () => {
      for (const file of await readdir(folder)) {
        // A file that went between readdir and stat is not the one sought.
        const size = await stat(join(folder, file)).then(
          ({ size }) => size,
          () => 0,
        );
        if (file !== 'a' && size >= half) return file;
      }
      return undefined;
    };
    await expect.poll(temporary, { timeout: 10_000 }).toMatch(/^\.davfs\.tmp/);

    expect(text((await dav.get('a'))?.body)).toBe('old');
    expect((await dav.list(''))?.map((entry) => entry.name)).toEqual(['a']);

    put.end(Buffer.alloc(half, 'n'));
    expect(await answered).toBe(204);
    expect((await dav.get('a'))?.body).toEqual(new Uint8Array(2 * half).fill('n'.charCodeAt(0)));
    expect(await readdir(folder)).toEqual(['a']);
  });

  test('remove without a tag removes whatever is there', async () => {
    await dav.put('a', bytes('one'), { ifNoneMatch: '*' });
    expect(await dav.remove('a')).toBe('ok');
    expect(await dav.stat('a')).toBeUndefined();
  });

  test('a folder that does not exist: list is undefined, writing into it is not-found (409)', async () => {
    expect(await dav.list('nope')).toBeUndefined();
    await expectFailure(dav.put('nope/a', bytes('x'), { ifNoneMatch: '*' }), 'not-found', 409);
    await expectFailure(dav.makeFolder('nope/deeper'), 'not-found', 409);
  });

  test('makeFolder where a file has the name is a conflict, not a folder', async () => {
    await dav.put('a', bytes('x'), { ifNoneMatch: '*' });
    // Apache answers 400 (Nextcloud 405); either way the client looks and finds a file.
    await expectFailure(dav.makeFolder('a'), 'conflict', 400);
  });

  test('a wrong password is auth (401) for every method', async () => {
    const wrong = davClient({ folder: `${server.url}${encodeURIComponent(name)}/`, user: server.user, password: 'wrong' });
    await expectFailure(wrong.list(''), 'auth', 401);
    await expectFailure(wrong.get('a'), 'auth', 401);
    await expectFailure(wrong.put('a', bytes('x'), { ifNoneMatch: '*' }), 'auth', 401);
    await expectFailure(wrong.makeFolder('b'), 'auth', 401);
    await expectFailure(wrong.remove('a'), 'auth', 401);
    expect(await dav.list('')).toEqual([]);
  });

  test('a path that is not relative to the folder is refused before any request', async () => {
    for (const path of ['../other', 'a//b', '/a', 'a/./b', 'a/']) {
      await expect(dav.stat(path)).rejects.toThrow(TypeError);
    }
  });
});

describe('through the fault proxy', () => {
  let proxy: FaultProxy;

  beforeEach(async () => {
    proxy = await startFaultProxy(server.url);
  });

  afterEach(async () => {
    await proxy.stop();
  });

  test('507 on PUT is no-space, and the proxy saw it', async () => {
    const { dav } = await freshFolder(proxy.url);
    await proxy.fault({ kind: 'status', status: 507, methods: ['PUT'] });
    await expectFailure(dav.put('a', bytes('x'), { ifNoneMatch: '*' }), 'no-space', 507);
    expect(proxy.requests.at(-1)).toMatchObject({ method: 'PUT', status: 507 });
    // Other methods still pass.
    expect(await dav.list('')).toEqual([]);
  });

  test.each([
    [403, 'forbidden'],
    [500, 'server'],
    [502, 'server'],
    [423, 'conflict'],
    [408, 'timeout'],
  ] as const)('HTTP %i is the failure %s', async (status, failure) => {
    const { dav } = await freshFolder(proxy.url);
    await proxy.fault({ kind: 'status', status });
    await expectFailure(dav.list(''), failure, status);
  });

  test('a 2xx PROPFIND that is not a multistatus is bad-answer', async () => {
    const { dav } = await freshFolder(proxy.url);
    await proxy.fault({ kind: 'status', status: 200, methods: ['PROPFIND'] });
    await expectFailure(dav.list(''), 'bad-answer', 200);
    await expectFailure(dav.stat('a'), 'bad-answer', 200);
  });

  test('a dropped connection is unreachable', async () => {
    const { dav } = await freshFolder(proxy.url);
    await dav.put('a', bytes('x'), { ifNoneMatch: '*' });
    await proxy.fault({ kind: 'drop' });
    await expectFailure(dav.get('a'), 'unreachable');
    await expectFailure(dav.put('a', bytes('y'), { ifNoneMatch: '*' }), 'unreachable');
    await proxy.fault(undefined);
    expect(text((await dav.get('a'))?.body)).toBe('x');
  });

  test('half a GET body is unreachable, never half a file', async () => {
    const { dav } = await freshFolder(proxy.url);
    await dav.put('a', bytes('0123456789'.repeat(1000)), { ifNoneMatch: '*' });
    await proxy.fault({ kind: 'truncate' });
    await expectFailure(dav.get('a'), 'unreachable');
    expect(proxy.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 });
  });

  test('an answer later than timeoutMs is timeout', async () => {
    const { dav } = await freshFolder(proxy.url, 300);
    await proxy.fault({ kind: 'delay', ms: 10_000 });
    await expectFailure(dav.list(''), 'timeout');
  });

  test('a stopped proxy is unreachable, and works again once back', async () => {
    const { dav } = await freshFolder(proxy.url);
    await proxy.fault({ kind: 'down' });
    await expectFailure(dav.list(''), 'unreachable');
    await proxy.fault(undefined);
    expect(await dav.list('')).toEqual([]);
  });
});

test('the server paused mid-sync is unreachable, and resumes on the same port with the same files', async () => {
  const { dav } = await freshFolder();
  await dav.put('a', bytes('kept'), { ifNoneMatch: '*' });
  await server.pause();
  try {
    await expectFailure(dav.get('a'), 'unreachable');
  } finally {
    await server.resume();
  }
  expect(text((await dav.get('a'))?.body)).toBe('kept');
});

describe('what the client sends and how it reads answers (a recording fetch)', () => {
  const target = { folder: 'https://cloud.example/remote.php/dav/files/anna/Adempauze/', user: 'anna', password: 'pässwörd' };

  function recording(answer: () => Response) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
      return Promise.resolve(answer());
    };
    return { calls, fetch };
  }

  test('Basic auth in UTF-8, no cookies, no cache, each segment encoded once', async () => {
    const { calls, fetch } = recording(() => new Response(null, { status: 201 }));
    await davClient(target, { fetch }).put('a b/c%d#e', bytes('x'), { ifMatch: 'W/"t"' });
    const [call] = calls;
    expect(call?.url).toBe('https://cloud.example/remote.php/dav/files/anna/Adempauze/a%20b/c%25d%23e');
    expect(call?.init).toMatchObject({ method: 'PUT', credentials: 'omit', cache: 'no-store' });
    const headers = call?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Basic ${Buffer.from('anna:pässwörd', 'utf8').toString('base64')}`);
    // The weak form is never sent: If-Match compares strongly.
    expect(headers['If-Match']).toBe('"t"');
  });

  test.each([
    [
      'Nextcloud over quota (507)',
      507,
      'no-space',
      '<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\\DAV\\Exception\\InsufficientStorage</s:exception><s:message/></d:error>',
    ],
    [
      'a quota answered as 403',
      403,
      'no-space',
      '<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:message>Quota exceeded</s:message></d:error>',
    ],
    ['a plain 403', 403, 'forbidden', ''],
  ] as const)('%s: HTTP %i is the failure %s', async (_, status, failure, body) => {
    const { fetch } = recording(() => new Response(body, { status }));
    await expectFailure(davClient(target, { fetch }).put('a', bytes('x'), { ifNoneMatch: '*' }), failure, status);
  });

  test('a PUT that answers a strong ETag gives it; a weak one is left out (the caller lists)', async () => {
    let etag = '"abc"';
    const { fetch } = recording(() => new Response(null, { status: 204, headers: { ETag: etag } }));
    const dav = davClient(target, { fetch });
    expect(await dav.put('a', bytes('x'), { ifNoneMatch: '*' })).toEqual({ outcome: 'ok', etag: '"abc"' });
    etag = 'W/"abc"';
    expect(await dav.put('a', bytes('x'), { ifNoneMatch: '*' })).toEqual({ outcome: 'ok' });
  });

  test('a listing behind a proxy that rewrote the path: the first response is the folder, names are last segments', async () => {
    const body = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/internal/anna/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response><d:response><d:href>/internal/anna/x%20y</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
    const { fetch } = recording(() => new Response(body, { status: 207 }));
    expect(await davClient(target, { fetch }).list('')).toEqual([{ name: 'x y', folder: false, etag: '"1"', size: 0, modified: 0 }]);
  });

  test('a listing with some hrefs inside the folder and some outside is bad-answer', async () => {
    const response = (href: string) =>
      `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
    const body = `<d:multistatus xmlns:d="DAV:">${response('/remote.php/dav/files/anna/Adempauze/')}${response('/elsewhere/x')}</d:multistatus>`;
    const { fetch } = recording(() => new Response(body, { status: 207 }));
    await expectFailure(davClient(target, { fetch }).list(''), 'bad-answer');
  });

  test('a server whose tag stays weak: a conditional write gives up with conflict at the timeout, never "changed"', async () => {
    const weak = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/remote.php/dav/files/anna/Adempauze/a</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>W/"t"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
    const { calls, fetch } = recording(() =>
      calls.at(-1)?.init.method === 'PUT' ? new Response(null, { status: 412 }) : new Response(weak, { status: 207 }),
    );
    await expectFailure(davClient(target, { fetch, timeoutMs: 500 }).put('a', bytes('x'), { ifMatch: '"t"' }), 'conflict');
    // It looked more than once before giving up, and wrote only once.
    expect(calls.filter(({ init }) => init.method === 'PROPFIND').length).toBeGreaterThan(1);
    expect(calls.filter(({ init }) => init.method === 'PUT')).toHaveLength(1);
  });

  test('a listing with absolute hrefs and Sabre-style lowercase escapes', async () => {
    const body = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>https://cloud.example/remote.php/dav/files/anna/Adempauze/</d:href></d:response><d:response><d:href>https://cloud.example/remote.php/dav/files/anna/Adempauze/%c3%a9t%c3%a9%20(1)</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
    const { fetch } = recording(() => new Response(body, { status: 207 }));
    expect(await davClient(target, { fetch }).list('')).toEqual([{ name: 'été (1)', folder: true, etag: '', size: 0, modified: 0 }]);
  });
});
