// The Node fast path for cache hits (createNodeServer) over raw sockets: byte for byte what the Hono path sends.
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeServer } from '../../src/server/node-server.js';
import { sparqlUrl, useApp } from './helpers.js';

const server = useApp();
/** Hits written by the fast path. */
let fastHits = 0;
let fast: Server;
let hono: Server;

const listen = (http: Server) =>
  new Promise<number>((resolve) => {
    const done = () => resolve((http.address() as AddressInfo).port);
    if (http.listening) done();
    else http.once('listening', done);
  });

let fastPort = 0;
let honoPort = 0;

beforeAll(async () => {
  const app = server.current;
  fast = createNodeServer({
    fetch: app.fetch,
    serveCached: (req, res) => {
      const hit = app.serveCached(req, res);
      if (hit) fastHits++;
      return hit;
    },
  });
  fast.listen(0, '127.0.0.1');
  // The same app (and so the same cache) served by @hono/node-server alone: hits go through ServerApp.fetch.
  hono = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  [fastPort, honoPort] = await Promise.all([listen(fast), listen(hono)]);
});
afterAll(async () => {
  await Promise.all([fast, hono].map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Sends one raw HTTP/1.1 request (connection: close) and returns every byte of the answer. */
function raw(port: number, method: string, target: string, headers: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

/** The answer with its Date header masked (the only part allowed to differ). */
const masked = (answer: Buffer): string => answer.toString('latin1').replace(/\r\nDate: [^\r]*\r\n/, '\r\nDate: -\r\n');

const status = (answer: Buffer): number => Number(answer.toString('latin1').slice(9, 12));
const header = (answer: Buffer, name: string): string | undefined =>
  new RegExp(`\\r\\n${name}: ([^\\r]*)\\r\\n`, 'i').exec(answer.toString('latin1').split('\r\n\r\n')[0]! + '\r\n')?.[1];

/** Name, target, request headers, then the Vary and Content-Encoding expected. */
const TARGETS: Array<[string, string, Record<string, string>, string, string | undefined]> = [
  ['concept page, Turtle', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }, 'Accept, Accept-Encoding', undefined],
  ['concept page, HTML', '/lkp/2016/4.4.3', { Accept: 'text/html' }, 'Accept, Accept-Encoding', undefined],
  ['concept page, ?format=nt', '/lkp/2016/4.4.3?format=nt', { Accept: '*/*' }, 'Accept, Accept-Encoding', undefined],
  ['concept page, Turtle, br', '/lkp/2016/4.4.3', { Accept: 'text/turtle', 'Accept-Encoding': 'gzip, deflate, br' }, 'Accept, Accept-Encoding', 'br'],
  ['concept page, HTML, gzip', '/lkp/2016/4.4.3', { Accept: 'text/html', 'Accept-Encoding': 'gzip' }, 'Accept, Accept-Encoding', 'gzip'],
  // Under 1 KiB: never compressed, so it does not vary by Accept-Encoding.
  ['SPARQL query (percent-encoded target)', sparqlUrl('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'), { Accept: 'application/sparql-results+json' }, 'Accept', undefined],
];

describe('createNodeServer: cache hits written straight to the socket', () => {
  it.each(TARGETS)('%s: a hit is byte-identical through the fast path and through the Hono path', async (_name, target, headers, vary, coding) => {
    const first = await raw(fastPort, 'GET', target, headers); // a miss: answered and stored by the app
    expect(status(first)).toBe(200);
    const before = fastHits;
    const viaFast = await raw(fastPort, 'GET', target, headers);
    expect(fastHits).toBe(before + 1);
    const viaHono = await raw(honoPort, 'GET', target, headers);
    expect(fastHits).toBe(before + 1);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(masked(viaFast)).toBe(masked(first));
    expect(header(viaFast, 'access-control-allow-origin')).toBe('*');
    expect(header(viaFast, 'vary')).toBe(vary);
    expect(header(viaFast, 'content-encoding')).toBe(coding);
    expect(Number(header(viaFast, 'content-length'))).toBe(viaFast.length - viaFast.indexOf('\r\n\r\n') - 4);
  });

  it('revalidates a compressed variant by its own ETag, with the same 304 on both paths', async () => {
    const target = '/lkp/2016/4.4.3';
    const identity = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const coded = { Accept: 'text/turtle', 'Accept-Encoding': 'br' };
    const first = await raw(fastPort, 'GET', target, coded);
    expect(header(first, 'etag')).toBe(header(identity, 'etag')!.replace(/"$/, '-br"'));
    const viaFast = await raw(fastPort, 'GET', target, { ...coded, 'If-None-Match': header(first, 'etag')! });
    const viaHono = await raw(honoPort, 'GET', target, { ...coded, 'If-None-Match': header(first, 'etag')! });
    expect(status(viaFast)).toBe(304);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(header(viaFast, 'vary')).toBe('Accept, Accept-Encoding');
    expect(status(await raw(fastPort, 'GET', target, { ...coded, 'If-None-Match': header(identity, 'etag')! }))).toBe(200);
  });

  it.each([
    ['If-None-Match', (etag: string) => ({ 'If-None-Match': etag })],
    ['If-None-Match (weak, in a list)', (etag: string) => ({ 'If-None-Match': `"other", W/${etag}` })],
    ['If-Modified-Since', (_etag: string, lastModified: string) => ({ 'If-Modified-Since': lastModified })],
  ])('answers revalidation (%s) with the same 304 on both paths', async (_name, validators) => {
    const target = '/lkp/2016/4.4.3';
    const first = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const conditional = { Accept: 'text/turtle', ...validators(header(first, 'etag')!, header(first, 'last-modified')!) };
    const before = fastHits;
    const viaFast = await raw(fastPort, 'GET', target, conditional);
    const viaHono = await raw(honoPort, 'GET', target, conditional);
    expect(fastHits).toBe(before + 1);
    expect(status(viaFast)).toBe(304);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(viaFast.toString('latin1').endsWith('\r\n\r\n')).toBe(true); // no body
    expect(header(viaFast, 'etag')).toBe(header(first, 'etag'));
    expect(header(viaFast, 'content-type')).toBeUndefined();
  });

  it('answers a validator that does not match with the full 200', async () => {
    const target = '/lkp/2016/4.4.3';
    const first = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const viaFast = await raw(fastPort, 'GET', target, { Accept: 'text/turtle', 'If-None-Match': '"other"' });
    expect(status(viaFast)).toBe(200);
    expect(masked(viaFast)).toBe(masked(first));
  });

  it('keeps Vary: Accept representations apart', async () => {
    const ttl = await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    const json = await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'application/ld+json' });
    await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'application/ld+json' });
    expect(header(ttl, 'content-type')).toMatch(/^text\/turtle/);
    expect(header(json, 'content-type')).toMatch(/^application\/ld\+json/);
    expect(masked(await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }))).toBe(masked(ttl));
  });

  it('answers a target that @hono/node-server normalises (dot segments) as the normalised one, miss and hit', async () => {
    const plain = await raw(honoPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    for (let i = 0; i < 2; i++) {
      const viaFast = await raw(fastPort, 'GET', '/lkp/2016/x/../4.4.3', { Accept: 'text/turtle' });
      const viaHono = await raw(honoPort, 'GET', '/lkp/2016/x/../4.4.3', { Accept: 'text/turtle' });
      expect(masked(viaFast)).toBe(masked(viaHono));
      expect(masked(viaFast)).toBe(masked(plain));
    }
  });

  it('leaves HEAD, OPTIONS, errors and targets Hono refuses to the Hono path, with the same answers', async () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['HEAD', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }],
      ['GET', '/no/such/thing', {}],
      ['GET', '/lkp\\2016/4.4.3', { Accept: 'text/turtle' }],
      ['OPTIONS', '/sparql', { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' }],
    ];
    for (const [method, target, headers] of cases) {
      await raw(fastPort, method, target, headers);
      const before = fastHits;
      const viaFast = await raw(fastPort, method, target, headers);
      const viaHono = await raw(honoPort, method, target, headers);
      expect(fastHits, `${method} ${target}`).toBe(before);
      expect(masked(viaFast)).toBe(masked(viaHono));
    }
    const head = await raw(fastPort, 'HEAD', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    expect(status(head)).toBe(200);
    expect(head.toString('latin1').endsWith('\r\n\r\n')).toBe(true);
  });
});
