// Tests of canonicalPath() and the path helpers: 301 to RFC 3986 normal form; encoded reserved characters left as data.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { iriPath, normalPath } from '../uri-path.js';
import { canonicalPath } from './canonical-path.js';

const app = new Hono();
app.use('*', canonicalPath());
app.all('*', (c) => c.text(`reached ${new URL(c.req.url).pathname}`));

describe('canonicalPath()', () => {
  it.each([
    ['/lkp/2016/4.4.3%2ettl', '/lkp/2016/4.4.3.ttl'],
    ['/lkp/2016/4.4.3%2Ettl?lang=en', '/lkp/2016/4.4.3.ttl?lang=en'],
    ['/m%61trix', '/matrix'],
    ['/a%2fb', '/a%2Fb'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['http://localhost//evil.example/a%2eb', '/evil.example/a.b'], // never `//…`: that would send the client to another host
  ])('GET %s → 301 %s', async (path, location) => {
    const res = await app.request(path);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(location);
  });

  it.each(['/lkp%2F2016%2F4.4.3', '/lkp/2016/4.4.3', '/def%23Priority', '/caf%C3%A9', '/search?q=%2e'])('GET %s is already normal: it reaches the routes', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
  });

  it.each([
    ['GET', '/lkp/2016/4.4.3%ZZ'],
    ['GET', '/a%2'],
    ['HEAD', '/a%'],
    ['POST', '/sparql%G1'],
  ])('%s %s: 400, the path is no URI (a percent sign takes two hex digits, RFC 3986 §2.1)', async (method, path) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(400);
    if (method !== 'HEAD') expect(await res.text()).toMatch(/^the path has a "%" that is not followed by two hexadecimal digits/);
  });

  it('leaves other methods alone', async () => {
    expect((await app.request('/sparql%2e', { method: 'POST' })).status).toBe(200);
  });
});

describe('path helpers', () => {
  it.each([
    ['/lkp%2F2016%2F4.4.3', '/lkp%2F2016%2F4.4.3'],
    ['/def%23Priority', '/def%23Priority'],
    ['/vision2035/g%C3%B6r', '/vision2035/gör'],
    ['/a%20b', '/a%20b'],
    ['/a%2525', '/a%2525'],
    ['/plain/4.4.3', '/plain/4.4.3'],
  ])('iriPath(%s) = %s', (path, iri) => {
    expect(iriPath(path)).toBe(iri);
  });

  it.each(['/%E0%A4%A', '/%FF', '/%C3'])('iriPath(%s) is undefined (not UTF-8)', (path) => {
    expect(iriPath(path)).toBeUndefined();
  });

  it('normalPath decodes unreserved characters only', () => {
    expect(normalPath('/%41%2D%2e%5F%7e%2f%3a')).toBe('/A-._~%2F%3A');
  });
});
