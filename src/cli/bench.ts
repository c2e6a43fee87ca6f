// `npm run bench`: latency per query (HTTP vs in-process Oxigraph and Comunica), throughput, start-up, peak RSS.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, get as httpGet } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { getRequestListener } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { Parser, Store as N3Store } from 'n3';
import oxigraph from 'oxigraph';
import { buildConfig, ROOT } from '../graph/config.js';
import { holdTickShape } from '../server/tick-shape.js';
import { findWrk, wholeSeconds, wrkLoad } from './wrk.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 6);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
/** Slices per throughput target, each beside its own slices of the two references (BENCH_SLICES; odd, so the paired ratio is a true median). */
const ROUNDS = Number(process.env.BENCH_SLICES ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
/** Comunica is 10–100× slower: fewer runs keep the bench short. */
const COMUNICA_RUNS = 10;
const WARM_UP = 10;
/** BENCH_ONLY=latency or throughput runs one half (start-up and RSS are always printed). */
const ONLY = process.env.BENCH_ONLY;
/** BENCH_ROWS=<regular expression> measures only the throughput rows whose label matches. */
const ROWS = process.env.BENCH_ROWS ? new RegExp(process.env.BENCH_ROWS) : undefined;
const FOCUS = '/lkp/2016/4.4.3';
/** The bare-Hono ceiling's fixed body: 2 KB of ASCII. */
const CEILING_BODY = 'x'.repeat(2048);
const JSON_RESULTS = 'application/sparql-results+json';
/** What Chromium sends as Accept-Encoding. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** How long a child process may take to answer before the bench gives up on it. */
const START_TIMEOUT_MS = 60_000;

/**
 * Starts a child process running `script` and resolves once `url` answers 200; returns ms taken.
 * Gives up (killing the child) after START_TIMEOUT_MS, saying why the last request failed: a
 * port fetch refuses (4045, on the Fetch standard's list of bad ports) once kept the bench asking
 * for ever.
 */
async function startChild(args: string[], env: Record<string, string>, url: string): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  // TypeScript runs through tsx; the compiled server (src/cli/start.mjs, what `npm start` runs) as it is.
  const loader = args[0]!.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
  let last: unknown;
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return { child, ms: performance.now() - started };
    } catch (e) {
      last = e; // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill();
  const cause = (last as { cause?: { message?: string } } | undefined)?.cause?.message ?? String(last);
  throw new Error(`${args.join(' ')} did not answer ${url} within ${START_TIMEOUT_MS / 1000} s (${cause})`);
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });

/** Peak resident set size of a process in MiB (Linux /proc). */
function peakRssMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, all threads) a process has used, in ms (Linux /proc, 100 Hz ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Load {
  requests: number;
  /** How long the run really took (autocannon's own measure). */
  seconds: number;
  /** Server CPU ms spent during the run. */
  cpu: number;
  /** The client's (this process's, where autocannon runs) CPU ms spent during the run. */
  client: number;
}

async function load(pid: number, url: string, headers: Record<string, string>, seconds: number, vary = false): Promise<Load> {
  let n = 0;
  const cpu = cpuMs(pid);
  const client = process.cpuUsage();
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    // autocannon stops at the first sample tick after `duration`: with its default of 1 s, a
    // 1.2 s slice ran 2 s. Ticks every 100 ms end it near its length, and the rate divides by the
    // time it really ran (result.duration), not by the time asked for.
    sampleInt: 100,
    headers,
    // A changing comment defeats the answer caches, so every request is evaluated.
    requests: vary ? [{ setupRequest: (req) => ({ ...req, path: `${req.path}%20%23${n++}` }) }] : undefined,
  });
  if (result.non2xx > 0) console.log(`  (note: ${result.non2xx} answers from ${url.slice(0, 60)}… were not 2xx)`);
  const used = process.cpuUsage(client);
  return { requests: result.requests.total, seconds: result.duration, cpu: cpuMs(pid) - cpu, client: (used.user + used.system) / 1000 };
}

