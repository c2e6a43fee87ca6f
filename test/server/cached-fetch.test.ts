// The response cache in front of the app over a real socket: a hit equals the first answer, keeps Vary apart, and revalidates.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparqlUrl, useApp } from './helpers.js';

const server = useApp();
let origin = '';
let http: ReturnType<typeof serve>;

beforeAll(async () => {
  http = serve({ fetch: server.current.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (http.listening ? resolve() : http.once('listening', () => resolve())));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => http.close(resolve)));

/** Headers that legitimately differ between two answers. */
const stable = (res: Response) => Object.fromEntries([...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)));

describe('ServerApp.fetch (response cache in front of app.fetch)', () => {
  it.each([
    ['concept page, Turtle', '/lkp/2016/4.4.3', 'text/turtle'],
    ['concept page, HTML', '/lkp/2016/4.4.3', 'text/html'],
    ['concept page, ?format=nt', '/lkp/2016/4.4.3?format=nt', '*/*'],
    ['SPARQL query', sparqlUrl('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'), 'application/sparql-results+json'],
  ])('%s: the repeat equals the first answer', async (_name, path, accept) => {
    const first = await fetch(origin + path, { headers: { accept } });
    const firstBody = await first.text();
    const again = await fetch(origin + path, { headers: { accept } });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(firstBody);
    expect(stable(again)).toEqual(stable(first));
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    // fetch() asks for gzip and decodes it: Content-Length is the size on the wire.
    const length = Number(again.headers.get('content-length'));
    if (again.headers.get('content-encoding') === null) expect(length).toBe(Buffer.byteLength(firstBody));
    else expect(length).toBeLessThan(Buffer.byteLength(firstBody));
  });

  it('keeps representations negotiated by Accept apart (Vary: Accept)', async () => {
    for (let i = 0; i < 2; i++) {
      const ttl = await fetch(`${origin}/lkp/2016/4.4.3`, { headers: { accept: 'text/turtle' } });
      const json = await fetch(`${origin}/lkp/2016/4.4.3`, { headers: { accept: 'application/ld+json' } });
      expect(ttl.headers.get('content-type')).toMatch(/^text\/turtle/);
      expect(json.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(ttl.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(ttl.headers.get('etag')).not.toBe(json.headers.get('etag'));
    }
  });

  it('answers a cached representation’s revalidation with 304 and its validators', async () => {
    const first = await fetch(`${origin}/lkp/2016/4.4.3`, { headers: { accept: 'text/turtle' } });
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const validators: Array<Record<string, string>> = [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }];
    for (const conditional of validators) {
      const res = await fetch(`${origin}/lkp/2016/4.4.3`, { headers: { accept: 'text/turtle', ...conditional } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
    }
    const other = await fetch(`${origin}/lkp/2016/4.4.3`, { headers: { accept: 'text/turtle', 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('never serves an error or a HEAD from the cache', async () => {
    for (let i = 0; i < 2; i++) expect((await fetch(`${origin}/no/such/thing`)).status).toBe(404);
    const head = await fetch(`${origin}/lkp/2016/4.4.3`, { method: 'HEAD', headers: { accept: 'text/turtle' } });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('conditional requests on a miss, compressed variants', () => {
  it('answers If-Modified-Since alone with the 304 of the variant the client would get', async () => {
    // A first request for this representation (a miss), revalidating with a date only.
    const headers = { accept: 'application/n-triples', 'accept-encoding': 'br', 'if-modified-since': 'Sat, 01 Jan 2100 00:00:00 GMT' };
    const res = await fetch(`${origin}/lkp/2016/4.4.3?lang=en`, { headers });
    expect(res.status).toBe(304);
    expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
    expect(res.headers.get('etag')).toMatch(/-br"$/);
  });
});
