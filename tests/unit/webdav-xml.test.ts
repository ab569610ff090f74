import { describe, expect, test } from 'vitest';
import { normaliseEtag } from '@/utils/sync/webdav';
import { parseMultistatus, XmlError } from '@/utils/sync/webdav-xml';

/** Recorded from the test server (Apache 2.4.71, mod_dav_fs) with the client's PROPFIND, Depth 1, right after the writes: every tag is
 * still weak. */
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/" xmlns:g0="DAV:">
<D:href>/dav/Adempauze/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>W/"1000-661ffdc165dff"</lp1:getetag>
<lp1:getlastmodified>Sun, 06 Dec 2026 23:56:37 GMT</lp1:getlastmodified>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
<D:propstat>
<D:prop>
<g0:getcontentlength/>
</D:prop>
<D:status>HTTP/1.1 404 Not Found</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/" xmlns:g0="DAV:">
<D:href>/dav/Adempauze/sub%20dir/</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>W/"1000-661ffdc164958"</lp1:getetag>
<lp1:getlastmodified>Sun, 06 Dec 2026 23:56:37 GMT</lp1:getlastmodified>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
<D:propstat>
<D:prop>
<g0:getcontentlength/>
</D:prop>
<D:status>HTTP/1.1 404 Not Found</D:status>
</D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/dav/Adempauze/notities%20&amp;%20%c3%bc%20(1).bin</D:href>
<D:propstat>
<D:prop>
<lp1:resourcetype/>
<lp1:getetag>W/"5-661ffdc164958"</lp1:getetag>
<lp1:getcontentlength>5</lp1:getcontentlength>
<lp1:getlastmodified>Sun, 06 Dec 2026 23:56:37 GMT</lp1:getlastmodified>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
</D:multistatus>
`;

/**
 * The shape of Nextcloud's answer (SabreDAV): `d:` prefix, oc:/nc:/s: namespaces, the tag quoted
 * through &quot;, hrefs encoded by Sabre's encodePath (lowercase hex, parentheses kept), a folder's
 * missing getcontentlength under a 404 propstat. Written after Nextcloud's format, not recorded here
 * (no Nextcloud runs on this machine).
 */
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"><d:response><d:href>/remote.php/dav/files/anna/Adempauze/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6753f1c0a8b2e&quot;</d:getetag><d:getlastmodified>Mon, 07 Dec 2026 08:15:12 GMT</d:getlastmodified></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/anna/Adempauze/records/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype><d:getetag>&quot;6753f1c09f3a1&quot;</d:getetag><d:getlastmodified>Mon, 07 Dec 2026 08:15:11 GMT</d:getlastmodified></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/anna/Adempauze/journal%20(kopie)%20%c3%a9.bin</d:href><d:propstat><d:prop><d:resourcetype/><d:getetag>&quot;0b1e3f0d6c2a9f4e8d7c5b3a1f2e4d6c&quot;</d:getetag><d:getcontentlength>1234</d:getcontentlength><d:getlastmodified>Mon, 07 Dec 2026 08:15:12 GMT</d:getlastmodified></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;

/**
 * ownCloud 10's legacy endpoint (/remote.php/webdav/), pretty-printed as it sends it, with an oc:
 * property it was not asked for among the DAV: ones. Written after ownCloud's format, not recorded.
 */
const OWNCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
  <d:response>
    <d:href>/remote.php/webdav/Adempauze/</d:href>
    <d:propstat>
      <d:prop>
        <d:resourcetype><d:collection/></d:resourcetype>
        <d:getetag>"5fd8c2b1a4e07"</d:getetag>
        <d:getlastmodified>Tue, 01 Dec 2026 19:02:03 GMT</d:getlastmodified>
        <oc:size>42</oc:size>
      </d:prop>
      <d:status>HTTP/1.1 200 OK</d:status>
    </d:propstat>
  </d:response>
  <d:response>
    <d:href>/remote.php/webdav/Adempauze/a%2Bb.bin</d:href>
    <d:propstat>
      <d:prop>
        <d:resourcetype/>
        <d:getetag>"c2e1d7f3b9a4e1f0"</d:getetag>
        <d:getcontentlength>42</d:getcontentlength>
        <d:getlastmodified>Tue, 01 Dec 2026 19:02:03 GMT</d:getlastmodified>
      </d:prop>
      <d:status>HTTP/1.1 200 OK</d:status>
    </d:propstat>
  </d:response>
</d:multistatus>`;