/**
 * µs this process takes to turn `body` into a JS string, as autocannon does with every body it
 * reads (`req.body += chunk`: a UTF-8 decode): the median of 5 runs of about 20 ms. ASCII takes
 * V8's fast path; compressed bytes and text with å, ä, ö do not, and cost many times more per byte.
 */
function decodeUs(body: Buffer): number {
  const runs: number[] = [];
  let chars = 0;
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t = performance.now();
    while (performance.now() - t < 20) {
      for (let k = 0; k < 16; k++) chars += ('' + body).length;
      n += 16;
    }
    runs.push((1000 * (performance.now() - t)) / n);
  }
  if (chars < 0) throw new Error('unreachable'); // keeps the decodes from being optimised away
  return median(runs);
}

const rate = (runs: Load[]) => runs.reduce((a, r) => a + r.requests, 0) / runs.reduce((a, r) => a + r.seconds, 0);
/**
 * The median over slices of target ÷ the reference slice run right beside it: a slice in which
 * the shared VM slowed down then moves one ratio of the set, not the sums of all of them.
 */
const pairedRatio = (target: Load[], reference: Load[]) => median(target.map((t, r) => t.requests / reference[r]!.requests));
const perRequest = (runs: Load[], ms: (r: Load) => number) => (1000 * runs.reduce((a, r) => a + ms(r), 0)) / runs.reduce((a, r) => a + r.requests, 0);
const serverUs = (runs: Load[]) => perRequest(runs, (r) => r.cpu);
const clientUs = (runs: Load[]) => perRequest(runs, (r) => r.client);

function loadQueries(): Array<[string, string]> {
  const dir = join(ROOT, 'queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => [f.replace(/\.rq$/, ''), readFileSync(join(dir, f), 'utf8')]);
}

/** A GET with fetch, read to the end; resolves to the ms it took. */
async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const t = performance.now();
  await (await fetch(url, { headers })).arrayBuffer();
  return performance.now() - t;
}

/** A step that times `fn`; resolves to the ms it took. */
const timed = (fn: () => unknown) => async (): Promise<number> => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

/**
 * Runs the steps round-robin, `runs` times each after WARM_UP rounds, starting each round at the
 * next step (so no step always follows the same one), and returns each step's median ms. The
 * three measurements of one query are taken side by side, so a drift of the machine's speed
 * during the run shifts them together instead of showing up as overhead.
 */
async function interleavedMedians(steps: Array<() => Promise<number>>, runs = RUNS): Promise<number[]> {
  const times: number[][] = steps.map(() => []);
  for (let round = -WARM_UP; round < runs; round++) {
    for (let k = 0; k < steps.length; k++) {
      const which = (k + Math.abs(round)) % steps.length;
      const ms = await steps[which]!();
      if (round >= 0) times[which]!.push(ms);
    }
  }
  return times.map(median);
}

/**
 * Per query, uncached: our endpoint over HTTP; the reference, in-process Oxigraph behind the
 * thinnest HTTP layer (a bare Hono route calling `store.query` on its own thread, no worker, no
 * checks, no cache: what "Oxigraph over HTTP with zero overhead" costs on this machine, client,
 * socket and scheduling included); in-process Oxigraph and Comunica alone; and a bare-Hono fetch
 * of a body of the same size. The endpoint's overhead (the target) is HTTP − reference. The
 * older estimate HTTP − in-process Oxigraph − bare round trip is printed beside it: it also
 * counts what the machine adds when a client waits longer (on this 2-vCPU VM, an idle vCPU
 * sleeps and is slow to wake), which grows with the query's own time. Everything but Comunica is
 * interleaved; the client asks for an uncompressed answer (`Accept-Encoding: identity`) like the
 * references give.
 */
