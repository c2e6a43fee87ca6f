// Checks a request's target and Host (RFC 9112 §3.2) before any cache or route sees it: answers for what no route should, absolute-form made origin-form, Host normalised.
import { clip } from './http.js';
import { normalPath, onThisSite } from './uri-path.js';

/** An answer given without the app (a refusal, or `OPTIONS *`): status, plain-text message, extra headers. */
export interface DirectAnswer {
  status: number;
  message?: string;
  headers?: Record<string, string>;
}

/** The request as the routes may see it: an origin-form target and a valid, lower-case Host. */
export interface Target {
  url: string;
  host: string;
}

export interface RequestLine {
  method: string;
  /** The request target as sent. */
  target: string;
  /** `1.0`, `1.1`. */
  httpVersion: string;
  /** Every Host field line received (Node keeps only the first in `headers.host`). */
  hosts: readonly string[];
}

/** Methods the server implements; every path allows GET, HEAD and OPTIONS, /sparql POST as well. */
export const SERVER_METHODS = 'GET, HEAD, POST, OPTIONS';

/** uri-host [ ":" port ] (RFC 9110 §7.2): a name or IPv4 address, or an IPv6 literal. */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{0,5}))?$/i;

/** A `.` or `..` path segment, written or percent-encoded (`%2e`), which RFC 3986 §5.2.4 removes. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|\?|$)/i;

/**
 * The target with its dot-segments removed and in normal form (RFC 3986 §5.2.4, §6.2.2), when it
 * has any: `/lkp/2016/%2E%2E/2016/4.4.3` → `/lkp/2016/4.4.3`; else undefined. The URL parser
 * would resolve them silently, and a resource would answer under many spellings.
 */
function withoutDotSegments(target: string): string | undefined {
  const query = target.indexOf('?');
  const path = query < 0 ? target : target.slice(0, query);
  if (!DOT_SEGMENT.test(path)) return undefined;
  return onThisSite(normalPath(new URL(path, 'http://host').pathname) + (query < 0 ? '' : target.slice(query)));
}

const refuse = (message: string, status = 400): { answer: DirectAnswer } => ({ answer: { status, message } });

/** The Host to use, or the refusal of an invalid one; `fallback` where none is needed or given. */
function hostOf(hosts: readonly string[], httpVersion: string, fallback: string): { host: string } | { answer: DirectAnswer } {
  if (hosts.length > 1) return refuse('more than one Host header (RFC 9112 §3.2)');
  const [value] = hosts;
  // HTTP/1.0 needs no Host, and an empty one is allowed (RFC 9112 §3.2): the server's own authority stands in.
  if (value === undefined && httpVersion === '1.0') return { host: fallback };
  if (value === undefined) return refuse('missing Host header (every HTTP/1.1 request needs one, RFC 9112 §3.2)');
  if (value === '') return { host: fallback };
  const m = HOST.exec(value);
  if (!m || (m[2] !== undefined && Number(m[2]) > 65535)) {
    return refuse(`invalid Host header "${clip(value, 60)}": expected a host name or IP address and an optional port up to 65535 (RFC 9110 §7.2)`);
  }
  return { host: (m[2] ? `${m[1]}:${m[2]}` : m[1]!).toLowerCase() };
}

