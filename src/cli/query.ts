// `npm run query`: a researcher's federated SPARQL CLI (Comunica) over our data joined with sources they name.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { QueryEngine } from '@comunica/query-sparql';
import { Parser, Store } from 'n3';
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
                             a local RDF file (.ttl .nt .nq .trig .jsonld) → loaded into memory
                             sparql@https://…/sparql                → a SPARQL endpoint
                             https://…                              → any RDF document or TPF/QPF interface
  -e, --endpoint <url>     use our live endpoint (e.g. https://…/sparql) instead of the local dist/ dump
      --no-local           do not include this dataset at all
  -t, --timeout <seconds>  how long a remote source or context may take to start answering
                           (default ${DEFAULT_TIMEOUT_S}); then the query fails
  -o, --format <type>      text/csv (default for SELECT), table (values cut at 50 characters),
                           application/sparql-results+json, text/turtle (default for CONSTRUCT), …
  -h, --help

example:
  npm run query -- -f queries/sdg-coverage-per-goal.rq -s sparql@https://query.wikidata.org/sparql`;

const N3_FORMATS: Record<string, string> = { '.ttl': 'Turtle', '.nt': 'N-Triples', '.nq': 'N-Quads', '.trig': 'TriG' };


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

async function loadJsonLdFile(path: string, { contexts, fetch, timeoutMs }: Remote): Promise<Store> {
  const jsonld = await loadJsonLd();
  const documentLoader = async (url: string) => {
    const res = await withOwnContexts(contexts, fetch)(url, { headers: { accept: 'application/ld+json, application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`context ${url}: HTTP ${res.status}`);
    return { contextUrl: undefined, documentUrl: url, document: await res.json() };
  };
  const doc = JSON.parse(readFileSync(path, 'utf8')) as object;
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

/** Loads a local file into a store; errors name it as `shown` and keep their innermost cause. */
async function loadFile(path: string, remote: Remote, shown = path): Promise<Store> {
  const type = extname(path);
  try {
    if (type === '.jsonld' || type === '.json') return await loadJsonLdFile(path, remote);
    const format = N3_FORMATS[type];
    if (!format) throw new Error(`unsupported local file type ${type} (use .ttl, .nt, .nq, .trig or .jsonld)`);
    return new Store(new Parser({ format }).parse(readFileSync(path, 'utf8')));
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
 * both at once, and a word after the query's first that names an existing file or a URL (a source
 * given without -s, which would otherwise end up in the query's text).
 */
function queryText(file: string | undefined, words: string[]): string {
  if (file !== undefined && words.length > 0) throw new Error(`give the query with -f or as text, not both (text given: ${JSON.stringify(words.join(' ').slice(0, 60))})`);
  if (file !== undefined) return readQueryFile(file);
  const stray = words.slice(1).find((w) => /^(?:https?:\/\/|sparql@)\S+$/.test(w) || (/\.(?:ttl|nt|nq|trig|jsonld|rq)$/.test(w) && existsSync(userPath(w))));
  if (stray) throw new Error(`"${stray}" is not part of a query: ${stray.endsWith('.rq') ? `read a query file with -f ${stray}` : `add a source with -s ${stray}`}`);
  return words.join(' ');
}

function readQueryFile(file: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (e) {
    throw new Error(`query file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (e as Error).message}`);
  }
}

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
  const query = queryText(values.file, positionals);
  if (!query.trim()) return `${USAGE}\n`;
  const timeout = Number(values.timeout ?? DEFAULT_TIMEOUT_S);
  if (!(timeout > 0)) throw new Error(`--timeout must be a number of seconds above 0, not ${JSON.stringify(values.timeout)}`);
  const cfg = buildConfig();
  const remote: Remote = { contexts: ownContexts(cfg.base), fetch, timeoutMs: timeout * 1000 };
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
    fetch: withOwnContexts(remote.contexts, fetch),
    httpTimeout: remote.timeoutMs,
    '@comunica/bus-query-operation:readOnly': true,
  };
  // Comunica's parser resolves relative IRIs without removing dot-segments: they go to it absolute.
  const result = await engine.query(absoluteIris(query, context.baseIRI), context as never).catch((e: Error) => {
    // A syntax error is said as on the endpoint: where, and what was expected there.
    throw diagnose(query) ? new Error(`syntax error: ${readableSyntaxError(e.message, query)}`) : e;
  });
  const defaults = { quads: 'text/turtle', bindings: 'text/csv', boolean: 'simple', void: 'simple' } as const;
  const format = values.format ?? defaults[result.resultType];
  const { data } = await engine.resultToString(result, format);
  // the whole answer first, so that a source failing midway leaves no partial answer on stdout
  const chunks: string[] = [];
  await new Promise((resolve, reject) => data.on('data', (c: Buffer | string) => chunks.push(String(c))).on('end', resolve).on('error', reject));
  return chunks.join('');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `| head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  runQuery(process.argv.slice(2))
    .then((out) => process.stdout.write(out))
    .catch((e: Error & { cause?: { message?: string; code?: unknown } }) => {
      const cause = typeof e.cause?.code === 'string' ? e.cause.code : e.cause?.message;
      // A source's error can carry a whole HTML page: its first line is enough.
      const [first = '', ...rest] = e.message.split('\n');
      const message = first.length > 300 || rest.length ? `${first.slice(0, 300)} …` : first;
      console.error(`query failed: ${message}${cause ? ` (${cause})` : ''}`);
      process.exit(1);
    });
}