async function latencies(base: string, bare: string, distDir: string): Promise<number[]> {
  const nq = readFileSync(join(distDir, 'dataset.nq'));
  const ox = new oxigraph.Store();
  ox.load(nq, { format: 'nq' });
  const n3 = new N3Store(new Parser({ format: 'N-Quads' }).parse(nq.toString('utf8')));
  const comunica = new QueryEngine();
  const ctx = { sources: [n3], unionDefaultGraph: true } as never;
  const identity = { accept: JSON_RESULTS, 'accept-encoding': 'identity' };
  console.log(`\nWarm median latency per query, uncached, ${RUNS} runs each (Comunica ${COMUNICA_RUNS}); reference = in-process Oxigraph behind a bare Hono route`);
  console.log('  overhead = HTTP − reference (the target); parts = HTTP − in-process Oxigraph − bare-Hono round trip of the same size');
  const head = ['HTTP', 'reference', 'Oxigraph', 'Comunica', 'bare RTT', 'overhead', 'parts'];
  console.log(`  ${'query'.padEnd(34)} ${head.map((h) => h.padStart(9)).join(' ')}  bytes`);
  const overheads: number[] = [];
  const parts: number[] = [];
  let run = 0;
  for (const [name, query] of loadQueries()) {
    const size = (await (await fetch(`${base}/sparql?query=${encodeURIComponent(query)}`, { headers: identity })).arrayBuffer()).byteLength;
    // A changing comment defeats the answer caches, so every HTTP request is evaluated.
    const unique = () => `/sparql?query=${encodeURIComponent(`${query}\n# run ${run++} ${Math.random()}`)}`;
    const [http, reference, rtt, inOx] = await interleavedMedians([
      () => timedGet(base + unique(), identity),
      () => timedGet(bare + unique(), identity),
      () => timedGet(`${bare}/bytes/${size}`, { 'accept-encoding': 'identity' }),
      timed(() => ox.query(query, { use_default_graph_as_union: true, results_format: 'json' })),
    ]);
    const [inCo] = await interleavedMedians(
      [
        timed(async () => {
          const { data } = await comunica.resultToString(await comunica.query(query, ctx), JSON_RESULTS);
          for await (const _ of data) void _;
        }),
      ],
      COMUNICA_RUNS,
    );
    overheads.push(http! - reference!);
    parts.push(http! - inOx! - rtt!);
    const cells = [http!, reference!, inOx!, inCo!, rtt!, http! - reference!, http! - inOx! - rtt!];
    console.log(`  ${name.padEnd(34)} ${cells.map((x) => ms(x).padStart(9)).join(' ')}  ${size}`);
  }
  console.log(`  median overhead over all queries: ${ms(median(overheads))} (target ≤ 1 ms); by parts: ${ms(median(parts))}`);
  return overheads;
}

/** Header fields Node's server writes itself on every answer (the references get their own). */
const NODE_OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * A GET's headers and body bytes exactly as sent (node:http does not decode a Content-Encoding,
 * fetch would): Content-Type and Content-Encoding, and every field line but Node's own as a flat
 * [name, value, …] list.
 */
