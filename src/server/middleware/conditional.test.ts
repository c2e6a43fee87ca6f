// Tests of the conditional-GET middleware: which preconditions turn a 200 into a 304 or a 412.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { conditional, evaluate } from './conditional.js';

const ETAG = '"abc"';
const LAST_MODIFIED = 'Wed, 01 May 2024 00:00:00 GMT';
const EARLIER = 'Tue, 30 Apr 2024 00:00:00 GMT';
const app = new Hono();
app.use('*', conditional());
app.get('/doc', (c) => c.text('hello', 200, { ETag: ETAG, 'Last-Modified': LAST_MODIFIED, Vary: 'Accept' }));
app.get('/plain', (c) => c.text('no validators'));
app.post('/doc', (c) => c.text('posted', 200, { ETag: ETAG }));

describe('conditional()', () => {
  it.each([
    ['matching If-None-Match', 'GET', '/doc', { 'if-none-match': ETAG }, 304],
    ['one of several tags', 'GET', '/doc', { 'if-none-match': '"x", "abc"' }, 304],
    ['weak comparison', 'GET', '/doc', { 'if-none-match': 'W/"abc"' }, 304],
    ['wildcard', 'GET', '/doc', { 'if-none-match': '*' }, 304],
    ['other tag', 'GET', '/doc', { 'if-none-match': '"zzz"' }, 200],
    ['If-Modified-Since at Last-Modified', 'GET', '/doc', { 'if-modified-since': LAST_MODIFIED }, 304],
    ['If-Modified-Since before', 'GET', '/doc', { 'if-modified-since': 'Tue, 30 Apr 2024 00:00:00 GMT' }, 200],
    ['If-None-Match wins over If-Modified-Since', 'GET', '/doc', { 'if-none-match': '"zzz"', 'if-modified-since': LAST_MODIFIED }, 200],
    ['no validators on the response', 'GET', '/plain', { 'if-none-match': '*' }, 200],
    // RFC 9110 §13.1.2: a failed If-None-Match is 304 only for GET and HEAD, 412 for other methods.
    ['POST with a matching If-None-Match', 'POST', '/doc', { 'if-none-match': ETAG }, 412],
    ['POST with If-None-Match: *', 'POST', '/doc', { 'if-none-match': '*' }, 412],
    ['POST with another If-None-Match', 'POST', '/doc', { 'if-none-match': '"zzz"' }, 200],
    ['POST ignores If-Modified-Since', 'POST', '/doc', { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' }, 200],
    ['no conditional headers', 'GET', '/doc', {}, 200],
    ['matching If-Match', 'GET', '/doc', { 'if-match': ETAG }, 200],
    ['If-Match in a list', 'GET', '/doc', { 'if-match': '"x", "abc"' }, 200],
    ['If-Match: *', 'GET', '/doc', { 'if-match': '*' }, 200],
    ['If-Match that does not match', 'GET', '/doc', { 'if-match': '"zzz"' }, 412],
    ['If-Match compares strongly', 'GET', '/doc', { 'if-match': 'W/"abc"' }, 412],
    ['If-Match on HEAD', 'HEAD', '/doc', { 'if-match': '"zzz"' }, 412],
    ['If-Match before If-None-Match', 'GET', '/doc', { 'if-match': '"zzz"', 'if-none-match': ETAG }, 412],
    ['If-Match passes, then If-None-Match', 'GET', '/doc', { 'if-match': ETAG, 'if-none-match': ETAG }, 304],
    ['If-Match with no ETag on the response', 'GET', '/plain', { 'if-match': '"abc"' }, 412],
    ['If-Match: * with no ETag on the response', 'GET', '/plain', { 'if-match': '*' }, 200],
    ['If-Unmodified-Since at Last-Modified', 'GET', '/doc', { 'if-unmodified-since': LAST_MODIFIED }, 200],
    ['If-Unmodified-Since before Last-Modified', 'GET', '/doc', { 'if-unmodified-since': EARLIER }, 412],
    ['If-Unmodified-Since that is not a date', 'GET', '/doc', { 'if-unmodified-since': 'yesterday' }, 200],
    ['If-Unmodified-Since without Last-Modified', 'GET', '/plain', { 'if-unmodified-since': EARLIER }, 200],
    ['If-Match wins over If-Unmodified-Since', 'GET', '/doc', { 'if-match': ETAG, 'if-unmodified-since': EARLIER }, 200],
    ['If-Unmodified-Since passes, then If-Modified-Since', 'GET', '/doc', { 'if-unmodified-since': LAST_MODIFIED, 'if-modified-since': LAST_MODIFIED }, 304],
    ['POST with a failed If-Match', 'POST', '/doc', { 'if-match': '"zzz"' }, 412],
    ['POST with a matching If-Match', 'POST', '/doc', { 'if-match': ETAG }, 200],
  ])('%s', async (_name, method, path, headers, status) => {
    const res = await app.request(path, { method, headers });
    expect(res.status).toBe(status);
    if (status === 304) {
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(ETAG);
      expect(res.headers.get('vary')).toBe('Accept');
      expect(res.headers.get('content-type')).toBeNull();
    }
    if (status === 412) {
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const failed = 'if-match' in headers ? 'If-Match' : 'if-unmodified-since' in headers ? 'If-Unmodified-Since' : 'If-None-Match';
      if (method !== 'HEAD') expect(await res.text()).toMatch(new RegExp(`^precondition failed: .*${failed}`));
      if (path === '/doc') expect(res.headers.get('etag')).toBe(ETAG);
    }
  });
});

describe('evaluate()', () => {
  it.each([
    [{}, 200],
    [{ ifMatch: '"b"' }, 412],
    [{ ifMatch: '"a"', ifNoneMatch: '"a"' }, 304],
    [{ ifUnmodifiedSince: EARLIER }, 412],
    [{ ifUnmodifiedSince: EARLIER, ifMatch: '"a"' }, 200],
    [{ ifNoneMatch: '"b"', ifModifiedSince: LAST_MODIFIED }, 200],
    [{ ifModifiedSince: EARLIER }, 200],
  ] as const)('%j → %i', (pre, outcome) => {
    expect(evaluate(pre, '"a"', LAST_MODIFIED)).toBe(outcome);
  });

  it.each([
    [{ ifNoneMatch: '"a"' }, 412],
    [{ ifNoneMatch: '"b"' }, 200],
    [{ ifMatch: '"b"' }, 412],
    [{ ifUnmodifiedSince: EARLIER }, 412],
    [{ ifModifiedSince: LAST_MODIFIED }, 200],
  ] as const)('POST: %j → %i', (pre, outcome) => {
    expect(evaluate(pre, '"a"', LAST_MODIFIED, 'POST')).toBe(outcome);
  });

  // RFC 9110 §13.1.3, §13.1.4: a value that is no valid HTTP-date is ignored.
  it.each(['1970', '2099', 'Jan 1 2099', '2099-01-01T00:00:00+05:00', 'Fri, 01 Jan 2099 00:00:00 PST', 'Fri, 31 Feb 2099 00:00:00 GMT', 'Fri, 01 Jan 2099 24:00:00 GMT', 'garbage', '4102444800'])(
    'ignores If-Modified-Since and If-Unmodified-Since of %j (no HTTP-date)',
    (date) => {
      expect(evaluate({ ifModifiedSince: date }, '"a"', LAST_MODIFIED)).toBe(200);
      expect(evaluate({ ifUnmodifiedSince: date }, '"a"', LAST_MODIFIED)).toBe(200);
    },
  );

  it.each([
    ['IMF-fixdate', 'Fri, 01 Jan 2100 00:00:00 GMT'],
    ['the obsolete RFC 850 form (a two-digit year within 50 years: 2027)', 'Friday, 01-Jan-27 00:00:00 GMT'],
    ['the obsolete asctime form', 'Fri Jan  1 00:00:00 2100'],
  ])('reads a later date in %s', (_form, date) => {
    expect(evaluate({ ifModifiedSince: date }, '"a"', LAST_MODIFIED)).toBe(304);
    expect(evaluate({ ifUnmodifiedSince: date }, '"a"', LAST_MODIFIED)).toBe(200);
  });
});
