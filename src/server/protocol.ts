// Reads SPARQL 1.1 Protocol query requests (§2.1) strictly: exactly one query, each parameter where the protocol puts it, UTF-8 only.
import type { Context } from 'hono';
import { clip, httpError } from './http.js';
import type { ProtocolRequest } from './query-service.js';

/** A protocol request with the `format` parameter (our extension: it overrides Accept). */
export interface QueryRequest {
  request: ProtocolRequest;
  /** `?format=`; an empty value counts as absent (as on every other route). */
  format?: string;
}

/** A query string's or form body's parameters: name → values in order. */
export type Params = Map<string, string[]>;

/** The two POST bodies of §2.1.2 (form) and §2.1.3 (direct), and whether the body is declared US-ASCII. */
export interface PostKind {
  body: 'form' | 'query';
  /** `charset=us-ascii` (or another name of it): then every byte must be ASCII. */
  ascii: boolean;
}

const READ_ONLY = 'this endpoint is read-only: SPARQL Update is not accepted';
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2})/g;
/** Charset values that name UTF-8 (WHATWG Encoding labels), lower case. */
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
/** Charset values that name US-ASCII (the IANA registry's name and aliases), lower case: a subset of UTF-8. */
const ASCII = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'ansi_x3.4-1986', 'iso646-us', 'iso_646.irv:1991', 'iso-ir-6', 'us', 'ibm367', 'cp367', 'csascii']);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** How a message names parameter `name`'s value. */
const valueOf = (name: string): string => (name === 'query' ? 'the query' : `the ${clip(name, 40)} parameter`);

/**
 * Percent-decodes one name or value as the WHATWG form parser does (`+` is a space; a `%` not
 * followed by two hex digits stays as it is) but refuses bytes that are not UTF-8, which
 * URLSearchParams would silently turn into U+FFFD.
 */
