/**
 * Reads a WebDAV multistatus answer (RFC 4918 §14.16) without DOMParser, which the MV3 service
 * worker lacks. Only what a PROPFIND answer needs: elements, attributes for namespace declarations,
 * text and CDATA, the five named entities and numeric references. Names are matched by namespace,
 * not by prefix: Apache writes `D:` and `lp1:`, Nextcloud and ownCloud `d:`, others the default
 * namespace, and all of them mean the same `DAV:` element.
 */

const DAV = 'DAV:';

/** An element with its namespace resolved: `undefined` for a prefix the answer never declared. */
interface XmlElement {
  /** The name as written, prefix included: only to check the closing tag. */
  readonly written: string;
  readonly ns: string | undefined;
  readonly local: string;
  readonly children: XmlElement[];
  text: string;
}

/** What one `<D:response>` says about one resource, before it is made relative to a folder. */
export interface DavResponse {
  /** The href as the server wrote it (entities decoded, percent-encoding kept). */
  readonly href: string;
  /** The HTTP status of the whole response, when given instead of propstats (e.g. 404). */
  readonly status?: number;
  readonly folder: boolean;
  /** The getetag text as written, '' when absent. */
  readonly etag: string;
  readonly size: number;
  readonly modified: number;
}

/** The answer is not a multistatus document this module can read. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    // An unknown named entity (a DTD could declare one; no WebDAV server does) is kept as written.
    return NAMED_ENTITIES[name] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAME = /^[^\s/>]+/;

/** Parses a document into its root element; throws XmlError on anything not well-formed enough to read. */
function parseXml(source: string): XmlElement {
  // Each open element with the namespace declarations in force inside it.
  const stack: { element: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<', at);
    const textEnd = open === -1 ? source.length : open;
    const top = stack.at(-1);
    if (textEnd > at && top) top.element.text += decodeEntities(source.slice(at, textEnd));
    if (open === -1) break;
    if (source.startsWith('<?', open)) {
      at = skipPast(source, open, '?>');
    } else if (source.startsWith('<!--', open)) {
      at = skipPast(source, open, '-->');
    } else if (source.startsWith('<![CDATA[', open)) {
      const end = skipPast(source, open, ']]>');
      if (top) top.element.text += source.slice(open + 9, end - 3);
      at = end;
    } else if (source.startsWith('<!', open)) {
      at = skipPast(source, open, '>');
    } else if (source.startsWith('</', open)) {
      const end = skipPast(source, open, '>');
      const closing = source.slice(open + 2, end - 1).trim();
      const closed = stack.pop();
      if (closed?.element.written !== closing) throw new XmlError(`Unexpected </${closing}>`);
      at = end;
    } else {
      const end = tagEnd(source, open);
      let inside = source.slice(open + 1, end - 1);
      const selfClosing = inside.endsWith('/');
      if (selfClosing) inside = inside.slice(0, -1);
      const name = NAME.exec(inside)?.[0];
      if (!name) throw new XmlError('An element without a name');
      const scope = new Map(top?.scope);
      for (const [, attribute = '', double, single] of inside.slice(name.length).matchAll(ATTRIBUTE)) {
        const value = decodeEntities(double ?? single ?? '');
        if (attribute === 'xmlns') scope.set('', value);
        else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
      }
      const colon = name.indexOf(':');
      const prefix = colon === -1 ? '' : name.slice(0, colon);
      // Without any default namespace an unprefixed name has none (''); an undeclared prefix is undefined.
      const ns = scope.get(prefix) ?? (prefix === '' ? '' : undefined);
      const element: XmlElement = { written: name, ns, local: name.slice(colon + 1), children: [], text: '' };
      if (top) top.element.children.push(element);
      else if (root) throw new XmlError('More than one root element');
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
      at = end;
    }
  }
  if (!root || stack.length > 0) throw new XmlError('The document ends before its root element does');
  return root;
}

function skipPast(source: string, from: number, marker: string): number {
  const found = source.indexOf(marker, from);
  if (found === -1) throw new XmlError(`Unterminated ${source.slice(from, from + 9)}`);
  return found + marker.length;
}

/** The index after a start tag's `>`, which may also appear inside a quoted attribute value. */
function tagEnd(source: string, from: number): number {
  let quote: string | undefined;
  for (let i = from + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  throw new XmlError('Unterminated start tag');
}

/**
 * A DAV: element. An undeclared prefix, or no namespace at all, is accepted too: a few servers write
 * `<D:href>` without declaring D, and reading them costs nothing (no other vocabulary in a multistatus
 * has these names outside a property of its own namespace, which is declared).
 */
function isDav(element: XmlElement, local: string): boolean {
  return element.local === local && (element.ns === DAV || element.ns === undefined || element.ns === '');
}

function davChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((child) => isDav(child, local));
}

/** The status code in "HTTP/1.1 200 OK"; undefined when it cannot be read. */
function statusCode(line: string): number | undefined {
  const match = /^\s*HTTP\/[\d.]+\s+(\d{3})/i.exec(line);
  return match?.[1] ? Number(match[1]) : undefined;
}

function integer(text: string | undefined): number {
  const value = text === undefined ? Number.NaN : Number(text.trim());
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * Parses a 207 Multi-Status body into its responses, in the server's order. Properties come only
 * from 2xx propstats (a server lists the ones it lacks under 404). Throws XmlError when the body is
 * not a multistatus.
 */
export function parseMultistatus(body: string): DavResponse[] {
  const root = parseXml(body);
  if (!isDav(root, 'multistatus')) throw new XmlError(`The root element is ${root.local}, not multistatus`);
  return root.children
    .filter((child) => isDav(child, 'response'))
    .map((response) => {
      const href = davChild(response, 'href')?.text.trim();
      if (!href) throw new XmlError('A response without an href');
      const props = response.children
        .filter((child) => isDav(child, 'propstat'))
        .filter((propstat) => {
          const code = statusCode(davChild(propstat, 'status')?.text ?? '');
          // A propstat without a readable status is taken as found: losing an etag would be worse.
          return code === undefined || (code >= 200 && code < 300);
        })
        .flatMap((propstat) => davChild(propstat, 'prop')?.children ?? []);
      const prop = (local: string) => props.find((element) => isDav(element, local));
      const ownStatus = davChild(response, 'status');
      const modified = Date.parse(prop('getlastmodified')?.text.trim() ?? '');
      return {
        href,
        ...(ownStatus ? { status: statusCode(ownStatus.text) } : {}),
        folder: prop('resourcetype')?.children.some((child) => isDav(child, 'collection')) ?? false,
        etag: prop('getetag')?.text.trim() ?? '',
        size: integer(prop('getcontentlength')?.text),
        modified: Number.isNaN(modified) ? 0 : modified,
      };
    });
}
