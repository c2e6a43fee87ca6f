// Worker thread for the Comunica engine: an n3 Store from dataset.nq, queried read-only with outbound fetch denied.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { DataFactory, Parser, Store, Writer, type Quad } from 'n3';
import type { FormatKey } from './formats.js';
import { askBody, standardSparqlJson } from './comunica-json.js';
import { fromNTriples, graphOutputOptions } from './graph-output.js';
import { isEngineFault } from './fault.js';
import { absoluteIris } from './iri.js';
import { countRows, overLimit } from './rows.js';
import { prepareWhenIdle } from './diagnosis.js';
import { engineMemory, settle } from './outcome.js';
import { comunicaMessage } from './comunica-message.js';
import { solutionSlice } from './comunica-slice.js';
import { EngineError, type Evaluation, type QueryJob, type WorkerInit, type WorkerReply, type WorkerRequest } from './types.js';

const init = workerData as WorkerInit;
const port = parentPort!;
// Comunica's N-Triples keep a typed literal as the query wrote it; the other formats go through
// Oxigraph's store, which writes the canonical form: N-Triples go through it too, so that they agree.
const output = { ...graphOutputOptions(init), canonical: true };

const MEDIA: Partial<Record<FormatKey, string>> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};

/** Never reached by the rdfjs bundle (it has no HTTP actors); a second line of defence. */
const denyFetch = async (input: unknown): Promise<Response> => {
  throw new Error(`outbound requests are disabled (${String(input)})`);
};

/**
 * The source for a job: the full store with a union default graph, or, when the protocol names
 * graphs (default-graph-uri / named-graph-uri), a store holding exactly that dataset.
 */
function sourceFor(store: Store, job: QueryJob, cache: Map<string, Store>): { source: Store; union: boolean } {
  if (!job.defaultGraphs?.length && !job.namedGraphs?.length) return { source: store, union: true };
  // A graph named twice is the same dataset: the key is the sorted distinct lists.
  const distinct = (graphs: string[] | undefined) => [...new Set(graphs ?? [])].sort();
  const [defaults, named] = [distinct(job.defaultGraphs), distinct(job.namedGraphs)];
  const key = JSON.stringify([defaults, named]);
  let ds = cache.get(key);
  if (!ds) {
    ds = new Store();
    for (const g of defaults) for (const q of store.getQuads(null, null, null, DataFactory.namedNode(g))) ds.addQuad(q.subject, q.predicate, q.object);
    for (const g of named) ds.addQuads(store.getQuads(null, null, null, DataFactory.namedNode(g)));
    // Each copy holds part of the data again: keep the few most recent.
    if (cache.size >= MAX_DATASETS) cache.delete(cache.keys().next().value!);
    cache.set(key, ds);
  }
  return { source: ds, union: false };
}

/** Protocol datasets (default-graph-uri / named-graph-uri combinations) kept built. */
const MAX_DATASETS = 8;

function checkRows(job: QueryJob, rows: number | undefined): void {
  if (job.maxRows > 0 && rows !== undefined && rows > job.maxRows) {
    throw new EngineError('rows', overLimit(job, rows));
  }
}

async function evaluate(engine: QueryEngine, store: Store, job: QueryJob, cache: Map<string, Store>): Promise<Evaluation> {
  const { source, union } = sourceFor(store, job, cache);
  const context = {
    sources: [source],
    unionDefaultGraph: union,
    '@comunica/bus-query-operation:readOnly': true,
    fetch: denyFetch,
    ...(job.base === undefined ? {} : { baseIRI: job.base }),
  };
  try {
    return await answer(engine, absoluteIris(job.query, job.base), job, context);
  } catch (e) {
    if (e instanceof EngineError || isEngineFault(e)) throw e;
    const syntax = await syntaxError(engine, job.query, context);
    if (syntax) throw syntax;
    throw e instanceof Error ? new Error(comunicaMessage(e.message)) : e;
  }
}

