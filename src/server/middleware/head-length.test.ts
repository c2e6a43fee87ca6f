// headLength(): HEAD answers carry the Content-Length of their GET.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { headLength } from './head-length.js';

describe('headLength()', () => {
  const app = new Hono();
  app.use('*', headLength());
  app.get('/text', (c) => c.text('User-agent: *\n'));
  app.get('/moved', (c) => c.text('moved to /x\n', 301, { Location: '/x' }));
  app.get('/empty', (c) => c.body(null, 204));
  app.get('/own', (c) => c.body('abc', 200, { 'Content-Length': '3' }));

  it.each([
    ['/text', 200, '14'],
    ['/moved', 301, '12'],
    ['/nope', 404, '13'], // Hono's own "404 Not Found"
    ['/own', 200, '3'],
  ])('HEAD %s: %i with Content-Length %s, as its GET, and no body', async (path, status, length) => {
    const head = await app.request(path, { method: 'HEAD' });
    expect(head.status).toBe(status);
    expect(head.headers.get('content-length')).toBe(length);
    expect(await head.text()).toBe('');
    if (status !== 204) expect(String((await (await app.request(path)).arrayBuffer()).byteLength)).toBe(length);
  });

  it('leaves GET, and a HEAD answered 204, alone', async () => {
    expect((await app.request('/text')).headers.get('content-length')).toBeNull();
    expect((await app.request('/empty', { method: 'HEAD' })).headers.get('content-length')).toBeNull();
  });
});
