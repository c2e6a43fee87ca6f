// `npm run query`: a researcher's federated SPARQL CLI (Comunica) over our data joined with sources they name.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { QueryEngine } from '@comunica/query-sparql';
import { DataFactory, Parser, Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { analyseQuery, QueryRefusal } from '../engine/analyse.js';
import { askBody, standardSparqlJson } from '../engine/comunica-json.js';
import { ALL_FORMATS, findFormat } from '../engine/formats.js';
import { absoluteIris } from '../engine/iri.js';
import { buildConfig } from '../graph/config.js';
import { CONTEXT_DOCUMENT, PUBLISHED_CONTEXTS } from '../graph/context.js';
import { loadJsonLd } from '../graph/documents.js';
import { endpointIri } from '../server/service-description.js';
import { diagnose } from '../engine/diagnosis.js';
import { readableSyntaxError, undeclaredPrefix } from '../engine/syntax-message.js';
import { userPath } from './paths.js';

/** Default seconds a remote source or context may take to start answering (`--timeout`). */
const DEFAULT_TIMEOUT_S = 60;

const USAGE = `usage: npm run query -- [options] (QUERY | -f file.rq)

Runs a SPARQL query with Comunica over this dataset plus any sources you add. Relative IRIs
in a query with no BASE declaration resolve against the endpoint's IRI, as on the endpoint.
  -f, --file <path>        read the query from a file (e.g. queries/*.rq); relative paths are
                           taken from the directory you run npm in
  -s, --source <src>       add a source; repeatable:
                             a local RDF file (.ttl .nt .nq .trig .jsonld .rdf, each also .gz)
                                                                    → loaded into memory
                             sparql@https://…/sparql                → a SPARQL endpoint
                             https://…                              → any RDF document or TPF/QPF interface
  -e, --endpoint <url>     use our live endpoint (e.g. https://…/sparql) instead of the local dist/ dump
      --no-local           do not include this dataset at all (neither the dump nor -e)
  -t, --timeout <seconds>  how long a remote source or context may take to start answering
                           (default ${DEFAULT_TIMEOUT_S}); then the query fails
  -o, --format <type>      SELECT: text/csv (csv, the default), text/tab-separated-values (tsv),
                             application/sparql-results+json (json), application/sparql-results+xml
                             (xml), table (values cut at 50 characters), simple; these two show
                             line breaks and tabs in values as \\n, \\r and \\t
                           ASK: simple (the default), json, xml
                           CONSTRUCT, DESCRIBE: text/turtle (ttl, the default), application/n-triples
                             (nt), application/n-quads (nq), application/trig (trig),
                             application/ld+json (jsonld), text/n3
  -h, --help

Quote the query ('SELECT * WHERE { … }'): unquoted, the shell reads * and ? itself.

example:
  npm run query -- -f queries/sdg-coverage-per-goal.rq -s sparql@https://query.wikidata.org/sparql`;

const N3_FORMATS: Record<string, string> = { '.ttl': 'Turtle', '.nt': 'N-Triples', '.nq': 'N-Quads', '.trig': 'TriG' };

/** The longest a timer waits (2^31 − 1 ms); Node fires a longer one at once. */
const MAX_TIMEOUT_S = Math.floor((2 ** 31 - 1) / 1000);

type ResultType = 'bindings' | 'boolean' | 'quads';
/** What each kind of answer can be written as (Comunica's writers, each checked; ASK as XML is ours), the default first. */
const OUTPUTS: Record<ResultType, { form: string; formats: string[] }> = {
  bindings: { form: 'SELECT', formats: ['text/csv', 'text/tab-separated-values', 'application/sparql-results+json', 'application/sparql-results+xml', 'table', 'simple'] },
  boolean: { form: 'ASK', formats: ['simple', 'application/sparql-results+json', 'application/sparql-results+xml'] },
  quads: { form: 'CONSTRUCT and DESCRIBE', formats: ['text/turtle', 'application/n-triples', 'application/n-quads', 'application/trig', 'application/ld+json', 'text/n3'] },
};

/**
 * The format to write an answer of `type` in: the default, or the one `-o` names by media type,
 * alias or short name (`csv`, `ttl`, as the endpoint's `?format=`); an error listing them otherwise.
 */
function outputFormat(type: ResultType, asked: string | undefined): string {
  const { form, formats } = OUTPUTS[type];
  if (asked === undefined) return formats[0]!;
  const known = (format: string) => ALL_FORMATS.find((f) => f.mediaType === format);
  // a format of Comunica's own (table, simple) by its name; ours as the endpoint's ?format= names them
  const found = formats.find((format) => {
    const ours = known(format);
    return ours ? findFormat([ours], asked) !== undefined : format === asked.toLowerCase();
  });
  if (found) return found;
  const listed = formats.map((format) => (known(format) ? `${format} (${known(format)!.key})` : format));
  throw new Error(`-o ${asked} is not a format for ${form} answers; use one of: ${listed.join(', ')}`);
}

/**
 * This dataset's JSON-LD contexts by IRI (every published version, the current one of which our
 * documents and dumps name, and /context.jsonld), so a document of ours is read without fetching its context: the IRIs are
 * under the base (w3id.org), which the machine may not reach, and the context is here anyway.
 */
export function ownContexts(base: string): Map<string, object> {
  const contexts = new Map<string, object>([[`${base}context.jsonld`, CONTEXT_DOCUMENT]]);
  for (const [path, doc] of PUBLISHED_CONTEXTS) contexts.set(`${base}${path}`, doc);
  return contexts;
}

/** `fetch` answering requests for `contexts` from memory, and passing every other request to `fetch`. */
export function withOwnContexts(contexts: Map<string, object>, fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const own = contexts.get(url);
    if (!own) return fetch(input, init);
    return Promise.resolve(new Response(JSON.stringify(own), { headers: { 'content-type': 'application/ld+json' } }));
  };
}

