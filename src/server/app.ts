// The Hono application: loads the built dataset, starts the query engine, mounts one sub-app per surface.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createEngine } from '../engine/index.js';
import type { Engine, EngineName } from '../engine/types.js';
import { loadDataset, type Dataset } from './dataset.js';
import { httpError } from './http.js';
import { conditional } from './middleware/conditional.js';
import { cors } from './middleware/cors.js';
import { createQueryService } from './query-service.js';
import { dumpRoutes } from './routes/dumps.js';
import { metadataRoutes } from './routes/metadata.js';
import { resourceRoutes } from './routes/resource.js';
import { sparqlRoutes } from './routes/sparql.js';
import { DEFAULT_LIMITS, type Limits } from './settings.js';

export interface AppOptions {
  /** A built dataset directory (dist/ or test/fixtures/dist). */
  distDir: string;
  /** Base IRI of the dataset's resources; defaults to the manifest's `base`. */
  base?: string;
  /** Which engine to start, or a running engine to use (the app then does not close it). */
  engine?: EngineName | Engine;
  limits?: Partial<Limits>;
}

export interface ServerApp {
  app: Hono;
  dataset: Dataset;
  engine: Engine;
  /** Stops the engine's worker threads. */
  close(): Promise<void>;
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
  const dataset = loadDataset(options.distDir, options.base);
  const own = typeof options.engine !== 'object';
  const engine =
    typeof options.engine === 'object'
      ? options.engine
      : createEngine({
          engine: options.engine ?? 'oxigraph',
          distDir: options.distDir,
          workers: limits.workers,
          maxQueue: limits.maxQueue,
          timeoutMs: limits.timeoutMs,
        });
  try {
    await engine.ready();
  } catch (e) {
    await engine.close();
    throw e;
  }
  const answer = createQueryService(engine, dataset.graphs, limits);

  const app = new Hono();
  app.use('*', cors({ exposeHeaders: ['ETag', 'Link', 'Content-Location', 'Retry-After', 'Last-Modified'] }));
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });
  app.use('*', conditional());
  app.route('/', sparqlRoutes({ dataset, answer, limits }));
  app.route('/', metadataRoutes({ dataset }));
  app.route('/', dumpRoutes({ dataset }));
  app.route('/', resourceRoutes({ dataset }));
  app.notFound(() => {
    const res = httpError(404, 'not found').getResponse();
    res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  });
  app.onError((err) => {
    const res = err instanceof HTTPException ? err.getResponse() : httpError(500, 'internal error').getResponse();
    if (!(err instanceof HTTPException)) console.error(err);
    res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  });
  return { app, dataset, engine, close: () => (own ? engine.close() : Promise.resolve()) };
}
