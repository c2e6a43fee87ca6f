// Tests of the response cache: what is stored, the key (Vary, query), 304s from stored validators, bounds.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { conditional } from './conditional.js';
import { responseCache, type ResponseCacheOptions } from './response-cache.js';

const LAST_MODIFIED = 'Wed, 01 May 2024 00:00:00 GMT';

/** An app whose routes count their calls, behind the cache (outermost) and conditional(). */
function setup(options: Partial<ResponseCacheOptions> = {}) {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const cache = responseCache({ maxEntries: 100, maxBytes: 1 << 20, ...options });
  const app = new Hono();
  app.use('*', cache.middleware);
  app.use('*', async (c, next) => {
    c.header('Access-Control-Allow-Origin', '*');
    await next();
  });
  app.use('*', conditional());
  app.get('/doc', (c) => {
    count('doc');
    const ttl = c.req.header('accept') === 'text/turtle';
    const body = `${ttl ? 'turtle' : 'json'} ${c.req.query('lang') ?? ''} ${calls.doc}`;
    return c.body(body, 200, { 'Content-Type': ttl ? 'text/turtle' : 'application/json', ETag: `"${ttl ? 't' : 'j'}"`, 'Last-Modified': LAST_MODIFIED, Vary: 'Accept' });
  });
  app.get('/sized/:n', (c) => (count('sized'), c.body('x'.repeat(Number(c.req.param('n'))), 200, { ETag: `"${c.req.param('n')}"` })));
  app.get('/no-etag', (c) => (count('no-etag'), c.text('plain')));
  app.get('/by-origin', (c) => (count('by-origin'), c.text(c.req.header('origin') ?? '', 200, { ETag: '"o"', Vary: 'Origin' })));
  app.get('/no-store', (c) => (count('no-store'), c.text('secret', 200, { ETag: '"s"', 'Cache-Control': 'no-store' })));
  app.get('/fail', (c) => (count('fail'), c.text('broken', 500, { ETag: '"f"' })));
  app.post('/doc', (c) => (count('post'), c.text('posted', 200, { ETag: '"p"' })));
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });
  return { app, cache, calls, get };
}

describe('responseCache()', () => {
  it('answers a repeat from memory with the same status, headers and body', async () => {
    const { calls, get } = setup();
    const first = await get('/doc');
    const again = await get('/doc');
    expect(calls.doc).toBe(1);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
    expect(Object.fromEntries(again.headers)).toEqual(Object.fromEntries(first.headers));
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    ['Accept (Vary)', { accept: 'text/turtle' }, '/doc'],
    ['?lang=', {}, '/doc?lang=en'],
    ['?format=', {}, '/doc?format=ttl'],
    ['Accept-Language', { 'accept-language': 'en' }, '/doc'],
  ])('keeps representations apart by %s', async (_name, headers, path) => {
    const { calls, get } = setup();
    const plain = await (await get('/doc')).text();
    const other = await (await get(path, headers)).text();
    expect(calls.doc).toBe(2);
    expect(other).not.toBe(plain);
    expect(await (await get(path, headers)).text()).toBe(other);
    expect(await (await get('/doc')).text()).toBe(plain);
    expect(calls.doc).toBe(2);
  });

  it.each([
    ['matching If-None-Match', { 'if-none-match': '"j"' }, 304],
    ['weak If-None-Match', { 'if-none-match': 'W/"j"' }, 304],
    ['another representation’s tag', { 'if-none-match': '"t"' }, 200],
    ['If-Modified-Since at Last-Modified', { 'if-modified-since': LAST_MODIFIED }, 304],
    ['If-Modified-Since before', { 'if-modified-since': 'Tue, 30 Apr 2024 00:00:00 GMT' }, 200],
    ['If-None-Match wins', { 'if-none-match': '"x"', 'if-modified-since': LAST_MODIFIED }, 200],
  ])('on a hit, %s → %i', async (_name, headers, status) => {
    const { calls, get } = setup();
    await get('/doc');
    const res = await get('/doc', headers);
    expect(calls.doc).toBe(1);
    expect(res.status).toBe(status);
    if (status === 304) {
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe('"j"');
      expect(res.headers.get('vary')).toBe('Accept');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('content-type')).toBeNull();
    }
  });

  it('stores nothing from a conditional miss that became 304, then caches the next 200', async () => {
    const { calls, cache, get } = setup();
    expect((await get('/doc', { 'if-none-match': '"j"' })).status).toBe(304);
    expect(cache.size).toBe(0);
    expect((await get('/doc')).status).toBe(200);
    expect((await get('/doc')).status).toBe(200);
    expect(calls.doc).toBe(2);
  });

  it.each([
    ['an error', '/fail', 'GET', 'fail'],
    ['a response without ETag', '/no-etag', 'GET', 'no-etag'],
    ['Cache-Control: no-store', '/no-store', 'GET', 'no-store'],
    ['Vary on a header outside the key', '/by-origin', 'GET', 'by-origin'],
    ['POST', '/doc', 'POST', 'post'],
  ])('never caches %s', async (_name, path, method, counter) => {
    const { cache, calls, get } = setup();
    await get(path, {}, method);
    await get(path, {}, method);
    expect(calls[counter]).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('is bounded by entry count, evicting the least recently used', async () => {
    const { cache, calls, get } = setup({ maxEntries: 2 });
    await get('/sized/1');
    await get('/sized/2');
    await get('/sized/1'); // refreshes 1
    await get('/sized/3'); // evicts 2
    expect(cache.size).toBe(2);
    expect(calls.sized).toBe(3);
    await get('/sized/1');
    expect(calls.sized).toBe(3);
    await get('/sized/2');
    expect(calls.sized).toBe(4);
  });

  it('is bounded by bytes, and never stores a body above an eighth of the budget', async () => {
    const { cache, get } = setup({ maxBytes: 8 * 1024 });
    const big = await get('/sized/2000');
    expect((await big.text()).length).toBe(2000);
    expect(cache.size).toBe(0);
    for (let n = 100; n < 110; n++) await get(`/sized/${n}`);
    expect(cache.size).toBeLessThanOrEqual(Math.floor((8 * 1024) / (100 + 512)));
  });

  it('match() answers hits synchronously without routing, and misses with undefined', async () => {
    const { cache, calls, get } = setup();
    const req = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
    expect(cache.match(req('/doc'))).toBeUndefined();
    const body = await (await get('/doc')).text();
    const hit = cache.match(req('/doc'));
    expect(hit?.status).toBe(200);
    expect(await hit!.text()).toBe(body);
    expect(cache.match(req('/doc', { 'if-none-match': '"j"' }))?.status).toBe(304);
    expect(cache.match(req('/doc', { accept: 'text/turtle' }))).toBeUndefined();
    expect(cache.match(new Request('http://localhost/doc', { method: 'HEAD' }))).toBeUndefined();
    expect(calls.doc).toBe(1);
  });
});