interface Remote {
  /** Our own contexts by IRI (see `ownContexts`). */
  contexts: Map<string, object>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

async function loadJsonLdText(text: string, path: string, { contexts, fetch, timeoutMs }: Remote): Promise<Store> {
  const jsonld = await loadJsonLd();
  const documentLoader = async (url: string) => {
    // a context next to the document, named relative to it: a file of the researcher's own
    if (url.startsWith('file:')) return { contextUrl: undefined, documentUrl: url, document: JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as object };
    const res = await withOwnContexts(contexts, fetch)(url, { headers: { accept: 'application/ld+json, application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`context ${url}: HTTP ${res.status}`);
    return { contextUrl: undefined, documentUrl: url, document: await res.json() };
  };
  const doc = JSON.parse(text) as object;
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', base: pathToFileURL(path).href, documentLoader }).catch((e: { details?: { url?: string } }) => {
    // jsonld.js says only that "dereferencing a URL did not result in a valid JSON-LD object"
    const url = e.details?.url;
    throw url ? new Error(`cannot load the JSON-LD context ${url}`, { cause: rootCause(e) }) : e;
  });
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads as unknown as string));
}

/** The innermost error under `e` (through `cause`, and jsonld.js's `details.cause`): what really went wrong. */
function rootCause(e: unknown): unknown {
  const inner = (e as { details?: { cause?: unknown }; cause?: unknown } | undefined)?.details?.cause ?? (e as { cause?: unknown } | undefined)?.cause;
  return inner === undefined || inner === e ? e : rootCause(inner);
}

/**
 * Loads a local file into a store, its relative IRIs resolved against the file's URL; a `.gz` file
 * is read uncompressed, by the type before `.gz`. Errors name it as `shown` and keep their innermost cause.
 */
async function loadFile(path: string, remote: Remote, shown = path): Promise<Store> {
  const gzip = path.endsWith('.gz');
  const type = extname(gzip ? path.slice(0, -3) : path);
  try {
    if (statSync(path).isDirectory()) throw new Error('a directory, not an RDF file');
    const format = N3_FORMATS[type];
    if (!format && !['.jsonld', '.json', '.rdf'].includes(type)) throw new Error(`unsupported local file type ${type || '(none)'} (use .ttl, .nt, .nq, .trig, .jsonld or .rdf, each also .gz)`);
    const text = gzip ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
    const base = pathToFileURL(path).href;
    if (type === '.jsonld' || type === '.json') return await loadJsonLdText(text, path, remote);
    if (type === '.rdf') return new Store((await import('../graph/rdfxml.js')).parseRdfXml(text, base));
    return new Store(new Parser({ format, baseIRI: base }).parse(text));
  } catch (e) {
    const cause = rootCause(e);
    throw new Error(`${shown}: ${(e as Error).message}`, cause === e ? {} : { cause });
  }
}

