// The Node HTTP server for the app: cached answers and SPARQL queries written straight to the socket, the rest through @hono/node-server; requests Node or Hono would refuse bare get a plain-text answer.
import { createServer, maxHeaderSize as nodeMaxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { ServerApp } from './app.js';
import { bodyTooLarge, clip, EVERY_ANSWER, httpError } from './http.js';
import { checkTarget, SERVER_METHODS, type DirectAnswer } from './request-target.js';
import { normalPath } from './uri-path.js';

/** How long a refused connection may keep sending (its answer already sent) before it is closed. */
const LINGER_MS = 2_000;

/** A request line: method (a token), target, version (RFC 9112 §3). */
const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/(\d\.\d)\r?$/;

type ParserError = Error & { code?: string; reason?: string; rawPacket?: Buffer; bytesParsed?: number };

/**
 * The line Node's parser failed on: the one holding the byte it stopped at (`bytesParsed` into the
 * chunk it was reading). The chunk's first line may be the request line of a whole request
 * pipelined before the failing one, answered already.
 */
function failedLine(error: ParserError): string {
  const raw = error.rawPacket?.toString('latin1') ?? '';
  const at = error.bytesParsed ?? 0;
  // the byte it stopped at is at `at` − 1 and may be the line's own LF (a bare LF ending it)
  const start = at >= 2 ? raw.lastIndexOf('\n', at - 2) + 1 : 0;
  return raw.slice(start).split('\n')[0]!;
}

/** Status and message for an error Node's HTTP parser or its timeouts report. */
function refusal(error: ParserError, maxHeaderSize: number): [number, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, `request line and headers larger than ${maxHeaderSize} bytes; send a long query with POST`];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'the request was not received in time'];
    case 'HPE_INVALID_VERSION': {
      // Node's parser reads only HTTP/1.0 and 1.1 (and 2.0's text, answered 505 in checkTarget).
      const line = failedLine(error);
      // Node's parser reads the version up to a CR: a request line ending in a bare LF fails here.
      if (/^\S+ \S+ HTTP\/1\.[01]$/.test(line)) return [400, 'malformed HTTP request: its lines end in a bare LF; end each in CR LF (RFC 9112 §2.2)'];
      const version = REQUEST_LINE.exec(line)?.[1];
      if (version) return [505, `HTTP/${version} is not supported: this server speaks HTTP/1.1 (and 1.0)`];
      return [400, `malformed HTTP request${error.reason ? `: ${error.reason}` : ''}`];
    }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'chunk extensions too large'];
    case 'HPE_INVALID_METHOD':
      // RFC 9110 §15.6.2: a well-formed request line with a method the server does not know is 501, not 400.
      if (REQUEST_LINE.test(failedLine(error))) return [501, `unknown method; this server implements ${SERVER_METHODS}`];
      return [400, `malformed HTTP request${error.reason ? `: ${error.reason}` : ''}`];
    default:
      return [400, `malformed HTTP request${error.reason ? `: ${error.reason}` : ''}`];
  }
}

/**
 * Writes a plain-text answer straight to a socket whose request no ServerResponse will answer
 * (Node's parser refused it, or CONNECT took it over), then closes the connection: at once if
 * nothing can be written, else after the client closed its side or LINGER_MS. Closing at once
 * with the rest of the client's request unread would reset the connection, and the client might
 * never read the answer.
 */