/**
 * Comunica words a failure of its parser or of its static checks like any other ("unexpected
 * character: …", "Variable not allowed in projection"): when a query fails, parsing it alone
 * tells which it was. A syntax error is reported for the query as the client wrote it, so its
 * offsets are the client's. Costs nothing when a query succeeds.
 */
async function syntaxError(engine: QueryEngine, query: string, context: object): Promise<EngineError | undefined> {
  try {
    await engine.explain(query, context as never, 'parsed');
    return undefined;
  } catch (e) {
    return isEngineFault(e) ? undefined : new EngineError('syntax', e instanceof Error ? e.message : String(e));
  }
}

/** Evaluates `text` (the job's query, relative IRIs resolved) and serializes its result in the job's format. */
async function answer(engine: QueryEngine, text: string, job: QueryJob, context: object): Promise<Evaluation> {
  // LIMIT and OFFSET of a CONSTRUCT, DESCRIBE or ASK cut solutions, not triples (see comunica-slice.ts)
  const sliced = job.form === 'SELECT' ? undefined : solutionSlice(text, job.base);
  const query = sliced?.algebra ?? text;
  if (sliced?.baseIRI) context = { ...context, baseIRI: sliced.baseIRI };
  if (job.form === 'ASK') return { body: askBody(await engine.queryBoolean(query as never, context as never), job.format) };
  if (job.form === 'SELECT') {
    const { data } = await engine.resultToString(await engine.query(text, context as never), MEDIA[job.format]);
    let body = '';
    for await (const chunk of data) body += String(chunk);
    if (job.format === 'json') body = standardSparqlJson(body);
    const rows = countRows(job.format, body);
    checkRows(job, rows);
    return { body, rows };
  }
  const writer = new Writer({ format: 'N-Triples' });
  // CONSTRUCT results are triples: any graph term is dropped in writing N-Triples. The answer is a
  // graph, a set: Comunica gives a triple once per solution, so the rows counted are the distinct
  // lines (one triple each), as Oxigraph's own N-Triples has them. Counting stops one past the
  // limit: a result of 815 409 triples ran into the timeout (503) before it was refused (an audit,
  // 2026-12-05).
  const lines = new Set<string>();
  const quads = await engine.queryQuads(query as never, context as never);
  try {
    for await (const q of quads) {
      // SPARQL 1.1 §16.2: a template triple whose subject is a literal, or whose predicate is no IRI, is
      // no triple and is left out of the answer; Comunica 5.4 keeps it (Oxigraph leaves it out).
      if ((q.subject.termType !== 'NamedNode' && q.subject.termType !== 'BlankNode') || q.predicate.termType !== 'NamedNode') continue;
      lines.add(writer.quadToString(q.subject as Quad['subject'], q.predicate as Quad['predicate'], q.object as Quad['object']).trimEnd());
      if (job.maxRows > 0 && lines.size > job.maxRows) throw new EngineError('rows', overLimit(job, undefined));
    }
  } finally {
    quads.destroy();
  }
  const nt = lines.size === 0 ? '' : `${[...lines].join('\n')}\n`;
  return { body: await fromNTriples(nt, job.format, output), rows: lines.size };
}

/** Syntax errors are found by `syntaxError`; any other failure is an evaluation error. */
const isSyntax = (): boolean => false;

try {
  const store = new Store(new Parser({ format: 'N-Quads' }).parse(readFileSync(init.datasetPath, 'utf8')));
  const engine = new QueryEngine();
  const cache = new Map<string, Store>();
  const touch = prepareWhenIdle();
  port.on('message', ({ id, job }: WorkerRequest) => {
    touch();
    void settle(port, id, job, () => evaluate(engine, store, job, cache), isSyntax).finally(touch);
  });
  port.postMessage({ ready: true, memory: engineMemory() } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ ready: false, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
}