function decode(text: string, what: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' ').replace(LONE_PERCENT, '%25'));
  } catch {
    throw httpError(400, `${what} is not valid UTF-8 (after percent-decoding)`);
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` string (a URL's query or a form body) into its
 * parameters; 400 if a value is not UTF-8 once percent-decoded.
 *
 * @example
 * parseParams('query=ASK%7B%7D&format=csv').get('query') // ['ASK{}']
 * parseParams('query=%FF') // throws 400: the query is not valid UTF-8 (after percent-decoding)
 */
export function parseParams(text: string): Params {
  const params: Params = new Map();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq), 'a parameter name');
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1), valueOf(name));
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return params;
}

/** The one value of a parameter given at most once in `sources` together (400 if more often). */
function single(name: string, ...sources: Params[]): string | undefined {
  const values = sources.flatMap((p) => p.get(name) ?? []);
  if (values.length > 1) {
    const why = name === 'query' ? ' (SPARQL 1.1 Protocol §2.1: a request carries exactly one query)' : '';
    throw httpError(400, `${values.length} ${name} parameters; send exactly one${why}`);
  }
  return values[0];
}

/**
 * Every `format` value in `sources`, as one comma-separated list; undefined when there is none.
 * An empty `format=` counts as absent, as on every route (a form's empty select, say). Several are
 * one list (SPARQLWrapper sends `format=tsv&format=text/tab-separated-values`): where its items name
 * more than one format, the format's lookup refuses it, saying which.
 */
const formatList = (...sources: Params[]): string | undefined => sources.flatMap((p) => p.get('format') ?? []).filter((v) => v !== '').join(',') || undefined;

/**
 * A page's `?format=`, by the rule of /sparql's (`formatList`): undefined when absent or empty, and
 * its values as one comma-separated list when given more than once.
 *
 * @example
 * formatParam(c) // 'ttl' for ?format=ttl
 */
export function formatParam(c: Context): string | undefined {
  return formatList(new Map([['format', c.req.queries('format') ?? []]]));
}

/** The query request of `query` with the graph parameters of `graphs` (length and emptiness checked). */
function requestOf(query: string, graphs: Params, format: string | undefined, maxLength: number, tooLong: 413 | 414): QueryRequest {
  // Counted in characters (an emoji is one, though two UTF-16 units); units are never fewer, so only a long query is counted again.
  if (query.length > maxLength && [...query].length > maxLength) throw httpError(tooLong, `query longer than ${maxLength} characters`);
  if (!query.trim()) throw httpError(400, 'the query is empty');
  const request = { query, defaultGraphs: graphs.get('default-graph-uri') ?? [], namedGraphs: graphs.get('named-graph-uri') ?? [] };
  return format ? { request, format } : { request };
}

/**
 * The query request of a GET's query string (without the `?`), or undefined if it has no
 * `query` (the service description or the query UI answers it). 400 for `update`, for more
 * than one `query` or `format`, for an empty query and for bytes that are not UTF-8; 414 for a
 * query longer than `maxLength` characters.
 *
 * @example
 * queryFromUrl('query=ASK%7B%7D&format=csv', 20_000) // { request: { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] }, format: 'csv' }
 */
export function queryFromUrl(search: string, maxLength: number): QueryRequest | undefined {
  const params = parseParams(search);
  if (params.has('update')) throw httpError(400, READ_ONLY);
  if (!params.has('query')) return undefined;
  return requestOf(single('query', params)!, params, formatList(params), maxLength, 414);
}

/** A Content-Type's media type and charset parameter, lower case (quotes removed). */
function mediaTypeOf(header: string): { type: string; charset?: string } {
  const [type = '', ...params] = header.split(';').map((s) => s.trim());
  const charset = params.map((p) => /^charset\s*=\s*"?([^"]*)"?$/i.exec(p)?.[1]).find((c) => c !== undefined);
  return charset === undefined ? { type: type.toLowerCase() } : { type: type.toLowerCase(), charset: charset.toLowerCase() };
}

/**
 * Which POST body the headers announce, checked before the body is read: 415 for a content
 * coding (RFC 9110 §15.5.16: the body would be read as identity), for a media type other than
 * `application/sparql-query` and `application/x-www-form-urlencoded`, and for a charset other
 * than UTF-8 or US-ASCII (a query is UTF-8 by definition, and form parsing decodes UTF-8; ASCII
 * is its subset); 400 for `application/sparql-update` (the endpoint is read-only).
 *
 * @example
 * postKind('application/sparql-query; charset=us-ascii', undefined) // { body: 'query', ascii: true }
 * postKind('application/sparql-query; charset=latin1', undefined) // throws 415
 */
export function postKind(contentType: string | undefined, contentEncoding: string | undefined): PostKind {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length > 0) {
    throw httpError(415, `request bodies with Content-Encoding ${clip(codings.join(', '), 40)} are not accepted; send the body uncompressed`, { 'Accept-Encoding': 'identity' });
  }
  // A comma outside quoted strings: two Content-Type fields (joined as a list), or a list in one.
  if (contentType?.replace(/"(?:[^"\\]|\\.)*"/g, '').includes(',')) {
    throw httpError(400, `Content-Type holds more than one media type ("${clip(contentType, 80)}"): send one`);
  }
  const { type, charset } = mediaTypeOf(contentType ?? '');
  if (type === 'application/sparql-update') throw httpError(400, READ_ONLY);
  if (type !== 'application/sparql-query' && type !== 'application/x-www-form-urlencoded') {
    throw httpError(415, 'send application/sparql-query or application/x-www-form-urlencoded');
  }
  const ascii = charset !== undefined && ASCII.has(charset);
  if (charset !== undefined && !ascii && !UTF8.has(charset)) {
    throw httpError(415, `charset "${clip(charset, 40)}" is not accepted: ${type} is read as UTF-8 (send UTF-8, with charset=utf-8 or no charset)`);
  }
  return { body: type === 'application/sparql-query' ? 'query' : 'form', ascii };
}

/**
 * A body's text, or 400 if its bytes are not UTF-8 (never decoded with U+FFFD in their place),
 * or, when it is declared US-ASCII, if a byte is not ASCII.
 */
function utf8(body: Uint8Array, what: string, ascii: boolean): string {
  if (ascii) {
    const at = body.findIndex((byte) => byte > 0x7f);
    if (at >= 0) throw httpError(400, `${what} is declared US-ASCII (charset) but byte ${at + 1} is 0x${body[at]!.toString(16).toUpperCase()}, not ASCII: send it as UTF-8, with charset=utf-8 or no charset`);
  }
  try {
    return strictUtf8.decode(body);
  } catch {
    throw httpError(400, `${what} is not valid UTF-8`);
  }
}

/** The protocol parameters a form POST carries in its body, never in the URL (§2.1.2). */
const FORM_PARAMETERS = ['query', 'default-graph-uri', 'named-graph-uri'];

/**
 * The query request of a POST /sparql whose `kind` came from `postKind`; `search` is the URL's
 * query string. Per SPARQL 1.1 Protocol §2.1.2, a form POST carries `query`,
 * `default-graph-uri` and `named-graph-uri` in its body: the same in the URL is refused (400),
 * not silently ignored or merged. Per §2.1.3, a direct POST's query is the body and its graph
 * parameters are in the URL: a `query` there too is refused (two queries). `format` is not a
 * protocol parameter but our override of Accept: it is read from the URL for both kinds and,
 * for a form (so that an HTML form can choose it), from the body too, at most once in all.
 * 400 for `update` anywhere, a missing, repeated or empty query and bytes that are not UTF-8;
 * 413 for a query longer than `maxLength` characters.
 *
 * @example
 * queryFromPost({ body: 'query', ascii: false }, 'default-graph-uri=https%3A%2F%2Fexample.org%2Fg', new TextEncoder().encode('ASK {}'), 20_000)
 * // { request: { query: 'ASK {}', defaultGraphs: ['https://example.org/g'], namedGraphs: [] } }
 */
export function queryFromPost(kind: PostKind, search: string, body: Uint8Array, maxLength: number): QueryRequest {
  const url = parseParams(search);
  if (url.has('update')) throw httpError(400, READ_ONLY);
  if (kind.body === 'query') {
    if (url.has('query')) throw httpError(400, 'the query is the request body; do not send a query parameter in the URL as well (SPARQL 1.1 Protocol §2.1.3)');
    return requestOf(utf8(body, 'the query', kind.ascii), url, formatList(url), maxLength, 413);
  }
  const form = parseParams(utf8(body, 'the request body', kind.ascii));
  if (form.has('update')) throw httpError(400, READ_ONLY);
  const misplaced = FORM_PARAMETERS.filter((name) => url.has(name));
  if (misplaced.length > 0) {
    throw httpError(400, `with a form POST, send ${misplaced.join(', ')} in the request body, not in the URL (SPARQL 1.1 Protocol §2.1.2)`);
  }
  const query = single('query', form);
  if (query === undefined) throw httpError(400, 'missing query parameter');
  return requestOf(query, form, formatList(form, url), maxLength, 413);
}
