// Small HTTP helpers shared by the routes: errors with headers, strong ETags, HTTP dates.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ContentCoding } from '../compression.js';
import { formatsNamed, type NamedFormat } from '../engine/formats.js';

/** Response headers scripts on other origins may read: the same on errors as on successes (a 503's Retry-After). */
export const EXPOSED_HEADERS = ['ETag', 'Link', 'Content-Location', 'Retry-After', 'Last-Modified', 'Content-Range'];

/** Headers every answer carries, errors included (what the CORS middleware adds to the others). */
export const EVERY_ANSWER: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The Content-Security-Policy of every HTML page: scripts and styles only from this site (the
 * pages have no inline script; a JSON-LD block is data, not run), style attributes allowed (the
 * SDG colours), images from here or `data:`, no plugins, no `<base>`, forms only to this site.
 * Should text from the data ever reach a page unescaped, no script it holds would run. Requests
 * from the query UI may go anywhere (a user may point it at another endpoint): the browser makes
 * them, never the server.
 */
export const HTML_POLICY: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src *; object-src 'none'; base-uri 'none'; form-action 'self'",
};

/** C0 and C1 control characters and DEL: echoed as they are, they would move a terminal's cursor or colour its text. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `text` cut to `max` characters with an ellipsis, for echoing client input in a message (an
 * Accept header can be tens of kilobytes), with its control characters written as `\u` escapes.
 *
 * @example
 * clip('abcdef', 3) // 'abc…'
 * clip('\u001b[31m') // '\\u001b[31m'
 */
export const clip = (text: string, max = 100): string => (text.length > max ? `${text.slice(0, max)}…` : text).replace(CONTROL, escaped);

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A message with its control characters as `\u` escapes, but line feed and tab (a parser's
 * message may quote query lines): what every error body says, whatever the client sent (an IRI
 * in FROM, a query line a parser quotes).
 */
const escapeControls = (text: string): string => text.replace(CONTROL, (c) => (c === '\n' || c === '\t' ? c : escaped(c)));

/** What `?format=` takes among `formats`, for a message. */
const takes = (formats: readonly NamedFormat[]): string =>
  `?format= takes one of: ${formats.flatMap((f) => [f.key, ...(f.names ?? []), f.mediaType, ...f.aliases]).join(', ')}`;

/**
 * The 400 for a `?format=` value that names none of `formats`, or more than one of them (given
 * twice, or as a list): the value is the client's error (not an unacceptable Accept), and the
 * message lists what the parameter takes here.
 *
 * @example
 * throw unknownFormat('xyz', [{ key: 'ttl', mediaType: 'text/turtle', aliases: [] }]);
 * // 400: unknown format "xyz"; ?format= takes one of: ttl, text/turtle
 */
export function unknownFormat(asked: string, formats: readonly NamedFormat[]): HTTPException {
  const named = formatsNamed(formats, asked);
  if (named.length > 1) return httpError(400, `?format= names ${named.length} formats here (${named.map((f) => f.key).join(', ')}); send one. ${takes(formats)}`);
  return httpError(400, `unknown format "${clip(asked, 60)}"; ${takes(formats)}`);
}

/**
 * The 400 for a `?format=` value that names a format, but not one of `formats`, which are the
 * ones for `what` (a query form's answers).
 *
 * @example
 * throw formatNotFor('csv', 'ASK answers', BOOLEAN_FORMATS);
 * // 400: csv is not a format for ASK answers; ?format= takes one of: json, application/sparql-results+json, …
 */
export function formatNotFor(asked: string, what: string, formats: readonly NamedFormat[]): HTTPException {
  return httpError(400, `${clip(asked, 60)} is not a format for ${what}; ${takes(formats)}`);
}

/**
 * An HTTPException whose response is a plain-text message with the headers of every answer
 * (CORS included, so a script on another origin can read the message and, say, Retry-After)
 * and optional extra headers; `app.onError` and the Node query path send it as it is.
 * Each `getResponse()` makes a new Response: identical queries in flight share one evaluation,
 * and so one error, which every client must be able to read (Hono's HTTPException hands out
 * the body stream of a single Response, which only the first reader gets).
 *
 * @example
 * throw httpError(503, 'too busy', { 'Retry-After': '1' });
 */
export function httpError(status: ContentfulStatusCode, message: string, headers: Record<string, string> = {}): HTTPException {
  return new TextError(status, message, { 'Content-Type': 'text/plain; charset=utf-8', ...EVERY_ANSWER, ...headers });
}

/**
 * 303 to `location`, with the short note RFC 9110 §15.4.4 asks a 303 to carry (so GET and HEAD
 * send the same Content-Length, not a chunked empty body).
 */