/**
 * nginx with nginx-dav-ext-module: `D:` declared on the root only, its own "mtime-size" hex tag,
 * uppercase hex escapes. Written after the module's format, not recorded.
 */
const NGINX = `<?xml version="1.0" encoding="utf-8" ?>
<D:multistatus xmlns:D="DAV:">
<D:response>
<D:href>/webdav/Adempauze/</D:href>
<D:propstat>
<D:prop>
<D:displayname>Adempauze</D:displayname>
<D:getlastmodified>Wed, 02 Dec 2026 07:00:00 GMT</D:getlastmodified>
<D:resourcetype><D:collection/></D:resourcetype>
<D:lockdiscovery/>
<D:supportedlock>
</D:supportedlock>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
<D:response>
<D:href>/webdav/Adempauze/%C3%A9t%C3%A9.bin</D:href>
<D:propstat>
<D:prop>
<D:displayname>été.bin</D:displayname>
<D:getcontentlength>7</D:getcontentlength>
<D:getlastmodified>Wed, 02 Dec 2026 07:00:00 GMT</D:getlastmodified>
<D:resourcetype></D:resourcetype>
<D:getetag>"692e9270-7"</D:getetag>
<D:lockdiscovery/>
</D:prop>
<D:status>HTTP/1.1 200 OK</D:status>
</D:propstat>
</D:response>
</D:multistatus>
`;

/** A server that writes the default namespace and absolute hrefs (IIS and some NAS firmware do the latter), with a comment and CDATA. */
const DEFAULT_NAMESPACE = `<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<multistatus xmlns="DAV:">
  <response>
    <href>https://nas.example:5006/home/Adempauze/</href>
    <propstat><prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat>
  </response>
  <response>
    <href><![CDATA[https://nas.example:5006/home/Adempauze/x&y.bin]]></href>
    <propstat><prop><resourcetype/><getetag>W/"abc-gzip"</getetag><getcontentlength>3</getcontentlength></prop><status>HTTP/1.1 200 OK</status></propstat>
  </response>
</multistatus>`;