/** Turns one --source argument into a Comunica source (a relative file path is the caller's, see `userPath`). */
export async function toSource(arg: string, remote: Remote): Promise<unknown> {
  if (arg.startsWith('sparql@')) return { type: 'sparql', value: arg.slice('sparql@'.length) };
  if (/^https?:\/\//.test(arg)) return arg;
  if (existsSync(userPath(arg))) return loadFile(userPath(arg), remote, arg);
  throw new Error(`source not found: ${arg}`);
}

/**
 * The query: the file's text, or the words given on the command line, joined by spaces. Refuses
 * both at once, and a word that names an existing file or a URL (a query file given without -f,
 * a source without -s, which would otherwise end up in the query's text).
 */
function queryText(file: string | undefined, words: string[]): string {
  if (file !== undefined && words.length > 0) throw new Error(`give the query with -f or as text, not both (text given: ${JSON.stringify(words.join(' ').slice(0, 60))})`);
  if (file !== undefined) return readQueryFile(file);
  const stray = words.find((w) => /^(?:https?:\/\/|sparql@)\S+$/.test(w) || (/\.(?:ttl|nt|nq|trig|jsonld|json|rdf|rq)(?:\.gz)?$/.test(w) && existsSync(userPath(w))));
  if (stray) throw new Error(`"${stray}" is not part of a query: ${stray.endsWith('.rq') ? `read a query file with -f ${stray}` : `add a source with -s ${stray}`}`);
  return words.join(' ');
}

/** A query file's text, without the byte order mark an editor may have written. */
function readQueryFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(userPath(file), 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new Error(`query file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (e as Error).message}`);
  }
  if (!text.trim()) throw new Error(`query file ${file} is empty`);
  return text;
}

