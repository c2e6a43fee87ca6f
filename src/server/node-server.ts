// The Node HTTP server for the app: cached answers and SPARQL queries written straight to the socket, the rest through @hono/node-server.
import { createServer, type Server, type ServerOptions } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { ServerApp } from './app.js';

/**
 * A plain `http.Server` whose request handler first offers the request to the response cache
 * (`serveCached`: a hit is written with `res.writeHead`/`res.end`, with no Request, Response,
 * routing or middleware), then to the SPARQL query path (`serveQuery`, if given: a
 * `GET /sparql?query=…` that missed, answered the same way), and otherwise hands it to
 * @hono/node-server's listener for `fetch`, exactly as `serve({ fetch })` would. Call `.listen()`
 * on the result.
 *
 * @example
 * createNodeServer(await createApp({ distDir: 'dist' }), { headersTimeout: 10_000 }).listen(3000);
 */
export function createNodeServer(server: Pick<ServerApp, 'fetch' | 'serveCached'> & Partial<Pick<ServerApp, 'serveQuery'>>, options: ServerOptions = {}): Server {
  const hono = getRequestListener(server.fetch);
  return createServer(options, (req, res) => {
    if (!server.serveCached(req, res) && !server.serveQuery?.(req, res)) void hono(req, res);
  });
}