describe('parseMultistatus', () => {
  test('Apache: lp1/g0 prefixes for DAV:, an &amp; in an href, a 404 propstat ignored, weak tags as written', () => {
    expect(parseMultistatus(APACHE)).toEqual([
      { href: '/dav/Adempauze/', folder: true, etag: 'W/"1000-661ffdc165dff"', size: 0, modified: Date.UTC(2026, 11, 6, 23, 56, 37) },
      {
        href: '/dav/Adempauze/sub%20dir/',
        folder: true,
        etag: 'W/"1000-661ffdc164958"',
        size: 0,
        modified: Date.UTC(2026, 11, 6, 23, 56, 37),
      },
      {
        href: '/dav/Adempauze/notities%20&%20%c3%bc%20(1).bin',
        folder: false,
        etag: 'W/"5-661ffdc164958"',
        size: 5,
        modified: Date.UTC(2026, 11, 6, 23, 56, 37),
      },
    ]);
  });

  test('Nextcloud: d: prefix, &quot; around the tag, a property of another namespace beside them', () => {
    const [folder, records, file] = parseMultistatus(NEXTCLOUD);
    expect(folder).toMatchObject({ href: '/remote.php/dav/files/anna/Adempauze/', folder: true, etag: '"6753f1c0a8b2e"', size: 0 });
    expect(records).toMatchObject({ href: '/remote.php/dav/files/anna/Adempauze/records/', folder: true });
    expect(file).toEqual({
      href: '/remote.php/dav/files/anna/Adempauze/journal%20(kopie)%20%c3%a9.bin',
      folder: false,
      etag: '"0b1e3f0d6c2a9f4e8d7c5b3a1f2e4d6c"',
      size: 1234,
      modified: Date.UTC(2026, 11, 7, 8, 15, 12),
    });
  });

  test('ownCloud: indentation is not part of any value; oc:size is not taken for the length', () => {
    const [folder, file] = parseMultistatus(OWNCLOUD);
    expect(folder).toMatchObject({ folder: true, etag: '"5fd8c2b1a4e07"', size: 0 });
    expect(file).toMatchObject({ href: '/remote.php/webdav/Adempauze/a%2Bb.bin', folder: false, size: 42, etag: '"c2e1d7f3b9a4e1f0"' });
  });

  test('nginx: an empty resourcetype is a file; properties in any order', () => {
    const [folder, file] = parseMultistatus(NGINX);
    expect(folder).toMatchObject({ folder: true, etag: '', modified: Date.UTC(2026, 11, 2, 7) });
    expect(file).toEqual({
      href: '/webdav/Adempauze/%C3%A9t%C3%A9.bin',
      folder: false,
      etag: '"692e9270-7"',
      size: 7,
      modified: Date.UTC(2026, 11, 2, 7),
    });
  });

  test('the default namespace, absolute hrefs, CDATA and a comment', () => {
    expect(parseMultistatus(DEFAULT_NAMESPACE)).toEqual([
      { href: 'https://nas.example:5006/home/Adempauze/', folder: true, etag: '', size: 0, modified: 0 },
      { href: 'https://nas.example:5006/home/Adempauze/x&y.bin', folder: false, etag: 'W/"abc-gzip"', size: 3, modified: 0 },
    ]);
  });

  test('a prefix never declared, or no namespace at all, is still read as DAV: (not well-formed, but what a careless server writes)', () => {
    const undeclared = `<D:multistatus><D:response><D:href>/a</D:href><D:propstat><D:prop><D:getetag>"1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`;
    const none = undeclared.replaceAll('D:', '');
    for (const body of [undeclared, none]) {
      expect(parseMultistatus(body)).toEqual([{ href: '/a', folder: false, etag: '"1"', size: 0, modified: 0 }]);
    }
  });

  test('a response with its own status instead of propstats keeps that status', () => {
    const body = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/a</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response></D:multistatus>`;
    expect(parseMultistatus(body)).toEqual([{ href: '/a', status: 404, folder: false, etag: '', size: 0, modified: 0 }]);
  });

  test('numeric character references and an element in another namespace named like a DAV: one', () => {
    const body = `<m:multistatus xmlns:m="DAV:" xmlns:x="urn:other"><m:response><m:href>/a&#x20;b&#33;</m:href><m:propstat><m:prop><x:resourcetype><x:collection/></x:resourcetype><m:resourcetype/></m:prop><m:status>HTTP/1.1 200 OK</m:status></m:propstat></m:response></m:multistatus>`;
    expect(parseMultistatus(body)).toEqual([{ href: '/a b!', folder: false, etag: '', size: 0, modified: 0 }]);
  });

  test.each([
    ['an HTML login page', '<!DOCTYPE html><html><head><title>Log in</title></head><body><form></form></body></html>'],
    ['an empty body', ''],
    ['a document cut off', APACHE.slice(0, APACHE.length / 2)],
    ['mismatched tags', '<D:multistatus xmlns:D="DAV:"><D:response></D:multistatus>'],
    ['a response without an href', '<D:multistatus xmlns:D="DAV:"><D:response></D:response></D:multistatus>'],
    ['JSON', '{"multistatus": []}'],
  ])('%s is an XmlError', (_, body) => {
    expect(() => parseMultistatus(body)).toThrow(XmlError);
  });
});

describe('normaliseEtag', () => {
  test.each([
    ['W/"5-661ffdc164958"', '"5-661ffdc164958"'],
    ['"5-661ffdc164958"', '"5-661ffdc164958"'],
    ['"5-661ffdc164958-gzip"', '"5-661ffdc164958"'],
    ['W/"abc-gzip"', '"abc"'],
    ['"abc-br"', '"abc"'],
    ['"abc;gzip"', '"abc"'],
    ['6753f1c0a8b2e', '"6753f1c0a8b2e"'],
    ['  "x"  ', '"x"'],
    ['', ''],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseEtag(raw)).toBe(normalised);
  });
});
