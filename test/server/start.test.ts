// `npm start` as shipped: src/cli/start.mjs compiles the server and its query workers into a folder of .build/server/ and runs them.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIST, sparqlUrl, spawnStart, stopChild } from './helpers.js';

let child: ChildProcess;
let origin: string;

beforeAll(async () => {
  const started = spawnStart({ DIST_DIR: FIXTURE_DIST });
  child = started.child;
  ({ origin } = await started.ready);
}, 90_000);

afterAll(() => stopChild(child));

describe('npm start (the compiled server)', () => {
  it('answers a query in a compiled worker, and a graph query through its lazily loaded document writer', async () => {
    const ask = await fetch(`${origin}${sparqlUrl('ASK { ?s ?p ?o }')}`);
    expect(ask.status).toBe(200);
    expect(((await ask.json()) as { boolean: boolean }).boolean).toBe(true);
    const construct = await fetch(`${origin}${sparqlUrl('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5')}`, { headers: { accept: 'application/ld+json' } });
    expect(construct.status).toBe(200);
    expect(JSON.parse(await construct.text())).toHaveProperty('@context');
  });

  it('serves pages and the assets it reads from the source tree and node_modules', async () => {
    for (const [url, type] of [
      ['/', 'text/html'],
      ['/sparql', 'text/html'],
      ['/assets/site.css', 'text/css'],
      ['/assets/yasgui.min.js', 'text/javascript'],
    ]) {
      const res = await fetch(`${origin}${url}`, { headers: { accept: 'text/html' } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toContain(type);
    }
  });
});