function answerOnSocket(socket: Duplex, status: number, message: string): void {
  const body = Buffer.from(`${message}\n`);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    // RFC 9110 §6.6.1: an origin server with a clock sends Date in every 2xx, 3xx and 4xx answer
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${body.byteLength}`,
    ...Object.entries(EVERY_ANSWER).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
  const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
}

/**
 * The `clientError` handler: answers a request Node refused before any handler saw it (431 for
 * too long a request line or headers, 408 for a timeout, 501 for an unknown method, 400 for a
 * malformed request) with a short plain-text message and the CORS headers (so a script on
 * another origin can read why), then closes the connection (see `answerOnSocket`).
 */
function answerClientErrors(maxHeaderSize: number, latest: WeakMap<Duplex, ServerResponse>) {
  const answered = new WeakSet<Duplex>();
  return (error: ParserError, socket: Duplex): void => {
    // The parser reports the same error again for every further chunk the client sends.
    if (answered.has(socket)) return;
    answered.add(socket);
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    // Bytes after a request that closes the connection (`Connection: close`, or HTTP/1.0) are no
    // request to answer (RFC 9112 §9.6: the server reads no further): the request before them is
    // answered, and the connection then closes. With nothing in flight, it closes now.
    if (error.code === 'HPE_CLOSED_CONNECTION') {
      if (!inFlight || inFlight.writableEnded) socket.destroy();
      return;
    }
    // The same for a request already answered with `Connection: close` whose rest the parser then
    // could not read (the 501 for `Transfer-Encoding: identity` was followed by an unasked 400, found
    // by an audit): Node closes the connection once that answer is out. (`shouldKeepAlive`, not the
    // header: an answer written with `writeHead` has no header `getHeader` reads; found by a review.)
    const last = latest.get(socket);
    if (last?.writableEnded && !last.shouldKeepAlive) return;
    // A request answered before its body had arrived (the 413 for a body over the limit by its
    // Content-Length): a timeout or a cut-off in the rest of that body is not a request to answer
    // again (a 408 or a 400 followed the 413; found by a review). The connection closes.
    if (last?.writableEnded && !last.req.complete) {
      if (last.writableFinished) socket.destroy();
      else last.once('finish', () => socket.destroy());
      return;
    }
    // Null (not undefined) between the requests of a kept-alive connection.
    const pending = inFlight != null && !inFlight.writableFinished;
    // As Node's own handler does: never write into a response already under way for this request
    // (its body too slow, say).
    if (error.code === 'ECONNRESET' || !socket.writable || (pending && !inFlight.req.complete && inFlight.headersSent)) {
      socket.destroy();
      return;
    }
    // A malformed request pipelined behind requests that have arrived whole and are still being
    // answered (a query in its worker, a body being written, answers queued behind it): they are
    // answered first, each in its turn (RFC 9112 §9.3.2), then the refusal, then the connection
    // closes. Writing the refusal at once would have put it where their answers belong, and cut
    // them off. Answers finish in order: waiting for the last whole request's waits for them all.
    const before = last && !last.writableFinished && last.req.complete ? last : pending && inFlight.req.complete ? inFlight : undefined;
    if (before) {
      before.once('finish', () => (socket.writable ? answerOnSocket(socket, ...refusal(error, maxHeaderSize)) : socket.destroy()));
      before.once('close', () => {
        if (!before.writableFinished) socket.destroy();
      });
      return;
    }
    answerOnSocket(socket, ...refusal(error, maxHeaderSize));
  };
}

/** Writes a DirectAnswer as a plain-text response with the headers of every answer. */
function writeDirect(res: ServerResponse, { status, message, headers }: DirectAnswer): void {
  const body = message === undefined ? undefined : Buffer.from(`${message}\n`);
  const type = body ? { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.byteLength) } : {};
  res.writeHead(status, { ...EVERY_ANSWER, ...type, ...headers });
  res.end(body);
}

/** The values of every Host field line (`headers.host` keeps only the first; `headersDistinct` builds every header's list, on every request). */
function hostLines(raw: readonly string[]): string[] {
  const hosts: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') hosts.push(raw[i + 1]!);
  return hosts;
}

/**
 * Refuses a transfer coding other than chunked (501), then checks the request's target and Host
 * (see `checkTarget`): answers it directly and returns true, or makes its target origin-form and
 * its Host valid and lower-case in place (so the cache, the query path and Hono all take the same
 * request) and returns false.
 */
function answeredUpFront(req: IncomingMessage, res: ServerResponse, authority: string, maxBodyBytes: number | undefined): boolean {
  const coding = req.headers['transfer-encoding'];
  if (coding !== undefined && coding.trim().toLowerCase() !== 'chunked') {
    // Node's parser takes the last coding, chunked, and would read the body under it as identity (RFC 9112 §6.1: 501).
    res.setHeader('Connection', 'close');
    writeDirect(res, { status: 501, message: `Transfer-Encoding "${clip(coding, 60)}" is not supported (only chunked is)` });
    return true;
  }
  const checked = checkTarget({ method: req.method ?? '', target: req.url ?? '', httpVersion: req.httpVersion, hosts: hostLines(req.rawHeaders) }, authority);
  if ('answer' in checked) {
    writeDirect(res, checked.answer);
    return true;
  }
  req.url = checked.url;
  req.headers.host = checked.host;
  if (maxBodyBytes !== undefined && tooLarge(req, maxBodyBytes)) {
    // A query body over the limit by its Content-Length: refused before any of it is read, and the
    // rest of it read and dropped by Node once the answer is out, so the connection stays usable. Through
    // @hono/node-server's body handling Node's fetch (undici) lost the 413 to a reset socket in 15–45 %
    // of such requests (an audit, 2026-12-06); curl never did.
    writeDirect(res, { status: 413, message: bodyTooLarge(maxBodyBytes) });
    return true;
  }
  return false;
}

/**
 * A POST to /sparql whose Content-Length is over `maxBodyBytes`, in any spelling the routes take for
 * /sparql: dot segments resolved as the URL parser resolves them (`/./sparql`, `/x/../sparql`,
 * `/%2e/sparql`), unreserved characters decoded (`/%73parql`).
 */
function tooLarge(req: IncomingMessage, maxBodyBytes: number): boolean {
  const length = req.headers['content-length'];
  if (req.method !== 'POST' || length === undefined || !/^\d+$/.test(length) || Number(length) <= maxBodyBytes) return false;
  const path = req.url!.split('?', 1)[0]!;
  return normalPath(path.includes('.') || path.includes('%') ? new URL(`http://x${path}`).pathname : path) === '/sparql';
}

