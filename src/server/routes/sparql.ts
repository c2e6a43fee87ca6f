// The SPARQL 1.1 Protocol endpoint at /sparql (query only) and its service description.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { findFormat } from '../../engine/formats.js';
import { negotiate } from '../conneg.js';
import type { Dataset } from '../dataset.js';
import { bodyTooLarge, etagOf, httpDate, httpError, notAcceptable, unknownFormat } from '../http.js';
import { withBytes, type ResponseCache } from '../middleware/response-cache.js';
import { formatParam, postKind, queryFromPost, queryFromUrl, type QueryRequest } from '../protocol.js';
import type { QueryAnswer, QueryService } from '../query-service.js';
import { DOCUMENT_FORMATS, serialize } from '../../graph/documents.js';
import { DESCRIPTION_OFFERS, serviceDescription } from '../service-description.js';
import type { Limits } from '../settings.js';

export interface SparqlDeps {
  dataset: Dataset;
  answer: QueryService;
  limits: Limits;
}

/**
 * The headers of a query answer (both the Hono route and the Node query path send these): the
 * same Vary, Content-Encoding and ETag rules as the response cache applies to what it compresses.
 * Vary names Accept only where Accept chose the format, not `?format=` (RFC 9110 §12.5.5).
 */
const answerHeaders = (result: QueryAnswer, negotiated: boolean): Record<string, string> => {
  const vary = [...(negotiated ? ['Accept'] : []), ...(result.compressible ? ['Accept-Encoding'] : [])].join(', ');
  return {
    'Content-Type': result.contentType,
    ETag: result.etag,
    ...(vary ? { Vary: vary } : {}),
    // An answer of NOW(), RAND(), UUID() is of its own execution: no cache may keep it (the response cache does not either).
    'Cache-Control': result.volatile ? 'no-store' : 'public, max-age=300',
    ...(result.coding ? { 'Content-Encoding': result.coding } : {}),
  };
};

/** Answers a protocol request with the query service's bytes (which the response cache can keep as they are). */
const responder =
  (answer: QueryService) =>
  async (c: Context, { request, format }: QueryRequest): Promise<Response> => {
    const result = await answer({ ...request, signal: () => c.req.raw.signal }, c.req.header('accept'), format, c.req.header('accept-encoding'));
    return withBytes(c.body(result.body, 200, answerHeaders(result, format === undefined)), result.body);
  };

/** A request URL's query string, without the `?` (percent-encoding as sent: parseParams decodes it). */
const searchOf = (url: string): string => new URL(url).search.slice(1);

/**
 * GET /sparql with a `query` (or `update`, refused) parameter; passes anything else on. Mount it
 * before the pages for people: a query then skips their browser negotiation, and the request
 * without a query still reaches the query UI, then `sparqlRoutes`' service description.
 *
 * @example
 * app.route('/', sparqlQueryRoute({ answer, limits }));
 */
export function sparqlQueryRoute({ answer, limits }: Pick<SparqlDeps, 'answer' | 'limits'>): Hono {
  const app = new Hono();
  const respond = responder(answer);
  app.get('/sparql', async (c, next) => {
    const query = queryFromUrl(searchOf(c.req.url), limits.maxQueryLength);
    return query ? respond(c, query) : next();
  });
  return app;
}

export interface SparqlNodeDeps {
  answer: QueryService;
  limits: Limits;
  /** The app's response cache: answers are stored there as its middleware would store them. */
  cache: ResponseCache;
  /** Headers every answer carries (what the app's CORS middleware adds; errors made by `httpError` carry them too). */
  headers: Readonly<Record<string, string>>;
}

/**
 * A signal that aborts if the connection closes before `res` is finished (the client went away),
 * or is aborted already if it has closed: it is asked for late (see Withdrawal), maybe after.
 */
function closed(req: IncomingMessage, res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  if (!res.writableFinished && req.socket.destroyed) controller.abort();
  else {
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
  }
  return controller.signal;
}

/** Writes an error (an HTTPException from `httpError`, or a 500) as `app.onError` would, with a Content-Length. */
async function writeError(res: ServerResponse, e: unknown): Promise<void> {
  if (!(e instanceof HTTPException)) console.error(e);
  const error = (e instanceof HTTPException ? e : httpError(500, 'internal error')).getResponse();
  const body = new Uint8Array(await error.arrayBuffer());
  const headers: string[] = [];
  error.headers.forEach((value, name) => headers.push(name, value));
  res.writeHead(error.status, [...headers, 'content-length', String(body.byteLength)]);
  res.end(body);
}

/**
 * The Node query path: answers `GET /sparql?query=…` (and refuses `?update=`) for a plain Node
 * server, after the response cache missed, without building a Request or a Response or running
 * the Hono middleware; the same protocol checks, query service, headers, cache entry,
 * compression and errors as `sparqlQueryRoute` behind the app's middleware (tested side by
 * side). Returns false, having written nothing, for anything else (which goes to Hono).
 *
 * @example
 * const query = sparqlNodeQuery({ answer, limits, cache, headers });
 * createServer((req, res) => cache.serve(req, res) || query(req, res) || honoListener(req, res));
 */
