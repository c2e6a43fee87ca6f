// `npm run bench`: latency per query (HTTP vs in-process Oxigraph and Comunica), throughput, start-up, peak RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { Parser, Store as N3Store } from 'n3';
import oxigraph from 'oxigraph';
import { buildConfig, ROOT } from '../graph/config.js';
import { build } from './build.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = 20;
const FOCUS = '/lkp/2016/4.4.3';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function timeMedian(fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(-1 - i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Starts a child process running `script` and resolves once `url` answers 200; returns ms taken. */
async function startChild(args: string[], env: Record<string, string>, url: string): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return { child, ms: performance.now() - started };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Peak resident set size of a process in MiB (Linux /proc). */
function peakRssMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function throughput(url: string, headers: Record<string, string> = {}, vary = false): Promise<number> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 10,
    duration: DURATION_S,
    headers,
    // A changing comment defeats the answer cache, so every request is evaluated.
    requests: vary ? [{ setupRequest: (req) => ({ ...req, path: `${req.path}%20%23${n++}` }) }] : undefined,
  });
  return result.requests.average;
}

function loadQueries(): Array<[string, string]> {
  const dir = join(ROOT, 'queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => [f.replace(/\.rq$/, ''), readFileSync(join(dir, f), 'utf8')]);
}

async function latencies(base: string, distDir: string): Promise<void> {
  const nq = readFileSync(join(distDir, 'dataset.nq'));
  const ox = new oxigraph.Store();
  ox.load(nq, { format: 'nq' });
  const n3 = new N3Store(new Parser({ format: 'N-Quads' }).parse(nq.toString('utf8')));
  const comunica = new QueryEngine();
  const ctx = { sources: [n3], unionDefaultGraph: true } as never;
  console.log('\nWarm median latency per query (HTTP endpoint, uncached | in-process Oxigraph | in-process Comunica | overhead)');
  for (const [name, query] of loadQueries()) {
    const http = await timeMedian(async (i) => {
      const res = await fetch(`${base}/sparql?query=${encodeURIComponent(`${query}\n# run ${i} ${Math.random()}`)}`, {
        headers: { accept: 'application/sparql-results+json' },
      });
      await res.text();
    });
    const inOx = await timeMedian(() => ox.query(query, { use_default_graph_as_union: true, results_format: 'json' }));
    const inCo = await timeMedian(async () => {
      const { data } = await comunica.resultToString(await comunica.query(query, ctx), 'application/sparql-results+json');
      for await (const _ of data) void _;
    });
    console.log(`  ${name.padEnd(36)} ${ms(http).padStart(10)} | ${ms(inOx).padStart(10)} | ${ms(inCo).padStart(10)} | ${ms(http - inOx).padStart(9)}`);
  }
}

async function throughputs(base: string, bare: string): Promise<void> {
  const query = loadQueries()[0]![1];
  const sparql = `${base}/sparql?query=${encodeURIComponent(query)}`;
  const ceiling = await throughput(bare);
  const rows: Array<[string, number]> = [['bare Hono, fixed 2 KB body', ceiling]];
  rows.push(['SPARQL query (uncached)', await throughput(sparql, { accept: 'application/sparql-results+json' }, true)]);
  rows.push(['SPARQL query (cached repeat)', await throughput(sparql, { accept: 'application/sparql-results+json' })]);
  for (const [label, type] of [['html', 'text/html'], ['ttl', 'text/turtle'], ['jsonld', 'application/ld+json'], ['nt', 'application/n-triples'], ['rdf', 'application/rdf+xml']])
    rows.push([`concept page ${label}`, await throughput(`${base}${FOCUS}`, { accept: type! })]);
  rows.push(['dump dataset.ttl (gzip)', await throughput(`${base}/download/dataset.ttl`, { 'accept-encoding': 'gzip' })]);
  console.log(`\nThroughput (autocannon, 10 connections, ${DURATION_S} s each), req/s and ratio to bare Hono`);
  for (const [label, rps] of rows) console.log(`  ${label.padEnd(36)} ${rps.toFixed(0).padStart(8)}  ${((100 * rps) / ceiling).toFixed(0).padStart(4)} %`);
}

/** `bench.ts --bare <port>`: the reference server, a fixed 2 KB body. */
function bareServer(port: number): void {
  const body = 'x'.repeat(2048);
  const app = new Hono();
  app.get('/', (c) => c.text(body));
  serve({ fetch: app.fetch, port });
}

async function main(): Promise<void> {
  const cfg = buildConfig();
  if (!existsSync(join(cfg.distDir, 'manifest.json'))) await build(cfg);
  console.log(`bench ${new Date().toISOString()} · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version}`);
  const port = 3900 + Math.floor(Math.random() * 50);
  const base = `http://127.0.0.1:${port}`;
  const server = await startChild(['src/cli/serve.ts'], { PORT: String(port) }, `${base}/sparql?query=ASK%7B%7D`);
  const bare = await startChild(['src/cli/bench.ts', '--bare', String(port + 100)], {}, `http://127.0.0.1:${port + 100}/`);
  try {
    console.log(`start-up to first answered query: ${server.ms.toFixed(0)} ms (target < 1500 ms)`);
    await latencies(base, cfg.distDir);
    await throughputs(base, `http://127.0.0.1:${port + 100}/`);
    console.log(`\npeak RSS of the server: ${peakRssMiB(server.child.pid!)?.toFixed(0) ?? '?'} MiB`);
  } finally {
    server.child.kill();
    bare.child.kill();
  }
}

if (process.argv[2] === '--bare') bareServer(Number(process.argv[3]));
else
  main().catch((e: Error) => {
    console.error(`bench failed: ${e.message}`);
    process.exit(1);
  });