/** Refuses SPARQL Update: the CLI only reads (Comunica, read-only, would say only that no actor handles it). */
function refuseUpdate(query: string): void {
  try {
    analyseQuery(query, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  } catch (e) {
    // other refusals (SERVICE, which is what this tool is for; a prefix) are not the CLI's
    if (e instanceof QueryRefusal && e.kind === 'update') throw new Error(`SPARQL Update (${/\(([A-Z]+)\)/.exec(e.message)?.[1] ?? 'an update'}) is not run: npm run query only reads`);
  }
}

/**
 * `fetch` whose failures name the URL they were for, up to its query (Node's say only "fetch
 * failed", or "terminated" for an answer cut off midway): both a request that fails and an answer
 * whose body fails while it is read. Timeouts and aborts pass as they are.
 */
function namingUrls(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // the source, without the query string (a whole SPARQL query, for an endpoint)
    const named = (e: unknown): unknown =>
      !(e instanceof Error) || e.name === 'TimeoutError' || e.name === 'AbortError' ? e : new Error(`${url.split('?')[0]}: ${e.message}`, { cause: e.cause ?? e });
    let res: Response;
    try {
      res = await fetch(input, init);
    } catch (e) {
      throw named(e);
    }
    if (!res.body) return res;
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (e) {
          controller.error(named(e));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const wrapped = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    // where the answer came from, after redirects: a document's base IRI
    Object.defineProperty(wrapped, 'url', { value: res.url });
    return wrapped;
  };
}

/** A call with nothing to run: the CLI prints the usage text too, and exits with 2, as for a wrong option. */
export class UsageError extends Error {}

/**
 * Runs the CLI's arguments and resolves to what it prints: the whole answer (or the usage text).
 * `fetch` is what every outbound request goes through (requests for our own JSON-LD contexts are
 * answered from memory first).
 *
 * @example
 * process.stdout.write(await runQuery(['-f', 'queries/stated-links.rq']));
 */
export async function runQuery(argv: string[], fetch = globalThis.fetch): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string', short: 'f' },
      source: { type: 'string', short: 's', multiple: true },
      endpoint: { type: 'string', short: 'e' },
      'no-local': { type: 'boolean' },
      format: { type: 'string', short: 'o' },
      timeout: { type: 'string', short: 't' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return `${USAGE}\n`;
  // checked first: `-t` with its value missing takes the query as its value
  const timeout = Number(values.timeout ?? DEFAULT_TIMEOUT_S);
  if (!(timeout > 0)) throw new Error(`--timeout must be a number of seconds above 0, not ${JSON.stringify(values.timeout)}`);
  if (timeout > MAX_TIMEOUT_S) throw new Error(`--timeout can be at most ${MAX_TIMEOUT_S} seconds (about 24 days), not ${JSON.stringify(values.timeout)}`);
  if (values['no-local'] && values.endpoint !== undefined) throw new Error('--no-local leaves out this dataset, and -e names where to query it: give one of them');
  const query = queryText(values.file, positionals);
  if (!query.trim()) throw new UsageError('no query given: name one, or a file with -f');
  refuseUpdate(query);
  const cfg = buildConfig();
  const remote: Remote = { contexts: ownContexts(cfg.base), fetch: namingUrls(fetch), timeoutMs: timeout * 1000 };
  const sources: unknown[] = await Promise.all((values.source ?? []).map((arg) => toSource(arg, remote)));
  if (!values['no-local']) {
    const local = values.endpoint ? { type: 'sparql', value: values.endpoint } : await loadFile(`${cfg.distDir}/dataset.nq`, remote);
    sources.unshift(local);
  }
  if (sources.length === 0) throw new Error('no sources: drop --no-local or add --source');
  // Comunica would fill in prefixes of its own (skos: as the 2008 draft namespace, …): an
  // undeclared prefix is an error here, as on the endpoint.
  const undeclared = undeclaredPrefix(query);
  if (undeclared) throw new Error(`syntax error: ${undeclared}`);
  const engine = new QueryEngine();
  const context = {
    sources,
    unionDefaultGraph: true,
    baseIRI: endpointIri(cfg.base),
    fetch: withOwnContexts(remote.contexts, remote.fetch),
    httpTimeout: remote.timeoutMs,
    '@comunica/bus-query-operation:readOnly': true,
  };
  // Comunica's parser resolves relative IRIs without removing dot-segments: they go to it absolute.
  const result = await engine.query(absoluteIris(query, context.baseIRI), context as never).catch((e: Error) => {
    // A syntax error is said as on the endpoint: where, and what was expected there.
    throw diagnose(query) ? new Error(`syntax error: ${readableSyntaxError(e.message, query)}`) : e;
  });
  if (result.resultType === 'void') throw new Error('npm run query only reads'); // refused above; never reached
  const format = outputFormat(result.resultType, values.format);
  // Comunica 5.4 fails to write ASK as SPARQL XML: written as the endpoint's Comunica engine writes it
  if (result.resultType === 'boolean' && format === 'application/sparql-results+xml') return `${askBody(await result.execute(), 'xml')}\n`;
  const { data } = await engine.resultToString(result.resultType === 'bindings' && (format === 'table' || format === 'simple') ? withVisibleBreaks(result) : result, format);
  // the whole answer first, so that a source failing midway leaves no partial answer on stdout
  const chunks: string[] = [];
  await new Promise((resolve, reject) => data.on('data', (c: Buffer | string) => chunks.push(String(c))).on('end', resolve).on('error', reject));
  const text = chunks.join('');
  return result.resultType === 'bindings' && format === 'application/sparql-results+json' ? standardSparqlJson(text) : text;
}

/** Line breaks and tabs in a value, and how `table` and `simple` show them: as escapes, each on the value's own row. */
const BREAKS = /\r\n|[\r\n\t]/g;
const ESCAPES: Record<string, string> = { '\r\n': '\\r\\n', '\r': '\\r', '\n': '\\n', '\t': '\\t' };

/**
 * SELECT results for the `table` and `simple` formats, which are for reading: a literal's line
 * breaks and tabs written as `\n`, `\r` and `\t`. Comunica writes them as they are, so a value
 * with a line break broke its row in two and the table's columns with it. CSV, TSV, JSON and XML
 * keep every value as it is.
 */
type BindingsResult = Extract<Awaited<ReturnType<QueryEngine['query']>>, { resultType: 'bindings' }>;

function withVisibleBreaks(result: BindingsResult): BindingsResult {
  const visible = (term: RDF.Term): RDF.Term =>
    term.termType === 'Literal' && /[\r\n\t]/.test(term.value) ? DataFactory.literal(term.value.replace(BREAKS, (b) => ESCAPES[b]!), term.language || term.datatype) : term;
  return { ...result, execute: async (opts) => (await result.execute(opts)).map((bindings) => bindings.map(visible)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `| head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  runQuery(process.argv.slice(2))
    .then((out) => process.stdout.write(out))
    .catch((e: Error & { cause?: { message?: string; code?: unknown } }) => {
      if (e instanceof UsageError) {
        console.error(`query: ${e.message}\n${USAGE}`);
        process.exit(2);
      }
      const cause = typeof e.cause?.code === 'string' ? e.cause.code : e.cause?.message;
      // A source's error can carry a whole HTML page: its first line is enough.
      const [first = '', ...rest] = e.message.split('\n');
      const message = first.length > 300 || rest.length ? `${first.slice(0, 300)} …` : first;
      console.error(`query failed: ${message}${cause ? ` (${cause})` : ''}`);
      process.exit(1);
    });
}
