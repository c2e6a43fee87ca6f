// One real-socket smoke test: the app behind @hono/node-server answers a query and a page over TCP.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { sparqlUrl, useApp } from './helpers.js';

const server = useApp();

it('answers over a real socket and closes cleanly', async () => {
  const http = serve({ fetch: server.current.app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise<void>((resolve) => (http.listening ? resolve() : http.once('listening', () => resolve())));
    const { port } = http.address() as AddressInfo;
    const query = await fetch(`http://127.0.0.1:${port}${sparqlUrl('ASK { ?s ?p ?o }')}`);
    expect(query.status).toBe(200);
    expect((await query.json()).boolean).toBe(true);
    const page = await fetch(`http://127.0.0.1:${port}/lkp/2016/4.4.3`, { headers: { accept: 'text/turtle' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('skos:closeMatch');
  } finally {
    await new Promise((resolve) => http.close(resolve));
  }
});

it('builds what pages need in idle time when warmed, each step after the server says it is idle, each once', async () => {
  let idleCalls = 0;
  const idle = async () => {
    idleCalls++;
  };
  await server.current.warm(idle);
  // the two stores, the site model, the schema.org markup, the resource index, the JSON-LD library, the RDF/XML writer
  expect(idleCalls).toBe(7);
  const page = await server.current.app.request('/lkp/2016/4.4.3', { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  await server.current.warm(idle);
  expect(idleCalls).toBe(7);
});
