// The Hono application: loads the built dataset, starts the query engine, mounts one sub-app per surface.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createEngine } from '../engine/index.js';
import type { Engine, EngineName } from '../engine/types.js';
import { loadJsonLd, loadRdfXmlWriter } from '../graph/documents.js';
import { loadDataset, type Dataset } from './dataset.js';
import { EVERY_ANSWER, EXPOSED_HEADERS, httpError } from './http.js';
import { canonicalPath } from './middleware/canonical-path.js';
import { conditional } from './middleware/conditional.js';
import { byteRanges } from './middleware/ranges.js';
import { cors } from './middleware/cors.js';
import { headLength } from './middleware/head-length.js';
import { methods } from './middleware/methods.js';
import { notFoundResponder } from './not-found.js';
import { pageData } from './page-data.js';
import { responseCache } from './middleware/response-cache.js';
import { createQueryService } from './query-service.js';
import { endpointIri } from './service-description.js';
import { dumpRoutes } from './routes/dumps.js';
import { metadataRoutes } from './routes/metadata.js';
import { resourceRoutes } from './routes/resource.js';
import { sparqlNodeQuery, sparqlQueryRoute, sparqlRoutes } from './routes/sparql.js';
import { uiRoutes } from './routes/ui.js';
import { DEFAULT_LIMITS, engineLimits, type Limits } from './settings.js';

export interface AppOptions {
  /** A built dataset directory (dist/ or test/fixtures/dist). */
  distDir: string;
  /** Base IRI of the dataset's resources; defaults to the manifest's `base`. */
  base?: string;
  /** Which engine to start, or a running engine to use (the app then does not close it). */
  engine?: EngineName | Engine;
  limits?: Partial<Limits>;
  /** The server's start time, for the Last-Modified of generated representations (default: now). */
  startedAt?: Date;
  /** Where the kept releases are (default data/releases/): served at /download/<version>/ and listed on the landing page. */
  releasesDir?: string;
}