function rawGet(url: string, headers: Record<string, string>): Promise<{ type: string; coding: string | undefined; fields: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      const fields = res.rawHeaders.filter((_, i, raw) => !NODE_OWN.has(raw[i - (i % 2)]!.toLowerCase()));
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ type: res.headers['content-type'] ?? 'application/octet-stream', coding: res.headers['content-encoding'], fields, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** `a` as a percentage of `b`, rounded. */
const pct = (a: number, b = 1) => `${((100 * a) / b).toFixed(0)} %`;
/** CPU µs per response and the reference's in brackets; `?` where the client's CPU time could not be read. */
const us = (x: number, ref: number) => (Number.isNaN(x) ? '?' : `${x.toFixed(0)} (${ref.toFixed(0)})`);

/** A throughput table's last line: bare Hono's 2 KB over its slices, `by` the client named (or that no row was measured). */
function ceilingLine(ceilings: number[], by = ''): string {
  if (ceilings.length === 0) return `  no row matches BENCH_ROWS=${process.env.BENCH_ROWS}`;
  return `  bare Hono (2 KB)${by} over the slices: median ${median(ceilings).toFixed(0)} req/s (min ${Math.min(...ceilings).toFixed(0)}, max ${Math.max(...ceilings).toFixed(0)})`;
}

/**
 * Asks our server for a row's answer (which also primes its caches) and stores it in the bare
 * server as `id`, for the same-body (/same/) and same-answer (/whole/) references.
 */
async function storeAnswer(bare: string, id: number, url: string, headers: Record<string, string>): Promise<{ body: Buffer }> {
  const answer = await rawGet(url, headers);
  await fetch(`${bare}/same/${id}`, {
    method: 'PUT',
    body: new Uint8Array(answer.body),
    headers: { 'x-type': answer.type, ...(answer.coding ? { 'x-coding': answer.coding } : {}), 'x-fields': JSON.stringify(answer.fields) },
  });
  return answer;
}

/** The throughput rows: label, URL, request headers, and whether a changing comment defeats the answer caches. */
function throughputRows(base: string): Array<[string, string, Record<string, string>, boolean?]> {
  const query = loadQueries()[0]![1];
  const sparql = `${base}/sparql?query=${encodeURIComponent(query)}`;
  const json = { accept: JSON_RESULTS };
  // Cached answers are measured as browsers and HTTP libraries ask (Accept-Encoding with br and
  // gzip: compressed bytes) and as a client that asks for none (identity: the full bytes).
  const compressed = { 'accept-encoding': BROWSER_ENCODINGS };
  const identity = { 'accept-encoding': 'identity' };
  const rows: Array<[string, string, Record<string, string>, boolean?]> = [
    ['SPARQL query (uncached)', sparql, { ...json, ...identity }, true],
    ['SPARQL query (uncached, br)', sparql, { ...json, ...compressed }, true],
    ['SPARQL query (cached, br)', sparql, { ...json, ...compressed }],
    ['SPARQL query (cached, identity)', sparql, { ...json, ...identity }],
  ];
  const pages = [['html', 'text/html'], ['jsonld', 'application/ld+json'], ['ttl', 'text/turtle'], ['nt', 'application/n-triples'], ['rdf', 'application/rdf+xml']] as const;
  for (const [label, type] of pages) rows.push([`concept page ${label} (br)`, `${base}${FOCUS}`, { accept: type, ...compressed }]);
  for (const [label, type] of pages) rows.push([`concept page ${label} (identity)`, `${base}${FOCUS}`, { accept: type, ...identity }]);
  rows.push(['dump dataset.ttl (gzip)', `${base}/download/dataset.ttl`, { 'accept-encoding': 'gzip' }]);
  return rows;
}

/** The rows the 70 % target is about: cached repeats and concept pages. */
const isTargetRow = (label: string) => /cached|concept page/.test(label) && !/uncached/.test(label);

/**
 * Each row alternates with three references in short slices (ROUNDS × (bare 2 KB, target, same
 * body, same answer)): on a shared 2-core machine the ceiling drifts by tens of percent within a
 * minute. The target ratio is to bare Hono's fixed 2 KB body. The second reference, bare Hono,
 * sends the row's own body bytes (same Content-Type and Content-Encoding, bare Hono's few
 * headers), so the client does the same work on the body: its ratio is what our server path and
 * headers cost. The third, plain `node:http` with no framework, sends the row's whole answer as
 * our server sent it (every header field but Node's own Date and Connection, and the same body):
 * the fastest a Node server can send that answer, so its ratio is what our server path alone
 * costs. It is asked with the row's own query string and request headers, so the client sends,
 * and Node parses, the same request. autocannon runs in this process and does real work per response (its HTTP parser is
 * JavaScript, and it decodes every body into a JS string, slowest for compressed bytes), so its
 * CPU µs per response is printed beside the server's: when the client's is the larger, the row is
 * client-bound. The last column is the part of the client's µs spent decoding the body (see
 * decodeUs), for the row's body and for the ceiling's 2 KB of ASCII.
 */
async function throughputs(base: string, bare: string, pids: { server: number; bare: number }): Promise<Map<string, number>> {
  const rows = throughputRows(base);
  const slice = DURATION_S / ROUNDS;
  console.log(`\nThroughput (autocannon, 10 connections, ${DURATION_S} s per target in ${ROUNDS} slices, interleaved with bare-Hono slices of the same length)`);
  console.log('  ratio: to bare Hono with the fixed 2 KB body (the target); to bare Hono sending the same body bytes with its few headers;');
  console.log('  and to plain node:http sending the same answer (our header fields and body: what our server path alone costs);');
  console.log('  over all slices (sums), and paired: the median of the slices\' ratios, each to the reference slice run beside it');
  console.log('  CPU µs per response, server and client (autocannon), with bare Hono 2 KB\'s in brackets;');
  console.log('  decode µs: of the client\'s, what turning the body into a JS string costs (autocannon does it for every body)');
  const cols = ['bytes', 'req/s', 'bare 2KB', 'ratio', 'paired', 'same body', 'ratio', 'paired', 'same answer', 'ratio', 'paired', 'server µs', 'client µs', 'decode µs'];
  const widths = [6, 7, 8, 6, 6, 9, 6, 6, 11, 6, 6, 10, 11, 11];
  const ceilingDecode = decodeUs(Buffer.from(CEILING_BODY));
  console.log(`  ${'target'.padEnd(34)} ${cols.map((c, i) => c.padStart(widths[i]!)).join(' ')}`);
  const ceilings: number[] = [];
  /** The HTML pages' rows, for the client check. */
  const checks: Array<{ label: string; id: number; bytes: number }> = [];
  /** Each row's ratio to the ceiling (sums), for the summary. */
  const ratios = new Map<string, number>();
  for (const [id, [label, url, headers, vary]] of rows.entries()) {
    if (ROWS && !ROWS.test(label)) continue;
    const first = await storeAnswer(bare, id, url, headers);
    const bytes = first.body.byteLength;
    if (label.startsWith('concept page html')) checks.push({ label, id, bytes });
    const target: Load[] = [];
    const reference: Load[] = [];
    const sameBody: Load[] = [];
    const sameAnswer: Load[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      reference.push(await load(pids.bare, `${bare}/`, {}, slice));
      target.push(await load(pids.server, url, headers, slice, vary));
      sameBody.push(await load(pids.bare, `${bare}/same/${id}`, {}, slice));
      sameAnswer.push(await load(pids.bare, `${bare}${WHOLE}${id}${new URL(url).search}`, headers, slice));
    }
    const [rps, ceiling, same, whole] = [rate(target), rate(reference), rate(sameBody), rate(sameAnswer)];
    ceilings.push(ceiling);
    ratios.set(label, rps / ceiling);
    const paired = (refs: Load[]) => pct(pairedRatio(target, refs));
    const cells = [
      String(bytes),
      rps.toFixed(0),
      ceiling.toFixed(0),
      pct(rps, ceiling),
      paired(reference),
      same.toFixed(0),
      pct(rps, same),
      paired(sameBody),
      whole.toFixed(0),
      pct(rps, whole),
      paired(sameAnswer),
      us(serverUs(target), serverUs(reference)),
      us(clientUs(target), clientUs(reference)),
      `${decodeUs(first.body).toFixed(1)} (${ceilingDecode.toFixed(1)})`,
    ];
    console.log(`  ${label.padEnd(34)} ${cells.map((c, i) => c.padStart(widths[i]!)).join(' ')}`);
  }
  console.log(ceilingLine(ceilings));
  await clientCheck(bare, pids.bare, checks, slice);
  return ratios;
}

/**
 * What the bytes themselves cost the client: bare Hono sends each HTML page's own body bytes
 * (stored for its row) and, in the slices beside them, as many bytes of ASCII. The server does the
 * same work for both; only autocannon's decoding of the body differs.
 */
async function clientCheck(bare: string, barePid: number, checks: Array<{ label: string; id: number; bytes: number }>, slice: number): Promise<void> {
  if (checks.length === 0) return;
  console.log(`\nClient check: bare Hono sending a page's own body bytes, and as many bytes of ASCII (${ROUNDS} slices each, interleaved)`);
  for (const { label, id, bytes } of checks) {
    const ascii: Load[] = [];
    const own: Load[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      ascii.push(await load(barePid, `${bare}/bytes/${bytes}`, {}, slice));
      own.push(await load(barePid, `${bare}/same/${id}`, {}, slice));
    }
    const [a, o] = [rate(ascii), rate(own)];
    const line = `${bytes} bytes: ASCII ${a.toFixed(0)} req/s, its own bytes ${o.toFixed(0)} req/s (${((100 * o) / a).toFixed(0)} %); client µs per response ${clientUs(ascii).toFixed(0)} and ${clientUs(own).toFixed(0)}`;
    console.log(`  ${label.padEnd(34)} ${line}`);
  }
}

/**
 * The target rows again with a second client, wrk, when it is installed (Debian's `wrk`, or WRK=<path>;
 * BENCH_WRK=0 skips it): one thread and 10 connections, as autocannon, each row in ROUNDS slices of
 * whole seconds beside slices of bare Hono's 2 KB and of the same answer, also by wrk. wrk is C and counts a body's bytes
 * without turning them into a string, so the client's share of each response no longer grows with
 * the body's characters. Informative, for the target's owners: the target reads autocannon's ratio.
 */
async function secondClient(base: string, bare: string, pids: { server: number; bare: number }): Promise<Map<string, number> | undefined> {
  if (process.env.BENCH_WRK === '0') return undefined;
  const wrk = findWrk();
  if (!wrk) {
    console.log('\nSecond client: wrk is not installed (apt-get install wrk, or WRK=<path>), so the target rows are measured by autocannon only');
    return undefined;
  }
  const seconds = wholeSeconds(DURATION_S / ROUNDS);
  const slice = async (pid: number, url: string, headers: Record<string, string>): Promise<Load> => {
    const cpu = cpuMs(pid);
    const run = await wrkLoad(wrk, url, headers, seconds);
    if (run.non2xx > 0) console.log(`  (note: ${run.non2xx} answers from ${url.slice(0, 60)}… were not 2xx or 3xx)`);
    return { requests: run.requests, seconds: run.seconds, cpu: cpuMs(pid) - cpu, client: run.clientMs ?? Number.NaN };
  };
  console.log(`\nSecond client: wrk (${wrk}; C, reads bodies without decoding them), 1 thread, 10 connections, ${ROUNDS} slices of ${seconds} s per row,`);
  console.log('  each beside a slice of bare Hono\'s 2 KB and of plain node:http sending the same answer, both also by wrk');
  console.log('  informative: the 70 % target reads autocannon\'s ratio above; CPU µs per response, server and client (wrk), with bare Hono 2 KB\'s in brackets');
  console.log('  and, for the server, plain node:http\'s sending the same answer after the semicolon');
  const cols = ['req/s', 'bare 2KB', 'ratio', 'paired', 'same answer', 'ratio', 'paired', 'server µs', 'client µs'];
  const widths = [7, 8, 6, 6, 11, 6, 6, 14, 10];
  console.log(`  ${'target'.padEnd(34)} ${cols.map((c, i) => c.padStart(widths[i]!)).join(' ')}`);
  const ratios = new Map<string, number>();
  const ceilings: number[] = [];
  for (const [id, [label, url, headers]] of throughputRows(base).entries()) {
    if (!isTargetRow(label) || (ROWS && !ROWS.test(label))) continue;
    await storeAnswer(bare, id, url, headers);
    const target: Load[] = [];
    const reference: Load[] = [];
    const sameAnswer: Load[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      reference.push(await slice(pids.bare, `${bare}/`, {}));
      target.push(await slice(pids.server, url, headers));
      sameAnswer.push(await slice(pids.bare, `${bare}${WHOLE}${id}${new URL(url).search}`, headers));
    }
    const [rps, ceiling, whole] = [rate(target), rate(reference), rate(sameAnswer)];
    ceilings.push(ceiling);
    ratios.set(label, rps / ceiling);
    const cells = [
      rps.toFixed(0),
      ceiling.toFixed(0),
      pct(rps, ceiling),
      pct(pairedRatio(target, reference)),
      whole.toFixed(0),
      pct(rps, whole),
      pct(pairedRatio(target, sameAnswer)),
      `${serverUs(target).toFixed(0)} (${serverUs(reference).toFixed(0)}; ${serverUs(sameAnswer).toFixed(0)})`,
      us(clientUs(target), clientUs(reference)),
    ];
    console.log(`  ${label.padEnd(34)} ${cells.map((c, i) => c.padStart(widths[i]!)).join(' ')}`);
  }
  console.log(ceilingLine(ceilings, ' by wrk'));
  return ratios;
}

/** The issue's targets, each with the figure of this run and whether it is met (rows not measured are left out). */
function summary(startUp: number, overheads: number[] | undefined, ratios: Map<string, number> | undefined, byWrk?: Map<string, number>): void {
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log('\nTargets');
  console.log(`  start-up < 1500 ms: ${startUp.toFixed(0)} ms, ${verdict(startUp < 1500)}`);
  if (overheads) console.log(`  endpoint overhead over in-process Oxigraph ≤ 1 ms (median): ${ms(median(overheads))}, ${verdict(median(overheads) <= 1)}`);
  const rows = [...(ratios ?? [])].filter(([label]) => isTargetRow(label));
  if (rows.length === 0) return;
  const met = rows.filter(([, r]) => r >= 0.7);
  console.log(`  cached repeats and concept pages ≥ 70 % of the bare-Hono ceiling: ${met.length} of ${rows.length} met`);
  for (const [label, r] of rows) console.log(`    ${label.padEnd(34)} ${(100 * r).toFixed(1).padStart(5)} %  ${verdict(r >= 0.7)}`);
  if (!byWrk || byWrk.size === 0) return;
  const wrkMet = [...byWrk.values()].filter((r) => r >= 0.7).length;
  console.log(`  informative, not the target's client: measured by wrk, ${wrkMet} of ${byWrk.size} rows reach 70 % of bare Hono's 2 KB measured by wrk`);
}

/** Path prefix of the plain `node:http` reference in the bare server. */
const WHOLE = '/whole/';

/**
 * `bench.ts --bare <port>`: the reference server: a fixed 2 KB body at /, /bytes/:n for round
 * trips, /same/:id for a body the bench stored with PUT (sent with the Content-Type and
 * Content-Encoding given as x-type and x-coding), and /sparql?query= answered by in-process
 * Oxigraph on this thread (SPARQL JSON), all through @hono/node-server; and /whole/:id, answered
 * by plain `node:http` ahead of Hono: the stored body with the header fields given as x-fields
 * (whatever query string and request headers come with it). It holds a nextTick object as our
 * server does (see tick-shape.ts), so neither reference is measured with V8's slow ticks.
 */
function bareServer(port: number): void {
  holdTickShape();
  const store = new oxigraph.Store();
  store.load(readFileSync(join(buildConfig().distDir, 'dataset.nq')), { format: 'nq' });
  const app = new Hono();
  app.get('/sparql', (c) =>
    c.body(String(store.query(c.req.query('query') ?? '', { use_default_graph_as_union: true, results_format: 'json' })), 200, {
      'Content-Type': `${JSON_RESULTS}; charset=utf-8`,
    }),
  );
  app.get('/', (c) => c.text(CEILING_BODY));
  const sized = new Map<number, string>();
  app.get('/bytes/:n', (c) => {
    const n = Number(c.req.param('n'));
    if (!sized.has(n)) sized.set(n, 'x'.repeat(n));
    return c.text(sized.get(n)!);
  });
  const stored = new Map<string, { bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string>; fields: string[] }>();
  app.put('/same/:id', async (c) => {
    const coding = c.req.header('x-coding');
    const headers: Record<string, string> = { 'content-type': c.req.header('x-type') ?? 'application/octet-stream', ...(coding ? { 'content-encoding': coding } : {}) };
    const fields = JSON.parse(c.req.header('x-fields') ?? '[]') as string[];
    stored.set(c.req.param('id'), { bytes: new Uint8Array(await c.req.arrayBuffer()), headers, fields });
    return c.body(null, 204);
  });
  app.get('/same/:id', (c) => {
    const same = stored.get(c.req.param('id'));
    return same ? c.body(same.bytes, 200, same.headers) : c.notFound();
  });
  const hono = getRequestListener(app.fetch);
  createServer((req, res) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const whole = url.startsWith(WHOLE) && stored.get(url.slice(WHOLE.length, query < 0 ? undefined : query));
    if (!whole) return void hono(req, res);
    res.writeHead(200, whole.fields);
    res.end(whole.bytes);
  }).listen(port);
}