export const seeOther = (c: Context, location: string, headers: Record<string, string> = {}): Response =>
  c.body(`see other: ${location}\n`, 303, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', ...headers });

/** 406: no format the client accepts. Accept decided it, so the answer names it in Vary (RFC 9110 §12.5.5). */
export const notAcceptable = (message: string): HTTPException => httpError(406, message, { Vary: 'Accept' });

class TextError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    message: string,
    private readonly headers: Record<string, string>,
  ) {
    super(status, { message });
  }

  override getResponse(): Response {
    return new Response(`${escapeControls(this.message)}\n`, { status: this.status, headers: this.headers });
  }
}

/** A strong ETag from the representation's bytes. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The 413 message of a query body over the limit: from the node server (by its Content-Length) and the SPARQL route (a chunked body, counted as it arrives). */
export const bodyTooLarge = (maxBodyBytes: number): string => `request body larger than ${maxBodyBytes} bytes`;

/** RFC 9110 IMF-fixdate, as Last-Modified wants it. */
export const httpDate = (d: Date): string => d.toUTCString();

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
/** The three forms of an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms. */
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${MONTH}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const RFC850_DATE = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${MONTH})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
const ASCTIME_DATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTH}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

/**
 * An HTTP-date in milliseconds since the epoch, or undefined if the text is none (RFC 9110
 * §5.6.7, where a recipient of If-Modified-Since or If-Unmodified-Since that is no HTTP-date
 * ignores the field: `Date.parse` would read "2099" or "… PST" as dates). A two-digit RFC 850
 * year more than 50 years ahead is of the century before.
 *
 * @example
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT') // 784111777000
 * parseHttpDate('2099') // undefined
 */
export function parseHttpDate(text: string, now = Date.now()): number | undefined {
  let fields: [day: string, month: string, year: number, h: string, m: string, s: string] | undefined;
  let m: RegExpExecArray | null;
  if ((m = IMF_FIXDATE.exec(text))) fields = [m[1]!, m[2]!, Number(m[3]), m[4]!, m[5]!, m[6]!];
  else if ((m = ASCTIME_DATE.exec(text))) fields = [m[2]!.trim(), m[1]!, Number(m[6]), m[3]!, m[4]!, m[5]!];
  else if ((m = RFC850_DATE.exec(text))) {
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    fields = [m[1]!, m[2]!, year, m[4]!, m[5]!, m[6]!];
  }
  if (!fields) return undefined;
  const [day, month, year, hour, minute, second] = [Number(fields[0]), MONTHS.indexOf(fields[1]), fields[2], Number(fields[3]), Number(fields[4]), Number(fields[5])];
  const time = Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(time);
  // Date.UTC rolls 31 Feb over into March and 24:00 into the next day: such a date is none.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month || date.getUTCHours() !== hour || minute > 59 || second > 60) return undefined;
  return time;
}


/** RFC 9110 §12.4.2 qvalue: 0 to 1 with at most three decimals. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The weight (q) an Accept-Encoding header gives each coding it names, lower case, with
 * `x-gzip` counted as `gzip`. An entry with a malformed q is skipped (as if absent); a coding
 * named twice keeps its highest q.
 */
function codingWeights(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name === '') continue;
    const qParam = params.find((p) => p.startsWith('q='));
    if (qParam !== undefined && !QVALUE.test(qParam.slice(2))) continue;
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const coding = name === 'x-gzip' ? 'gzip' : name;
    weights.set(coding, Math.max(q, weights.get(coding) ?? 0));
  }
  return weights;
}

/**
 * The content coding to send, from those `offered` (in the server's order of preference), for
 * a request's Accept-Encoding header (RFC 9110 §12.5.3), or undefined for none (identity).
 * Each offered coding takes the q of its own entry, else of `*`, else 0; q=0 excludes it; the
 * highest q wins and ties go to the earlier offered coding. `identity` never influences the
 * choice (identity is always available as the fallback), and a missing or empty header means
 * identity: a client that says nothing gets no coding it might not decode.
 *
 * @example
 * preferredEncoding('gzip, deflate, br', ['br', 'gzip']) // 'br'
 * preferredEncoding('br;q=0.5, gzip', ['br', 'gzip']) // 'gzip'
 * preferredEncoding('*;q=0', ['br', 'gzip']) // undefined
 */
export function preferredEncoding<C extends ContentCoding>(header: string | undefined, offered: readonly C[]): C | undefined {
  if (!header) return undefined;
  const weights = codingWeights(header);
  let best: C | undefined;
  let bestQ = 0;
  for (const coding of offered) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0;
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
}

/**
 * Whether an Accept-Encoding header allows gzip (listed, or via `*`, with q > 0).
 *
 * @example
 * acceptsGzip('gzip;q=0, *') // false
 */
export const acceptsGzip = (header: string | undefined): boolean => preferredEncoding(header, ['gzip']) === 'gzip';
