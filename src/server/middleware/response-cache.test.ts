// Tests of the response cache: what is stored, the key (Vary, query), 304s from stored validators, bounds, compression.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { conditional } from './conditional.js';
import { responseCache, type ResponseCacheOptions } from './response-cache.js';

const LAST_MODIFIED = 'Wed, 01 May 2024 00:00:00 GMT';
/** A compressible Turtle body of about 4 KB. */
const PAGE = Array.from({ length: 60 }, (_, i) => `<https://example.org/c/${i}> a <http://www.w3.org/2004/02/skos/core#Concept> .\n`).join('');
/** A text body that does not compress. */
const NOISE = new Uint8Array(randomBytes(2048));

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
  // ?type=, ?size=, ?encoding= and ?cc= (Cache-Control) vary the representation.
  app.get('/page', (c) => {
    count('page');
    const { type = 'text/turtle; charset=utf-8', size, encoding, cc } = c.req.query();
    const headers: Record<string, string> = { 'Content-Type': type, ETag: '"p"', 'Last-Modified': LAST_MODIFIED, Vary: 'Accept' };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (cc) headers['Cache-Control'] = cc;
    return c.body(PAGE.slice(0, size ? Number(size) : undefined), 200, headers);
  });
  app.get('/noise', (c) => c.body(NOISE, 200, { 'Content-Type': 'text/plain', ETag: '"n"' }));
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
    ['matching If-Match', { 'if-match': '"j"' }, 200],
    ['If-Match: *', { 'if-match': '*' }, 200],
    ['If-Match that does not match', { 'if-match': '"t"' }, 412],
    ['If-Match before If-None-Match', { 'if-match': '"t"', 'if-none-match': '"j"' }, 412],
    ['If-Unmodified-Since before Last-Modified', { 'if-unmodified-since': 'Tue, 30 Apr 2024 00:00:00 GMT' }, 412],
    ['If-Unmodified-Since at Last-Modified', { 'if-unmodified-since': LAST_MODIFIED }, 200],
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
    if (status === 412) {
      expect(await res.text()).toMatch(/^precondition failed/);
      expect(res.headers.get('etag')).toBe('"j"');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
  });

  it('stores nothing from a miss whose If-Match failed (412, by conditional() inside), then caches the next 200', async () => {
    const { cache, get } = setup();
    expect((await get('/doc', { 'if-match': '"other"' })).status).toBe(412);
    expect(cache.size).toBe(0);
    expect((await get('/doc', { 'if-match': '"j"' })).status).toBe(200);
    expect(cache.size).toBe(1);
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

  describe('compression', () => {
    const decode = (body: Uint8Array, coding: string | null): string =>
      Buffer.from(coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body).toString();

    it.each<[string, string | undefined, string | null]>([
      ['both accepted: br', 'gzip, deflate, br', 'br'],
      ['only gzip', 'gzip', 'gzip'],
      ['br;q=0 honoured', 'br;q=0, gzip', 'gzip'],
      ['everything q=0', 'br;q=0, gzip;q=0', null],
      ['identity only', 'identity', null],
      ['no Accept-Encoding', undefined, null],
    ])('%s → %s, stored and answered as the same variant', async (_name, acceptEncoding, coding) => {
      const { calls, get } = setup();
      const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      const first = await get('/page', headers);
      const firstBody = new Uint8Array(await first.arrayBuffer());
      expect(first.headers.get('content-encoding')).toBe(coding);
      expect(first.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(first.headers.get('etag')).toBe(coding ? `"p-${coding}"` : '"p"');
      expect(first.headers.get('content-length')).toBe(String(firstBody.byteLength));
      expect(decode(firstBody, coding)).toBe(PAGE);
      if (coding) expect(firstBody.byteLength).toBeLessThan(PAGE.length);
      const again = await get('/page', headers);
      expect(calls.page).toBe(1);
      expect(Object.fromEntries(again.headers)).toEqual(Object.fromEntries(first.headers));
      expect(new Uint8Array(await again.arrayBuffer())).toEqual(firstBody);
    });

    it.each([
      ['a body under 1 KiB', '/page?size=1000'],
      ['an already encoded body', '/page?encoding=gzip'],
      ['application/octet-stream', '/page?type=application/octet-stream'],
      ['image/png', '/page?type=image/png'],
      ['Cache-Control: no-transform', '/page?cc=public,%20no-transform'],
    ])('leaves %s as it is (identity, Vary and ETag unchanged)', async (_name, path) => {
      const { cache, get } = setup();
      const res = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(res.headers.get('vary')).toBe('Accept');
      expect(res.headers.get('etag')).toBe('"p"');
      expect(res.headers.get('content-encoding')).toBe(path.includes('encoding=') ? 'gzip' : null);
      expect(PAGE.startsWith(await res.text())).toBe(true);
      expect(cache.size).toBe(1);
    });

    it('sends identity (but Vary: Accept-Encoding) when compression would not make the body smaller', async () => {
      const { get } = setup();
      const res = await get('/noise', { 'accept-encoding': 'br' });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('etag')).toBe('"n"');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(NOISE);
    });

    it('leaves a body too large to store identity', async () => {
      const { cache, get } = setup({ maxBytes: 8 * 1024 });
      const res = await get('/page', { 'accept-encoding': 'br' });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept');
      expect(await res.text()).toBe(PAGE);
      expect(cache.size).toBe(0);
    });

    it('does not compress when Accept-Encoding is not in the key', async () => {
      const { cache, get } = setup({ keyHeaders: ['accept'] });
      const res = await get('/page', { 'accept-encoding': 'br' });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept');
      expect(cache.size).toBe(1);
    });

    it('answers HEAD with the headers of the GET it mirrors, and no body', async () => {
      const { get, calls } = setup();
      for (const headers of [{ 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip' }, {}] as Array<Record<string, string>>) {
        const head = await get('/page', headers, 'HEAD'); // a miss: fills the entry the GET then hits
        const getRes = await get('/page', headers);
        expect(head.status).toBe(200);
        expect(await head.text()).toBe('');
        expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(getRes.headers));
        expect(Object.fromEntries((await get('/page', headers, 'HEAD')).headers)).toEqual(Object.fromEntries(getRes.headers)); // a hit
      }
      expect(calls.page).toBe(3);
    });

    it.each<[string, Record<string, string>, number, string]>([
      ['the variant’s own tag', { 'accept-encoding': 'br', 'if-none-match': '"p-br"' }, 304, '"p-br"'],
      ['the variant’s tag, weak', { 'accept-encoding': 'br', 'if-none-match': 'W/"p-br"' }, 304, '"p-br"'],
      ['the identity tag, for the br variant', { 'accept-encoding': 'br', 'if-none-match': '"p"' }, 200, '"p-br"'],
      ['the gzip tag, for the br variant', { 'accept-encoding': 'br', 'if-none-match': '"p-gzip"' }, 200, '"p-br"'],
      ['the br tag, for identity', { 'if-none-match': '"p-br"' }, 200, '"p"'],
      ['If-Modified-Since, for the gzip variant', { 'accept-encoding': 'gzip', 'if-modified-since': LAST_MODIFIED }, 304, '"p-gzip"'],
    ])('revalidates each stored variant by its own validators: %s', async (_name, headers, status, etag) => {
      const { cache, calls, get } = setup();
      const { 'if-none-match': _inm, 'if-modified-since': _ims, ...plain } = headers;
      const check = (res: Response) => {
        expect(res.status).toBe(status);
        expect(res.headers.get('etag')).toBe(etag);
        expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
        expect(res.headers.get('content-type')).toBe(status === 304 ? null : 'text/turtle; charset=utf-8');
      };
      await get('/page', plain);
      check(await get('/page', headers));
      check(cache.match(new Request('http://localhost/page', { headers }))!);
      expect(calls.page).toBe(1);
    });

    it('answers a miss revalidated with a coded variant’s ETag with that variant’s 304, and stores the variant', async () => {
      const { cache, get } = setup();
      const res = await get('/page', { 'accept-encoding': 'br', 'if-none-match': '"p-br"' });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe('"p-br"');
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(cache.size).toBe(1);
    });

    it('serve() writes the stored variant, its 304 and its 412 (as match() answers it), straight to the Node response', async () => {
      const { cache, get } = setup();
      const first = await get('/page', { 'accept-encoding': 'gzip, br' });
      const body = new Uint8Array(await first.arrayBuffer());
      const written: Array<{ status: number; headers: string[]; body?: Uint8Array | string }> = [];
      const serve = (headers: Record<string, string>) => {
        const req = { method: 'GET', url: '/page', headers: { host: 'localhost', 'accept-encoding': 'gzip, br', ...headers } } as unknown as IncomingMessage;
        let status = 0;
        let flatHeaders: string[] = [];
        const res = {
          writeHead: (s: number, h: string[]) => ([status, flatHeaders] = [s, h]),
          end: (b?: Uint8Array | string) => written.push({ status, headers: flatHeaders, body: b }),
        } as unknown as ServerResponse;
        return cache.serve(req, res);
      };
      const headerOf = (flatHeaders: string[], name: string) => flatHeaders[flatHeaders.indexOf(name) + 1];
      expect(serve({})).toBe(true);
      expect(serve({ 'if-none-match': '"p-br"' })).toBe(true);
      expect(serve({ 'if-none-match': '"p"' })).toBe(true);
      expect(serve({ 'if-match': '"p"' })).toBe(true);
      const [hit, notModified, other, failed] = written;
      const viaMatch = cache.match(new Request('http://localhost/page', { headers: { 'accept-encoding': 'gzip, br', 'if-match': '"p"' } }))!;
      expect(failed!.status).toBe(412);
      expect(viaMatch.status).toBe(412);
      expect(String(failed!.body)).toBe(await viaMatch.text());
      expect(Object.fromEntries(failed!.headers.flatMap((v, i, all) => (i % 2 ? [] : [[v, all[i + 1]]])))).toEqual(Object.fromEntries(viaMatch.headers));
      expect(headerOf(failed!.headers, 'etag')).toBe('"p-br"');
      expect(hit!.status).toBe(200);
      expect(hit!.body).toEqual(body);
      expect(Object.fromEntries(hit!.headers.flatMap((v, i, all) => (i % 2 ? [] : [[v, all[i + 1]]])))).toEqual(Object.fromEntries(first.headers));
      expect(notModified!.status).toBe(304);
      expect(notModified!.body).toBeUndefined();
      expect(headerOf(notModified!.headers, 'etag')).toBe('"p-br"');
      expect(headerOf(notModified!.headers, 'vary')).toBe('Accept, Accept-Encoding');
      expect(other!.status).toBe(200);
    });
  });
});