export function sparqlNodeQuery({ answer, limits, cache, headers }: SparqlNodeDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const respond = async (req: IncomingMessage, res: ServerResponse, { request, format }: QueryRequest): Promise<void> => {
    try {
      const result = await answer({ ...request, signal: () => closed(req, res) }, req.headers.accept, format, req.headers['accept-encoding']);
      cache.send(req, res, { ...headers, ...answerHeaders(result, format === undefined) }, result.body);
    } catch (e) {
      await writeError(res, e);
    }
  };
  return (req, res) => {
    const url = req.url;
    // Only targets the cache looked up (a GET, origin form, a Host Hono takes as it is). The Node
    // server has refused targets with a fragment (`#`), which the Hono path would drop.
    if (url === undefined || !url.startsWith('/sparql?') || !cache.missed(req)) return false;
    let query: QueryRequest | undefined;
    try {
      query = queryFromUrl(url.slice('/sparql?'.length), limits.maxQueryLength);
    } catch (e) {
      void writeError(res, e).catch(() => res.destroy());
      return true;
    }
    if (!query) return false; // the query UI or the service description
    void respond(req, res, query).catch(() => res.destroy());
    return true;
  };
}

/**
 * Mounts GET and POST /sparql.
 *
 * @example
 * app.route('/', sparqlRoutes({ dataset, answer, limits }));
 */
export function sparqlRoutes({ dataset, answer, limits }: SparqlDeps): Hono {
  const app = new Hono();
  const descriptions = new Map<string, { body: string; etag: string }>();
  const describeAs = async (key: 'ttl' | 'nt' | 'jsonld' | 'rdf') => {
    if (!descriptions.has(key)) {
      const body = await serialize(serviceDescription(dataset), key, dataset.base);
      descriptions.set(key, { body, etag: etagOf(body) });
    }
    return descriptions.get(key)!;
  };
  const lastModified = httpDate(dataset.lastModified);

  const respond = responder(answer);

  const describe = async (c: Context) => {
    // Browsers (text/html) get the query UI from routes/ui.ts, mounted before this route. An empty
    // ?format= counts as absent, as on every other route.
    const asked = formatParam(c);
    const type = asked ? findFormat(DOCUMENT_FORMATS, asked)?.mediaType : negotiate(c.req.header('accept'), DESCRIPTION_OFFERS);
    if (!type && asked !== undefined) throw unknownFormat(asked, DOCUMENT_FORMATS);
    if (!type) throw notAcceptable(`available: ${DOCUMENT_FORMATS.map((f) => f.mediaType).join(', ')}`);
    if (!asked) c.header('Vary', 'Accept'); // only where Accept chose (RFC 9110 §12.5.5)
    const format = findFormat(DOCUMENT_FORMATS, type)!;
    // A strong ETag lets the response cache keep (and compress) the description, and clients revalidate it.
    const { body, etag } = await describeAs(format.key as 'ttl');
    return c.body(body, 200, { 'Content-Type': `${format.mediaType}; charset=utf-8`, ETag: etag, 'Last-Modified': lastModified });
  };

  app.get('/sparql', async (c) => {
    const query = queryFromUrl(searchOf(c.req.url), limits.maxQueryLength);
    return query ? respond(c, query) : describe(c);
  });

  /**
   * The rest of a chunked body over the limit, read and dropped while the 413 goes out, so the client
   * can finish sending and read it. Left to @hono/node-server, whose web stream over the request
   * pauses it again, the body stalled until its drain timer closed the socket, and Node's fetch lost
   * the 413 to the reset in about 4 requests of 10 (an audit, 2026-12-06). A body over the limit by
   * its Content-Length is refused before any of it is read (by node-server.ts, or here without a
   * Node server in front) and is not touched: reading it would ask a client that sent
   * `Expect: 100-continue` for it.
   */
  const discardRest = (incoming: IncomingMessage | undefined) => {
    if (!incoming || incoming.readableEnded || incoming.headers['transfer-encoding'] === undefined) return;
    incoming.removeAllListeners('data');
    incoming.on('data', () => {});
    incoming.resume();
  };

  app.post(
    '/sparql',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) => {
        discardRest((c.env as { incoming?: IncomingMessage } | undefined)?.incoming);
        throw httpError(413, bodyTooLarge(limits.maxBodyBytes));
      },
    }),
    async (c) => {
      const kind = postKind(c.req.header('content-type'), c.req.header('content-encoding'));
      const body = new Uint8Array(await c.req.arrayBuffer());
      return respond(c, queryFromPost(kind, searchOf(c.req.url), body, limits.maxQueryLength));
    },
  );
  return app;
}