/** Starts the server as `npm start` does, STARTS times (the last one keeps running), and reports each start-up; resolves to that server and the median start-up in ms. */
async function startServer(port: number): Promise<{ server: ChildProcess; startUp: number }> {
  const url = `http://127.0.0.1:${port}/sparql?query=ASK%7B%7D`;
  const times: number[] = [];
  let server: ChildProcess | undefined;
  // Compiled once beforehand (if the sources changed), so the starts measure starting, not compiling.
  execFileSync(process.execPath, ['src/cli/start.mjs', '--compile-only'], { cwd: ROOT, stdio: 'inherit' });
  const pages: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    if (server) await stopChild(server);
    const started = await startChild(['src/cli/start.mjs'], { PORT: String(port) }, url);
    server = started.child;
    times.push(started.ms);
    // A page asked for right after: the pages' data is built in idle time after listening, so
    // this one waits for what it needs (an honest worst case for the first visitor).
    pages.push(started.ms + (await timedGet(`http://127.0.0.1:${port}${FOCUS}`, { accept: 'text/html' })));
  }
  const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');
  console.log(`start-up to first answered query: median ${median(times).toFixed(0)} ms of ${STARTS} starts (${list(times)} ms; target < 1500 ms)`);
  console.log(`start-up to first answered concept page (asked right after that query): median ${median(pages).toFixed(0)} ms (${list(pages)} ms)`);
  return { server: server!, startUp: median(times) };
}

