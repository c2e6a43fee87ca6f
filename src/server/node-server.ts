// The Node HTTP server for the app: cached answers written straight to the socket, the rest through @hono/node-server.
import { createServer, type Server, type ServerOptions } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { ServerApp } from './app.js';

/**
 * A plain `http.Server` whose request handler first offers the request to the response cache
 * (`serveCached`: a hit is written with `res.writeHead`/`res.end`, with no Request, Response,
 * routing or middleware), and otherwise hands it to @hono/node-server's listener for `fetch`,
 * exactly as `serve({ fetch })` would. Call `.listen()` on the result.
 *
 * @example
 * createNodeServer(await createApp({ distDir: 'dist' }), { headersTimeout: 10_000 }).listen(3000);
 */
export function createNodeServer(server: Pick<ServerApp, 'fetch' | 'serveCached'>, options: ServerOptions = {}): Server {
  const hono = getRequestListener(server.fetch);
  return createServer(options, (req, res) => {
    if (!server.serveCached(req, res)) void hono(req, res);
  });
}
