// Byte ranges of the dumps (RFC 9110 §14): a cut-off download resumes; pages and queries ignore Range.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifRangeHolds, rangeOf } from '../../src/server/middleware/ranges.js';
import { createNodeServer } from '../../src/server/node-server.js';
import { closeServer, FIXTURE_DIST, header, listenLocally, masked, raw, sparqlUrl, status, useApp } from './helpers.js';

const server = useApp();
const req = (path: string, headers: Record<string, string> = {}) => server.current.app.request(path, { headers });
const file = readFileSync(join(FIXTURE_DIST, 'dataset.nq'));
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('rangeOf (RFC 9110 §14.1.2)', () => {
  it.each([
    ['bytes=0-99', { first: 0, last: 99 }],
    ['bytes=10-', { first: 10, last: 999 }],
    ['bytes=-100', { first: 900, last: 999 }],
    ['bytes=-5000', { first: 0, last: 999 }],
    ['bytes=990-5000', { first: 990, last: 999 }],
    ['Bytes = 1-1', { first: 1, last: 1 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=5-4', undefined],
    ['bytes=0-1,5-9', undefined],
    ['items=0-1', undefined],
    ['bytes=a-b', undefined],
    ['bytes=', undefined],
  ])('%s of 1000 bytes → %o', (header, expected) => {
    expect(rangeOf(header, 1000)).toEqual(expected);
  });

  it('If-Range holds for the same strong ETag or the Last-Modified date, never for a weak tag', () => {
    const date = 'Wed, 02 Dec 2026 00:00:00 GMT';
    expect(ifRangeHolds(undefined, '"a"', date)).toBe(true);
    expect(ifRangeHolds('"a"', '"a"', date)).toBe(true);
    expect(ifRangeHolds('"b"', '"a"', date)).toBe(false);
    expect(ifRangeHolds('W/"a"', '"a"', date)).toBe(false);
    expect(ifRangeHolds(date, '"a"', date)).toBe(true);
    expect(ifRangeHolds('Thu, 03 Dec 2026 00:00:00 GMT', '"a"', date)).toBe(false);
    expect(ifRangeHolds('not a date', '"a"', date)).toBe(false);
  });
});

describe('GET /download/<file> with Range', () => {
  it('says it takes byte ranges, on GET and HEAD', async () => {
    expect((await req('/download/dataset.nq')).headers.get('accept-ranges')).toBe('bytes');
    const head = await server.current.app.request('/download/dataset.nq', { method: 'HEAD' });
    expect(head.headers.get('accept-ranges')).toBe('bytes');
  });

  it('answers a range with 206, Content-Range and exactly those bytes; the rest resumes the file', async () => {
    const whole = await req('/download/dataset.nq');
    const first = await req('/download/dataset.nq', { range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${file.length}`);
    expect(first.headers.get('content-length')).toBe('100');
    expect(first.headers.get('etag')).toBe(whole.headers.get('etag'));
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const rest = await req('/download/dataset.nq', { range: 'bytes=100-', 'if-range': whole.headers.get('etag')! });
    expect(rest.status).toBe(206);
    const joined = Buffer.concat([await bytes(first), await bytes(rest)]);
    expect(createHash('sha256').update(joined).digest('hex')).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('ranges a gzip answer over its gzip bytes (its own ETag)', async () => {
    const gz = await req('/download/dataset.nq', { 'accept-encoding': 'gzip' });
    const whole = await bytes(gz);
    const head = await req('/download/dataset.nq', { 'accept-encoding': 'gzip', range: 'bytes=0-9' });
    const tail = await req('/download/dataset.nq', { 'accept-encoding': 'gzip', range: 'bytes=10-' });
    expect([head.status, tail.status]).toEqual([206, 206]);
    expect(head.headers.get('content-encoding')).toBe('gzip');
    expect(head.headers.get('content-range')).toBe(`bytes 0-9/${whole.length}`);
    expect(gunzipSync(Buffer.concat([await bytes(head), await bytes(tail)])).equals(file)).toBe(true);
  });

  it('answers a range past the end with 416 and the length, saying why', async () => {
    const res = await req('/download/dataset.nq', { range: `bytes=${file.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${file.length}`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('cache-control')).toBeNull(); // a 416 is not the file, for no cache to keep
    expect(await res.text()).toContain(`which has ${file.length} bytes`);
  });

  it.each([
    ['several ranges', { range: 'bytes=0-1,5-9' }],
    ['another unit', { range: 'items=0-1' }],
    ['an invalid range', { range: 'bytes=9-1' }],
    ['an If-Range that no longer holds', { range: 'bytes=0-9', 'if-range': '"old"' }],
  ])('sends the whole file for %s', async (_why, headers) => {
    const res = await req('/download/dataset.nq', headers);
    expect(res.status).toBe(200);
    expect((await bytes(res)).length).toBe(file.length);
  });

  it('leaves a 304 a 304, and pages and queries whole', async () => {
    const etag = (await req('/download/dataset.nq')).headers.get('etag')!;
    expect((await req('/download/dataset.nq', { range: 'bytes=0-9', 'if-none-match': etag })).status).toBe(304);
    const page = await req('/lkp/2016/4.4.3', { accept: 'text/turtle', range: 'bytes=0-9' });
    expect([page.status, page.headers.get('accept-ranges')]).toEqual([200, null]);
    expect((await req(sparqlUrl('ASK {}'), { range: 'bytes=0-9' })).status).toBe(200);
  });
});

describe('Range through the Node fast path (createNodeServer)', () => {
  let http: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    const app = server.current;
    http = createNodeServer({
      fetch: app.fetch,
      serveCached: (req, res) => {
        const hit = app.serveCached(req, res);
        if (hit) hits++;
        return hit;
      },
    });
    port = await listenLocally(http);
  });
  afterAll(() => closeServer(http));

  it('answers a range of a cached download with 206, not the cached whole', async () => {
    const whole = masked(await raw(port, 'GET', '/download/links.csv'));
    expect(whole).toMatch(/^HTTP\/1.1 200 /);
    expect(masked(await raw(port, 'GET', '/download/links.csv'))).toBe(whole);
    expect(hits).toBe(1); // the second was answered from the cache
    const part = await raw(port, 'GET', '/download/links.csv', { Range: 'bytes=0-3' });
    expect(status(part)).toBe(206);
    expect(header(part, 'content-range')).toMatch(/^bytes 0-3\/\d+$/);
    expect(part.toString('latin1').split('\r\n\r\n')[1]).toBe(readFileSync(join(FIXTURE_DIST, 'links.csv'), 'latin1').slice(0, 4));
  });
});