/** The answer for a request @hono/node-server cannot turn into a Request even after `checkTarget` (a backslash in the path, a Host its URL parser rewrites). */
function honoRefusal(e: unknown): Response {
  if (e instanceof RequestError) return httpError(400, `malformed request: ${clip(e.message, 100)}`).getResponse();
  console.error(e);
  return httpError(500, 'internal error').getResponse();
}

export interface NodeServerOptions extends ServerOptions {
  /** The authority (host and port) of requests that name none: HTTP/1.0 without Host, or an empty Host. Default `localhost`. */
  authority?: string;
  /**
   * Closes a connection whose answer has been under way this long (ms) without a byte of it
   * accepted by the client (one that stopped reading), so it holds the answer's memory no
   * longer; a client still reading, however slowly, keeps it. Unset: never. At least
   * `headersTimeout`, when that is given.
   */
  stallTimeout?: number;
  /** A POST to /sparql whose Content-Length is over this gets 413 before its body is read. Unset: left to the app. */
  maxBodyBytes?: number;
  /**
   * Bytes of answers waiting to be sent, over all connections, above which the connections whose
   * clients read slowest are closed until the rest fit (see `boundUnsent`). Unset or 0: no bound.
   */
  maxUnsentBytes?: number;
  /** Where a closing for `maxUnsentBytes` is reported, one line each; default console.error. */
  log?: (line: string) => void;
}

/** A connection's socket, with libuv's count of the bytes of its writes in progress that the kernel has not taken. */
type Sending = Duplex & { _handle?: { writeQueueSize?: number } | null };

/**
 * The bytes of a connection's answers not yet taken by the kernel. An answer goes to the socket as
 * one write, which `writableLength` counts whole until all of it is taken; libuv's `writeQueueSize`
 * (an internal of Node's, read where present) falls as the kernel takes it. So a client reading a
 * large answer shows progress second by second, where `writableLength` (or `bytesWritten`, which
 * counts what is queued too) had it taking nothing, like a client that stopped: the first version
 * of this bound closed the reader and kept the stalled one (found by a review).
 */
function unsentOf(socket: Sending): number {
  const inWrite = socket._handle?.writeQueueSize;
  return inWrite ? inWrite : socket.writableLength;
}

/** How often the bytes waiting to be sent are counted (only while a connection is open). */
const UNSENT_CHECK_MS = 1_000;
/** A connection not counted yet. */
const NEW = -1;

/**
 * Keeps the bytes of answers waiting to be sent (see `unsentOf`: what the kernel has not taken yet)
 * within `max`. `STALL_TIMEOUT_MS` closes a connection whose client takes
 * nothing, but a client that takes a few bytes a second kept its answer in memory for as long as it
 * read: 24 such clients, each of a distinct 64 MiB answer, held 1.27 GB between them for hours (an
 * audit, 2026-12-06), and the memory ceiling then cancels others' queries. Once a second, while
 * connections are open, the unsent bytes are summed; over `max`, the connections that took fewest
 * bytes in the last second (the larger unsent answer first among equals) are closed until the rest
 * fit. A dump is one buffer shared by its downloads but counted for each, so the bound errs on the
 * side of closing.
 */
function boundUnsent(http: Server, max: number, log: (line: string) => void): void {
  const sockets = new Map<Sending, number>();
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    let total = 0;
    const waiting: Array<{ socket: Sending; unsent: number; took: number }> = [];
    for (const [socket, before] of sockets) {
      const now = unsentOf(socket);
      sockets.set(socket, now);
      total += now;
      // what it took in the last second: what it had left then less what it has left now (more answers
      // queued meanwhile count as none taken); a connection seen for the first time has had no second
      // to show it, and is not closed this time
      if (now > 0 && before !== NEW) waiting.push({ socket, unsent: now, took: Math.max(0, before - now) });
    }
    if (total <= max) return;
    const held = total;
    let closed = 0;
    for (const { socket, unsent } of waiting.sort((a, b) => a.took - b.took || b.unsent - a.unsent)) {
      if (total <= max) break;
      socket.destroy();
      total -= unsent;
      closed++;
    }
    log(`${new Date().toISOString()} closed ${closed} connection(s) whose clients read slowest: answers waiting to be sent held ${Math.round(held / 2 ** 20)} MiB, over MAX_UNSENT_MB (${Math.round(max / 2 ** 20)})`);
  };
  http.on('connection', (socket: Sending) => {
    sockets.set(socket, NEW);
    timer ??= setInterval(check, UNSENT_CHECK_MS).unref();
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) {
        clearInterval(timer);
        timer = undefined;
      }
    });
  });
}

