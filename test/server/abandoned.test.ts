// A client that hangs up on a slow query frees its query worker after about a second, on both
// server paths (the Node query path for GET, the Hono path for POST), so the next query is answered.
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeServer } from '../../src/server/node-server.js';
import { closeServer, listenLocally, sparqlUrl, useApp } from './helpers.js';

// One worker, a long timeout: while the abandoned query held its worker, the next query waited for it.
const server = useApp({ limits: { workers: 1, timeoutMs: 8_000 } });
let http: Server;
let port = 0;

beforeAll(async () => {
  const app = server.current;
  http = createNodeServer({ fetch: app.fetch, serveCached: app.serveCached, serveQuery: app.serveQuery });
  port = await listenLocally(http);
});
afterAll(() => closeServer(http));

/** A query that runs until its timeout; `n` keeps each one out of the cache. */
const slow = (n: number) => `SELECT (COUNT(*) AS ?c${n}) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }`;

/** Sends `request` on a fresh connection and closes it after `ms`, before any answer. */
function hangUp(request: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(request);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, ms);
    });
  });
}

describe('a client that hangs up on a running query', () => {
  it.each([
    ['GET (the Node query path)', (q: string) => `GET ${sparqlUrl(q)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`],
    ['POST (the Hono path)', (q: string) => `POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: ${Buffer.byteLength(q)}\r\n\r\n${q}`],
  ])('%s: its query is cancelled after about 1 s, and the next one answered', async (_name, request) => {
    const started = performance.now();
    await hangUp(request(slow(Math.floor(Math.random() * 1e9))), 200);
    const res = await fetch(`http://127.0.0.1:${port}${sparqlUrl(`ASK { ?s ?p ${Math.floor(Math.random() * 1e9)} }`)}`);
    expect(res.status).toBe(200);
    // Well before the abandoned query's timeout (8 s), which it waited for before.
    expect(performance.now() - started).toBeLessThan(6_000);
  });
});