/**
 * Checks a request line and its Host before the response cache and the routes see them, so
 * that both the Node fast paths and the Hono path take the same, well-formed request:
 *
 * - a major version other than 1 (`HTTP/2.0` written as HTTP/1.1 text) is 505;
 * - `*` (asterisk-form) is for OPTIONS only: the server's methods (204 with Allow), else 400;
 * - a `#` is refused (400): a fragment is never part of a request target (RFC 9112 §3.2), and
 *   the Hono path would drop what the Node query path keeps, under one cache key;
 * - a GET or HEAD of a path with dot-segments (`/a/../b`, `/%2E/b`) is moved (301) to the path
 *   without them, in origin-form and absolute-form alike;
 * - an absolute http(s) URL (absolute-form, which a server must accept, RFC 9112 §3.2.2) gives
 *   the path and query, and its authority replaces Host; one with userinfo (`http://user@x/`) or
 *   an authority no URL has (a port over 65535), and any other target that is not a path
 *   (`file:///etc/passwd`, `sparql`), is 400;
 * - Host: 400 if missing in HTTP/1.1, repeated, or not a host name or IP address with a port up
 *   to 65535; lower-cased (the response cache's fast path takes lower-case hosts only, so
 *   `LOCALHOST` is answered as `localhost` is); `fallback` (the server's authority) stands in
 *   for an empty Host and HTTP/1.0's missing one.
 *
 * @example
 * checkTarget({ method: 'GET', target: 'http://example.org/sparql?query=x', httpVersion: '1.1', hosts: [] }, 'localhost')
 * // { url: '/sparql?query=x', host: 'example.org' }
 * checkTarget({ method: 'GET', target: '/x#y', httpVersion: '1.1', hosts: ['localhost'] }, 'localhost')
 * // { answer: { status: 400, message: 'a request target never has a fragment (#…) …' } }
 */
export function checkTarget({ method, target, httpVersion, hosts }: RequestLine, fallback: string): Target | { answer: DirectAnswer } {
  if (!httpVersion.startsWith('1.')) {
    // Node's parser reads `GET / HTTP/2.0` as HTTP/1.1 syntax; RFC 9110 §15.6.6: 505 for a major version not supported.
    return refuse(`HTTP/${httpVersion} is not supported: this server speaks HTTP/1.1 (and 1.0)`, 505);
  }
  if (target === '*') {
    return method === 'OPTIONS' ? { answer: { status: 204, headers: { Allow: SERVER_METHODS } } } : refuse(`the request target * is only for OPTIONS (RFC 9112 §3.2.4), not ${method}`);
  }
  if (target.includes('#')) {
    return refuse('a request target never has a fragment (#…) (RFC 9112 §3.2); percent-encode a # in a query as %23');
  }
  if (target.startsWith('/')) {
    const host = hostOf(hosts, httpVersion, fallback);
    if ('answer' in host) return host;
    const moved = (method === 'GET' || method === 'HEAD') && withoutDotSegments(target);
    return moved ? { answer: { status: 301, message: `moved permanently to ${moved}`, headers: { Location: moved } } } : { url: target, host: host.host };
  }
  let url: URL | undefined;
  try {
    url = new URL(target);
  } catch {
    url = undefined;
  }
  if (!url && /^https?:\/\//i.test(target)) {
    return refuse(`invalid authority in the request target "${clip(target, 60)}": expected a host name or IP address and an optional port up to 65535 (RFC 9110 §4.2.1)`);
  }
  if ((url?.protocol !== 'http:' && url?.protocol !== 'https:') || !url.host) {
    return refuse(`the request target must be a path such as /sparql, or an http(s) URL, not "${clip(target, 60)}" (this server is no proxy)`);
  }
  // RFC 9110 §4.2.4: userinfo is deprecated in http(s) URIs, and a recipient should treat it as an error.
  if (url.username !== '' || url.password !== '') return refuse('a request target never has userinfo (user@) (RFC 9110 §4.2.4)');
  // The URL parser has removed dot-segments: a GET of such a target moves as an origin-form one does.
  const path = url.pathname + url.search;
  const writtenPath = target.slice(target.indexOf('//') + 2).replace(/^[^/?]*/, '').split('?')[0]!;
  if ((method === 'GET' || method === 'HEAD') && DOT_SEGMENT.test(writtenPath)) {
    const location = onThisSite(path);
    return { answer: { status: 301, message: `moved permanently to ${location}`, headers: { Location: location } } };
  }
  return { url: path, host: url.host };
}