/**
 * Node's socket timeout fires after `ms` with nothing read or written (a write counts while any
 * of it still moves). It closes the connection when an answer has started, or when no request is
 * in flight (an idle connection, which `keepAliveTimeout` closes sooner anyway); not while a
 * request's body arrives (`requestTimeout` bounds that) or its query waits for a worker (the
 * query timeout answers it).
 */
function closeStalled(http: Server, ms: number): void {
  http.setTimeout(ms);
  http.on('timeout', (socket: Duplex) => {
    const res = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (!res || res.headersSent) socket.destroy();
  });
}

/**
 * A plain `http.Server` whose request handler first checks the request's target and Host
 * (`checkTarget`: `OPTIONS *`, a fragment, a target that is no path or http(s) URL, a missing
 * or invalid Host are answered here; absolute-form becomes origin-form), then offers it to the
 * response cache (`serveCached`: a hit is written with `res.writeHead`/`res.end`, with no
 * Request, Response, routing or middleware), then to the SPARQL query path (`serveQuery`, if
 * given: a `GET /sparql?query=…` that missed, answered the same way), and otherwise hands it to
 * @hono/node-server's listener for `fetch`, as `serve({ fetch })` would. Requests Node refuses
 * itself (over `maxHeaderSize`, timed out, malformed, an unknown method: 501) and CONNECT (501)
 * get a plain-text answer with CORS (see `answerClientErrors`), an unsupported Expect 417 with a
 * message. Call `.listen()` on the result.
 *
 * @example
 * createNodeServer(await createApp({ distDir: 'dist' }), { headersTimeout: 10_000, maxHeaderSize: maxHeaderBytes(DEFAULT_LIMITS) }).listen(3000);
 */
export function createNodeServer(server: Pick<ServerApp, 'fetch' | 'serveCached'> & Partial<Pick<ServerApp, 'serveQuery'>>, options: NodeServerOptions = {}): Server {
  const { authority = 'localhost', stallTimeout, maxBodyBytes, maxUnsentBytes, log = (line: string) => console.error(line), ...serverOptions } = options;
  const hono = getRequestListener(server.fetch, { hostname: authority, errorHandler: honoRefusal });
  // requireHostHeader: Node's own 400 for a missing Host has no body; checkTarget says why.
  // Each connection's latest request's response: a malformed request pipelined behind it is refused after it (see answerClientErrors).
  const latest = new WeakMap<Duplex, ServerResponse>();
  const http = createServer({ ...serverOptions, requireHostHeader: false }, (req, res) => {
    latest.set(req.socket, res);
    if (!answeredUpFront(req, res, authority, maxBodyBytes) && !server.serveCached(req, res) && !server.serveQuery?.(req, res)) void hono(req, res);
  });
  http.on('clientError', answerClientErrors(options.maxHeaderSize ?? nodeMaxHeaderSize, latest));
  // Never shorter than headersTimeout: the stall timer cannot tell a request whose headers are still
  // arriving (which gets its 408 from that) from an idle connection.
  if (stallTimeout) closeStalled(http, Math.max(stallTimeout, options.headersTimeout ?? 0));
  if (maxUnsentBytes) boundUnsent(http, maxUnsentBytes, log);
  // Expect: 100-continue: Node would send 100 Continue at once, asking for a body the answer may
  // not need (405, 413 from Content-Length, 415). The request is handled as any other, and the
  // 100 is sent only when its body is first read.
  http.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const read = req._read;
    req._read = function (size: number) {
      req._read = read;
      if (!res.headersSent && !res.writableEnded) res.writeContinue();
      return read.call(this, size);
    };
    http.emit('request', req, res);
  });
  // Without these listeners Node drops a CONNECT's connection and answers an unknown Expect with a bare 417.
  http.on('connect', (_req: IncomingMessage, socket: Duplex) => answerOnSocket(socket, 501, 'CONNECT is not supported: this server is no proxy'));
  http.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Connection', 'close');
    writeDirect(res, { status: 417, message: `Expect: "${clip(req.headers.expect ?? '', 60)}" is not supported (only 100-continue is)` });
  });
  return http;
}
