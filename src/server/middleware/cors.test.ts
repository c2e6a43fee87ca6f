// Tests of the CORS middleware: simple requests, preflight, and errors thrown by handlers.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors } from './cors.js';

const app = new Hono();
app.use('*', cors({ exposeHeaders: ['ETag', 'Link'] }));
app.get('/ok', (c) => c.text('ok', 200, { ETag: '"x"' }));
app.post('/ok', (c) => c.text('posted'));

describe('cors()', () => {
  it.each([
    ['GET', '/ok', {}, 200, '*', 'ETag, Link'],
    ['GET with Origin', '/ok', { origin: 'https://a.example' }, 200, '*', 'ETag, Link'],
    ['POST', '/ok', {}, 200, '*', 'ETag, Link'],
  ])('%s → ACAO *', async (method, path, headers, status, origin, expose) => {
    const res = await app.request(path, { method: method.split(' ')[0], headers });
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-expose-headers')).toBe(expose);
  });

  it('answers a preflight with 204 and the requested headers', async () => {
    const res = await app.request('/ok', {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });
});
