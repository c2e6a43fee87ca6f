// Worker thread for the Oxigraph engine: loads dataset.nq once, then evaluates and serializes queries.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import oxigraph from 'oxigraph';
import type { FormatKey } from './formats.js';
import { csvFromJson, queryMayNeedQuotes, STORE_CHECK } from './csv.js';
import { fromNTriples, graphOutputOptions } from './graph-output.js';
import { overLimit, rowsOverLimit } from './rows.js';
import { prepareWhenIdle } from './diagnosis.js';
import { capturePanics, engineMemory, settle } from './outcome.js';
import type { Evaluation, QueryJob, WorkerInit, WorkerReply, WorkerRequest } from './types.js';
import { EngineError } from './types.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const send = (msg: WorkerReply) => port.postMessage(msg);
const output = graphOutputOptions(init);

function loadStore(): oxigraph.Store {
  const store = new oxigraph.Store();
  // dataset.nq is our own build output, validated when it was written: skip re-validating every IRI.
  // In a transaction, not with the bulk loader: see releaseStore (graph/store-memory.ts).
  store.load(readFileSync(init.datasetPath), { format: 'nq', lenient: true });
  return store;
}

/**
 * The query's options: its base IRI, if the job gives one, and its dataset: the graphs the job
 * names (the protocol's, or else the query's FROM clauses, which the service has taken out of the
 * text), or the union default graph when it names none.
 */
function queryOptions(job: QueryJob): Parameters<oxigraph.Store['query']>[1] {
  const base = job.base === undefined ? {} : { base_iri: job.base };
  if (!job.defaultGraphs?.length && !job.namedGraphs?.length) return { ...base, use_default_graph_as_union: true };
  return {
    ...base,
    use_default_graph_as_union: false,
    default_graph: (job.defaultGraphs ?? []).map((g) => oxigraph.namedNode(g)),
    named_graphs: (job.namedGraphs ?? []).map((g) => oxigraph.namedNode(g)),
  };
}

/** Throws EngineError('rows') when the serialized result has more rows than the job allows. */
function checkRows(job: QueryJob, format: FormatKey, body: string): void {
  const rows = rowsOverLimit(format, body, job.maxRows);
  if (rows !== undefined) throw new EngineError('rows', overLimit(job, rows));
}

/** Graph results are produced as N-Triples first (cheap to count), then re-serialized natively. */
async function graphResult(store: oxigraph.Store, job: QueryJob): Promise<Evaluation> {
  const nt = store.query(job.query, { ...queryOptions(job), results_format: 'nt' }) as string;
  checkRows(job, 'nt', nt);
  return { body: await fromNTriples(nt, job.format, output) };
}

/** Whether the store holds a term whose CSV field Oxigraph's writer leaves unquoted (see csv.ts): asked once, on the first CSV answer (about 60 ms). */
let storeNeedsQuotes: boolean | undefined;

/**
 * A SELECT answer as Oxigraph serializes it; in CSV, written from its JSON results instead where
 * a field Oxigraph's CSV writer leaves unquoted can appear (see csv.ts).
 */
function solutions(store: oxigraph.Store, job: QueryJob): string {
  const options = queryOptions(job);
  if (job.format === 'csv' && job.form === 'SELECT') {
    storeNeedsQuotes ??= store.query(STORE_CHECK) as boolean;
    if (storeNeedsQuotes || queryMayNeedQuotes(job.query, job.base)) {
      return csvFromJson(store.query(job.query, { ...options, results_format: 'json' }) as string);
    }
  }
  return String(store.query(job.query, { ...options, results_format: job.format }));
}

function evaluate(store: oxigraph.Store, job: QueryJob): Evaluation | Promise<Evaluation> {
  if (job.form === 'CONSTRUCT' || job.form === 'DESCRIBE') return graphResult(store, job);
  const body = solutions(store, job);
  checkRows(job, job.format, body);
  return { body };
}

/** Oxigraph's parser reports "error at <line>:<column>: …"; anything else is an evaluation error. */
const isSyntax = (message: string): boolean => /^error at \d+:\d+/.test(message);

/** An RDF 1.2 directional string in a query's text: a language tag with a direction (`"x"@ar--rtl`), or STRLANGDIR. */
const DIRECTIONAL = /@[A-Za-z]+(?:-[A-Za-z0-9]+)*--[A-Za-z]|\bSTRLANGDIR\s*\(/i;

/**
 * What to tell a client whose query trapped Oxigraph, where its text shows a known cause: Oxigraph
 * 0.5 panics when it compares two directional strings (`"x"@ar--rtl = "x"@ar--ltr`).
 */
const faultHint = (query: string): string | undefined =>
  DIRECTIONAL.test(query)
    ? 'Oxigraph 0.5 fails when it compares two RDF 1.2 directional strings (with =, !=, <, >, <=, >= or IN), and this query has some: ' +
      'compare their STR(), LANG() and LANGDIR() instead, or use sameTerm()'
    : undefined;

capturePanics();
try {
  const store = loadStore();
  const touch = prepareWhenIdle();
  port.on('message', ({ id, job }: WorkerRequest) => {
    touch();
    void settle(port, id, job, () => evaluate(store, job), isSyntax, faultHint).finally(touch);
  });
  send({ ready: true, memory: engineMemory() });
} catch (e) {
  send({ ready: false, error: e instanceof Error ? e.message : String(e) });
}
