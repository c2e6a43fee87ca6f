// The representations of a resource: which one a request asks for (?format=, extension, Accept), their URLs, and the Link header naming them.
import { findFormat, type FormatKey } from '../engine/formats.js';
import { DOCUMENT_FORMATS } from '../graph/documents.js';
import { negotiate } from './conneg.js';
import { hrefIn, LANGS, type Lang } from './html/i18n.js';
import type { Alternate } from './html/layout.js';
import { unknownFormat } from './http.js';

/**
 * Where the documents of `{BASE}` itself live (`/index.html`, `/index.ttl`, …): the landing page's
 * path `/` has no name to put an extension on.
 */
export const ROOT_PATH = '/index';

/** A representation: the HTML page or one of the RDF document formats. */
export type Key = FormatKey | 'html';

export const HTML_OFFER = 'text/html';
const OFFERS = [HTML_OFFER, 'application/xhtml+xml', ...DOCUMENT_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases])];
/** The same offers with RDF/XML first and HTML last, for a resource that harvesters fetch (`*\/*` and no Accept get RDF/XML). */
const RDF_FIRST = [...DOCUMENT_FORMATS.filter((f) => f.key === 'rdf'), ...DOCUMENT_FORMATS.filter((f) => f.key !== 'rdf')].flatMap((f) => [f.mediaType, ...f.aliases]).concat(HTML_OFFER, 'application/xhtml+xml');
/** Every representation, HTML first, with its media type. */
export const ALL: Array<{ key: Key; type: string }> = [{ key: 'html', type: HTML_OFFER }, ...DOCUMENT_FORMATS.map((f) => ({ key: f.key, type: f.mediaType }))];

/** HTML as `?format=` names it (`html`, `text/html`). */
export const HTML_FORMAT = { key: 'html', mediaType: HTML_OFFER, aliases: [] };

/** What `?format=` accepts here (each key, short name, media type and alias), for the 400 message. */
const FORMAT_VALUES = [HTML_FORMAT, ...DOCUMENT_FORMATS];

/** The format a `?format=` value names (a key such as `ttl`, a short name or a media type, or a list naming one), or undefined. */
const formatKey = (format: string): Key | undefined => findFormat(FORMAT_VALUES, format)?.key as Key | undefined;

/**
 * The format a request asks for: `?format=`, then a file extension, then Accept; undefined when
 * Accept allows none (406). An unknown `?format=` value is the client's error: a 400 naming the valid ones.
 * `*\/*` and no Accept get HTML, or with `rdfFirst` RDF/XML (a browser names text/html and gets it either way).
 *
 * @example
 * chooseKey(undefined, undefined, 'text/turtle') // 'ttl'
 * chooseKey(undefined, undefined, '*\/*', true) // 'rdf'
 */
export function chooseKey(format: string | undefined, ext: Key | undefined, accept: string | undefined, rdfFirst = false): Key | undefined {
  if (format) {
    const key = formatKey(format);
    if (!key) throw unknownFormat(format, FORMAT_VALUES);
    return key;
  }
  if (ext) return ext;
  const type = negotiate(accept, rdfFirst ? RDF_FIRST : OFFERS);
  if (!type) return undefined;
  return type === HTML_OFFER || type === 'application/xhtml+xml' ? 'html' : findFormat(DOCUMENT_FORMATS, type)?.key;
}

/**
 * The URL of one representation (RFC 9110 §8.7 Content-Location): the page path with the format's
 * extension, and for the English page `?lang=en` (the `.html` URL alone serves the Swedish page).
 *
 * @example
 * documentUrl('/lkp/2016/4.4.3', 'html', 'en') // '/lkp/2016/4.4.3.html?lang=en'
 */
export const documentUrl = (path: string, key: Key, lang: Lang = 'sv'): string => (key === 'html' ? hrefIn(`${path}.html`, lang) : `${path}.${key}`);

/** Every representation of the resource whose documents live at `path.<ext>`: the page once per language (with hreflang), then each RDF format. */
export const alternatesOf = (path: string): Alternate[] =>
  ALL.flatMap(({ key, type }) => (key === 'html' ? LANGS.map((lang) => ({ href: documentUrl(path, key, lang), type, hreflang: lang })) : [{ href: documentUrl(path, key), type }]));

/**
 * The Link header of every representation of a resource: its IRI (`rel="canonical"`) and each alternate.
 *
 * @example
 * linkHeader('https://w3id.org/helsingborg-livskvalitet/', alternatesOf('/index'))
 */
export function linkHeader(canonical: string, alternates: Alternate[]): string {
  return [`<${canonical}>; rel="canonical"`, ...alternates.map((x) => `<${x.href}>; rel="alternate"; type="${x.type}"${x.hreflang ? `; hreflang="${x.hreflang}"` : ''}`)].join(', ');
}
