// Tests of the methods middleware: 405 with Allow, a plain OPTIONS, and CORS preflights left to cors().
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors } from './cors.js';
import { methods } from './methods.js';

const app = new Hono();
app.use('*', cors());
app.use('*', methods({ postPaths: ['/sparql'] }));
app.get('*', (c) => c.text('read'));
app.post('/sparql', (c) => c.text('posted'));

const READ = 'GET, HEAD, OPTIONS';
const WITH_POST = 'GET, HEAD, POST, OPTIONS';

describe('methods()', () => {
  it.each([
    ['GET', '/page', 200, undefined],
    ['HEAD', '/page', 200, undefined],
    ['POST', '/sparql', 200, undefined],
    ['POST', '/page', 405, READ],
    ['PUT', '/sparql', 405, WITH_POST],
    ['DELETE', '/sparql', 405, WITH_POST],
    ['PATCH', '/page', 405, READ],
    ['PUT', '/no/such/page', 405, READ],
    ['OPTIONS', '/sparql', 204, WITH_POST],
    ['OPTIONS', '/page', 204, READ],
  ])('%s %s → %i (Allow: %s)', async (method, path, status, allow) => {
    const res = await app.request(path, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('allow') ?? undefined).toBe(allow);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    if (status === 405) {
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe(`${method} is not allowed here; allowed: ${allow}\n`);
    }
    if (status === 204) expect(await res.text()).toBe('');
  });

  // RFC 9110 §15.6.2: 501 for a method the server does not recognise; 405 (§15.5.6) only for one it knows but the target does not allow.
  it.each(['PROPFIND', 'MKCOL', 'SEARCH', 'QUERY', 'PURGE', 'LINK', 'BIND'])('answers %s, which Node parses but this server does not know, with 501', async (method) => {
    const res = await app.request('/sparql', { method });
    expect(res.status).toBe(501);
    expect(res.headers.get('allow')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe(`unknown method ${method}; this server implements GET, HEAD, POST, OPTIONS\n`);
  });

  it('leaves a CORS preflight to cors()', async () => {
    const res = await app.request('/sparql', { method: 'OPTIONS', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('allow')).toBeNull();
  });
});
