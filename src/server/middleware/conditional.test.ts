// Tests of the conditional-GET middleware: which validators turn a 200 into a 304.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { conditional } from './conditional.js';

const ETAG = '"abc"';
const LAST_MODIFIED = 'Wed, 01 May 2024 00:00:00 GMT';
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
    ['POST is never 304', 'POST', '/doc', { 'if-none-match': ETAG }, 200],
    ['no conditional headers', 'GET', '/doc', {}, 200],
  ])('%s → %i', async (_name, method, path, headers, status) => {
    const res = await app.request(path, { method, headers });
    expect(res.status).toBe(status);
    if (status === 304) {
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(ETAG);
      expect(res.headers.get('vary')).toBe('Accept');
    }
  });
});