async function main(): Promise<void> {
  const cfg = buildConfig();
  if (!existsSync(join(cfg.distDir, 'manifest.json'))) {
    const { build } = await import('./build.js');
    await build(cfg);
  }
  console.log(`bench ${new Date().toISOString()} · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version}`);
  // Ports fetch may use: 4045, once the bare server's (port + 100), is on the Fetch standard's list of bad ports.
  const port = 3900 + Math.floor(Math.random() * 50);
  const barePort = port + 1000;
  const base = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${barePort}`;
  const { server, startUp } = await startServer(port);
  const bareChild = (await startChild(['src/cli/bench.ts', '--bare', String(barePort)], {}, `${bare}/`)).child;
  try {
    const overheads = ONLY !== 'throughput' ? await latencies(base, bare, cfg.distDir) : undefined;
    const pids = { server: server.pid!, bare: bareChild.pid! };
    const ratios = ONLY !== 'latency' ? await throughputs(base, bare, pids) : undefined;
    // The second client is for information: if wrk fails, the run still ends with its targets.
    const byWrk = ONLY !== 'latency' ? await secondClient(base, bare, pids).catch((e: Error) => void console.log(`\nSecond client: wrk failed, so the target rows are measured by autocannon only (${e.message})`)) : undefined;
    console.log(`\npeak RSS of the server: ${peakRssMiB(server.pid!)?.toFixed(0) ?? '?'} MiB`);
    summary(startUp, overheads, ratios, byWrk);
  } finally {
    await Promise.all([stopChild(server), stopChild(bareChild)]);
  }
}

if (process.argv[2] === '--bare') bareServer(Number(process.argv[3]));
else
  main().catch((e: Error) => {
    console.error(`bench failed: ${e.message}${e.cause ? ` (${String(e.cause)})` : ''}`);
    process.exit(1);
  });
