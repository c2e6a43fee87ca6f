// 404s: an HTML page in the site's layout and language for browsers (with the likely address and a search link), plain text for other clients.
import { describe, expect, it } from 'vitest';
import { BROWSER, useApp } from './helpers.js';

const server = useApp();
const req = (path: string, headers: Record<string, string> = {}, method = 'GET') => server.current.app.request(path, { headers, method });

describe('404 for a client that prefers HTML', () => {
  it.each([
    ['/lkp/2016/4.4.3/', '/lkp/2016/4.4.3', '4.4.3'],
    ['/LKP/2016/4.4.3', '/lkp/2016/4.4.3', '4.4.3'],
    ['/Lkp/2016/4.4.3.TTL', '/lkp/2016/4.4.3.ttl', '4.4.3'],
    ['/MATRIX/', '/matrix', 'MATRIX'],
    ['/download/dataset.ttl/', '/download/dataset.ttl', 'dataset'],
    ['/Download/DATASET.TTL', '/download/dataset.ttl', 'DATASET'],
    ['/download/sha256sums', '/download/SHA256SUMS', 'sha256sums'],
    ['/context/v1.jsonld/', '/context/v1.jsonld', 'v1'],
    ['/nope', undefined, 'nope'],
  ])('%s: a page saying what was not found, suggesting %s and a search', async (path, suggestion, term) => {
    const res = await req(path, { accept: BROWSER });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('sv');
    expect(res.headers.get('vary')).toBe('Accept');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    expect(body).toMatch(/^<!doctype html>\n<html lang="sv">/);
    for (const part of ['<header class="site">', '<main id="main"', '<footer class="site">', '<h1>Sidan finns inte</h1>', `<code class="iri">${path}</code>`]) expect(body).toContain(part);
    expect(body).toContain(`<a href="/search?q=${encodeURIComponent(term)}">Sök efter ”${term}”</a>`);
    if (suggestion) expect(body).toContain(`<h2>Menade du</h2><ul><li><a href="${suggestion}">${suggestion}</a></li></ul>`);
    else expect(body).not.toContain('Menade du');
  });

  it('is in English with ?lang=en, every link keeping the language', async () => {
    const res = await req('/LKP/2016/4.4.3?lang=en', { accept: BROWSER });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('en');
    const body = await res.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('<h1>Page not found</h1>');
    expect(body).toContain('<a href="/lkp/2016/4.4.3?lang=en">/lkp/2016/4.4.3</a>');
    expect(body).toContain('<a href="/search?q=4.4.3&amp;lang=en">Search for “4.4.3”</a>');
  });

  it.each([
    ['/sdg/99', 'the UN SDG KOS has no goal, target or indicator'],
    ['/matrix/4.4.3/011', 'no such cell'],
    ['/assets/nope.js', 'no such asset'],
    ['/lkp%2F2016%2F4.4.3', 'no resource with this IRI'],
  ])('%s gives the route\'s own reason', async (path, reason) => {
    const res = await req(path, { accept: BROWSER });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain(`Serverns besked: <span lang="en">${reason}`);
  });
});

describe('404 for other clients', () => {
  it.each([
    ['no Accept', {}],
    ['*/*', { accept: '*/*' }],
    ['JSON', { accept: 'application/json' }],
    ['Turtle', { accept: 'text/turtle' }],
    ['text/plain before HTML', { accept: 'text/plain, text/html;q=0.5' }],
  ])('%s: the plain-text reason, as before', async (_name, headers) => {
    const res = await req('/lkp/2016/4.4.3/', headers);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe('no resource with this IRI in the dataset\n');
  });

  it('HEAD is 404 too', async () => {
    expect((await req('/nope', { accept: BROWSER }, 'HEAD')).status).toBe(404);
  });
});