export interface ServerApp {
  app: Hono;
  dataset: Dataset;
  engine: Engine;
  /** `app.fetch` with the response cache in front: what the HTTP server should call. */
  fetch: (req: Request, env?: { incoming?: { headers: IncomingHttpHeaders } }) => Response | Promise<Response>;
  /**
   * For a plain Node `http` server, in front of @hono/node-server's listener for `fetch`: writes
   * a cached answer straight to `res` and returns true, or returns false (nothing written).
   */
  serveCached: (req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * For a plain Node `http` server, after `serveCached` missed: answers `GET /sparql?query=…`
   * without Hono (see `sparqlNodeQuery`) and returns true, or returns false (nothing written).
   */
  serveQuery: (req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * Builds, a step at a time between other requests, what pages need from the data and would
   * otherwise build on the first page request: the pages' copy of the store (the SPARQL endpoint
   * reads its workers' copies), the harvest metadata, the site model and the resource index, and
   * the JSON-LD library. Call it once the server listens, with `idle` resolving when no request
   * is being answered (each step blocks the main thread for up to about 0.3 s).
   */
  warm(idle?: () => Promise<void>): Promise<void>;
  /** Stops the engine's worker threads. */
  close(): Promise<void>;
}

/** Lets queued requests run between warm-up steps. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Added to every answer besides the CORS headers. */
const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' };

/** Whether `err` is a client's abort (the connection closed while its request body was read). */
const clientAborted = (err: Error & { code?: string }): boolean => err.code === 'ECONNRESET' || err.code === 'ERR_STREAM_PREMATURE_CLOSE';

/** An error answer with the headers of every answer (an HTTPException not made by httpError may lack them). */
function withEveryAnswer(res: Response): Response {
  for (const [name, value] of Object.entries(EVERY_ANSWER)) if (!res.headers.has(name)) res.headers.set(name, value);
  return res;
}

/**
 * Builds the application and waits until the engine has loaded the dataset.
 *
 * @example
 * const { app, close } = await createApp({ distDir: 'dist' });
 * const res = await app.request('/sparql?query=ASK%7B%7D');
 * await close();
 */
export async function createApp(options: AppOptions): Promise<ServerApp> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const own = typeof options.engine !== 'object';
  // The engine starts first: its workers load the dataset while this thread loads its own copy.
  const engine =
    typeof options.engine === 'object'
      ? options.engine
      : createEngine({
          engine: options.engine ?? 'oxigraph',
          distDir: options.distDir,
          base: options.base,
          ...engineLimits(limits),
        });
  let dataset: Dataset;
  try {
    dataset = loadDataset(options.distDir, options.base, options.startedAt);
  } catch (e) {
    await engine.close();
    throw e;
  }
  const answer = createQueryService(engine, dataset.graphs, limits, endpointIri(dataset.base));

  const responses = responseCache({ maxEntries: limits.cacheEntries, maxBytes: limits.cacheBytes });
  const app = new Hono();
  // byteRanges() is outermost: it slices the 200 that everything inside made (only the dumps take
  // ranges). Then headLength(): it counts the answer as sent, errors and redirects included. Then
  // conditional(): it compares validators with the representation actually sent, the compressed
  // variant the cache chose included (the cache answers its own hits and fills the same way).
  app.use('*', byteRanges());
  app.use('*', headLength());
  app.use('*', conditional());
  app.use('*', responses.middleware);
  app.use('*', cors({ exposeHeaders: EXPOSED_HEADERS, headers: NOSNIFF }));
  app.use('*', methods({ postPaths: ['/sparql'] })); // inside cors(): preflights never reach it
  app.use('*', canonicalPath()); // one URL per resource: `%2e` is `.` (301), `%2F` is not `/`
  app.route('/', sparqlQueryRoute({ answer, limits })); // GET /sparql?query=…: before the UI's browser negotiation
  app.route('/', uiRoutes({ dataset, releasesDir: options.releasesDir })); // it answers `/` and browsers' GET /sparql, and passes the rest on
  app.route('/', sparqlRoutes({ dataset, answer, limits }));
  app.route('/', metadataRoutes({ dataset }));
  app.route('/', dumpRoutes({ dataset, releasesDir: options.releasesDir }));
  app.route('/', resourceRoutes({ dataset }));
  const notFound = notFoundResponder(dataset);
  app.notFound((c) => withEveryAnswer(notFound(c, 'not found')));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status === 404) return withEveryAnswer(notFound(c, err.message, err.getResponse()));
    if (err instanceof HTTPException) return withEveryAnswer(err.getResponse());
    // A client that went away before its body arrived is no server error: nothing to log, and nobody reads the answer.
    if (clientAborted(err)) return httpError(400, 'the request was cut off before its body arrived').getResponse();
    console.error(err);
    return httpError(500, 'internal error').getResponse();
  });
  const fetch: ServerApp['fetch'] = (req, env) => responses.match(req, env?.incoming) ?? app.fetch(req, env);
  const serveQuery = sparqlNodeQuery({ answer, limits, cache: responses, headers: EVERY_ANSWER });
  // The pages' data (see page-data.ts), then the JSON-LD library (resource pages embed their JSON-LD) and the RDF/XML writer.
  const steps: Array<() => unknown> = [...pageData(dataset).steps(), loadJsonLd, loadRdfXmlWriter];
  try {
    await engine.ready();
  } catch (e) {
    await engine.close();
    throw e;
  }
  // Measured on 2 cores: building these while the first worker loads, or right as the server
  // starts listening, delays the worker and the first answers by 0.3–0.7 s; so only in idle time.
  const warm = async (idle: () => Promise<void> = nextTurn) => {
    for (const step of steps.splice(0)) {
      await idle();
      await step();
    }
  };
  return { app, dataset, engine, fetch, serveCached: responses.serve, serveQuery, warm, close: () => (own ? engine.close() : Promise.resolve()) };
}
