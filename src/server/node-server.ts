// The Node HTTP server for the app: cached answers and SPARQL queries written straight to the socket, the rest through @hono/node-server; requests Node itself refuses get a plain-text answer.
import { createServer, maxHeaderSize as nodeMaxHeaderSize, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { ServerApp } from './app.js';

/** How long a refused connection may keep sending (its answer already sent) before it is closed. */
const LINGER_MS = 2_000;

/** Status, reason phrase and message for an error Node's HTTP parser or its timeouts report. */
function refusal(error: Error & { code?: string; reason?: string }, maxHeaderSize: number): [number, string, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'Request Header Fields Too Large', `request line and headers larger than ${maxHeaderSize} bytes; send a long query with POST`];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'the request was not received in time'];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'Content Too Large', 'chunk extensions too large'];
    default:
      return [400, 'Bad Request', `malformed HTTP request${error.reason ? `: ${error.reason}` : ''}`];
  }
}

/**
 * The `clientError` handler: answers a request Node refused before any handler saw it (431 for
 * too long a request line or headers, 408 for a timeout, 400 for a malformed request) with a
 * short plain-text message and `Access-Control-Allow-Origin: *` (so a script on another origin
 * can read why), then closes the connection: at once if nothing can be written, else after the
 * client closed its side or LINGER_MS. Closing at once with the rest of the client's request
 * unread would reset the connection, and the client might never read the answer.
 */
function answerClientErrors(maxHeaderSize: number) {
  const answered = new WeakSet<Duplex>();
  return (error: Error & { code?: string }, socket: Duplex): void => {
    // The parser reports the same error again for every further chunk the client sends.
    if (answered.has(socket)) return;
    answered.add(socket);
    // As Node's own handler does: never write into a response already under way.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = refusal(error, maxHeaderSize);
    const body = Buffer.from(`${message}\n`);
    const head = [
      `HTTP/1.1 ${status} ${reason}`,
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${body.byteLength}`,
      'Access-Control-Allow-Origin: *',
      'X-Content-Type-Options: nosniff',
      'Connection: close',
    ];
    socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
  };
}

/**
 * A plain `http.Server` whose request handler first offers the request to the response cache
 * (`serveCached`: a hit is written with `res.writeHead`/`res.end`, with no Request, Response,
 * routing or middleware), then to the SPARQL query path (`serveQuery`, if given: a
 * `GET /sparql?query=…` that missed, answered the same way), and otherwise hands it to
 * @hono/node-server's listener for `fetch`, exactly as `serve({ fetch })` would. Requests Node
 * refuses itself (over `maxHeaderSize`, timed out, malformed) get a plain-text answer with CORS
 * (see `answerClientErrors`). Call `.listen()` on the result.
 *
 * @example
 * createNodeServer(await createApp({ distDir: 'dist' }), { headersTimeout: 10_000, maxHeaderSize: maxHeaderBytes(DEFAULT_LIMITS) }).listen(3000);
 */
export function createNodeServer(server: Pick<ServerApp, 'fetch' | 'serveCached'> & Partial<Pick<ServerApp, 'serveQuery'>>, options: ServerOptions = {}): Server {
  const hono = getRequestListener(server.fetch);
  const http = createServer(options, (req, res) => {
    if (!server.serveCached(req, res) && !server.serveQuery?.(req, res)) void hono(req, res);
  });
  http.on('clientError', answerClientErrors(options.maxHeaderSize ?? nodeMaxHeaderSize));
  return http;
}
