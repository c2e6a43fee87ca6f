// `npm start`: serves dist/ (building it first if missing or built for another BASE) on PORT.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createEngine } from '../engine/index.js';
import { buildConfig } from '../graph/config.js';
import { createNodeServer } from '../server/node-server.js';
import { engineLimits, maxHeaderBytes, settingsFromEnv } from '../server/settings.js';
import { holdTickShape } from '../server/tick-shape.js';

/** How long without requests counts as idle, for the warm-up. */
const IDLE_MS = 50;

/** Builds dist/ unless it exists and was built for the same base IRI. */
async function ensureBuilt(distDir: string, base: string): Promise<void> {
  const manifest = join(distDir, 'manifest.json');
  if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { base: string }).base === base) return;
  console.log(`building ${distDir} for ${base} …`);
  // Imported lazily: the build pulls in SHACL validation and friends, which a plain start never needs.
  const { build } = await import('./build.js');
  await build(buildConfig(), (line) => console.log(line));
}

async function main(): Promise<void> {
  const started = performance.now();
  // Before any request: keeps Node's nextTick fast for the life of the process (see tick-shape.ts).
  holdTickShape();
  const settings = settingsFromEnv();
  const { distDir, base } = buildConfig();
  await ensureBuilt(distDir, base);
  // Start the query workers before importing the app: the first loads the dataset while this
  // thread loads the app's modules.
  const { limits } = settings;
  const engine = createEngine({ engine: settings.engine, distDir, base, ...engineLimits(limits) });
  const { createApp } = await import('../server/app.js');
  const server = await createApp({ distDir, base, engine, limits }).catch(async (e: unknown) => {
    await engine.close();
    throw e;
  });
  // Cache hits are written straight to the socket; everything else goes through @hono/node-server.
  const http = createNodeServer(server, {
    // Node's defaults (60 s / 300 s) let slow clients hold sockets open.
    headersTimeout: 10_000,
    requestTimeout: settings.limits.timeoutMs + 20_000,
    keepAliveTimeout: 5_000,
    // Node checks headersTimeout and requestTimeout this often (default 30 s: a 408 came up to 30 s late).
    connectionsCheckingInterval: 1_000,
    // A client that stops reading a large answer would hold it in memory for as long as it keeps the connection.
    stallTimeout: limits.stallTimeoutMs,
    // and clients that read very slowly, as long as they read: the answers waiting for them are bounded.
    maxUnsentBytes: limits.maxUnsentMb * 1024 * 1024,
    // Node's default (16 KiB) would refuse a GET query long before MAX_QUERY_LENGTH (431, not 414).
    maxHeaderSize: maxHeaderBytes(limits),
    // A query body over the limit by its Content-Length is refused before the app sees it.
    maxBodyBytes: limits.maxBodyBytes,
    // For HTTP/1.0 requests without Host (and an empty Host); with PORT=0 the port is not known yet.
    authority: settings.port ? `localhost:${settings.port}` : 'localhost',
  });
  // Idle: no request in flight for IDLE_MS (so the warm-up below never holds up a request that is
  // being answered). Tracked only until the warm-up is done.
  let inFlight = 0;
  let lastActivity = performance.now();
  const track = (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    lastActivity = performance.now();
    res.once('close', () => {
      inFlight--;
      lastActivity = performance.now();
    });
  };
  http.on('request', track);
  const idle = async () => {
    while (inFlight > 0 || performance.now() - lastActivity < IDLE_MS) await new Promise((r) => setTimeout(r, IDLE_MS / 2));
  };
  http.listen(settings.port);
  http.once('listening', () => {
    const ms = Math.round(performance.now() - started);
    const { port } = http.address() as AddressInfo; // PORT=0 takes any free port
    console.log(`serving ${base} on http://localhost:${port}/ (engine ${settings.engine}, ready in ${ms} ms)`);
    // What pages need is built now, in idle time, rather than before listening.
    server
      .warm(idle)
      .catch((e: unknown) => console.error(`warm-up failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => http.off('request', track));
  });
  const stop = () => {
    http.close();
    void engine.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(`cannot start: ${e.message}`);
  process.exit(1);
});
