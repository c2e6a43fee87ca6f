// `npm run query`: a researcher's federated SPARQL CLI (Comunica) over our data joined with sources they name.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { QueryEngine } from '@comunica/query-sparql';
import { Parser, Store } from 'n3';
import { buildConfig } from '../graph/config.js';
import { undeclaredPrefix } from '../server/syntax-message.js';

const USAGE = `usage: npm run query -- [options] (QUERY | -f file.rq)

Runs a SPARQL query with Comunica over this dataset plus any sources you add.
  -f, --file <path>        read the query from a file (e.g. queries/*.rq)
  -s, --source <src>       add a source; repeatable:
                             a local RDF file (.ttl .nt .nq .trig)  → loaded into memory
                             sparql@https://…/sparql                → a SPARQL endpoint
                             https://…                              → any RDF document or TPF/QPF interface
  -e, --endpoint <url>     use our live endpoint (e.g. https://…/sparql) instead of the local dist/ dump
      --no-local           do not include this dataset at all
  -o, --format <type>      text/csv (default for SELECT), table (values cut at 50 characters),
                           application/sparql-results+json, text/turtle (default for CONSTRUCT), …
  -h, --help

example:
  npm run query -- -f queries/sdg-coverage-per-goal.rq -s sparql@https://query.wikidata.org/sparql`;

const N3_FORMATS: Record<string, string> = { '.ttl': 'Turtle', '.nt': 'N-Triples', '.nq': 'N-Quads', '.trig': 'TriG' };

function loadFile(path: string): Store {
  const format = N3_FORMATS[extname(path)];
  if (!format) throw new Error(`unsupported local file type ${extname(path)} (use .ttl, .nt, .nq or .trig)`);
  try {
    return new Store(new Parser({ format }).parse(readFileSync(path, 'utf8')));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

/** Turns one --source argument into a Comunica source. */
export function toSource(arg: string): unknown {
  if (arg.startsWith('sparql@')) return { type: 'sparql', value: arg.slice('sparql@'.length) };
  if (/^https?:\/\//.test(arg)) return arg;
  if (existsSync(arg)) return loadFile(arg);
  throw new Error(`source not found: ${arg}`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: 'string', short: 'f' },
      source: { type: 'string', short: 's', multiple: true },
      endpoint: { type: 'string', short: 'e' },
      'no-local': { type: 'boolean' },
      format: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const query = values.file ? readFileSync(values.file, 'utf8') : positionals.join(' ');
  if (values.help || !query.trim()) {
    console.log(USAGE);
    return;
  }
  const sources: unknown[] = (values.source ?? []).map(toSource);
  if (!values['no-local']) {
    const local = values.endpoint ? { type: 'sparql', value: values.endpoint } : loadFile(`${buildConfig().distDir}/dataset.nq`);
    sources.unshift(local);
  }
  if (sources.length === 0) throw new Error('no sources: drop --no-local or add --source');
  // Comunica would fill in prefixes of its own (skos: as the 2008 draft namespace, …): an
  // undeclared prefix is an error here, as on the endpoint.
  const undeclared = undeclaredPrefix(query);
  if (undeclared) throw new Error(`syntax error: ${undeclared}`);
  const engine = new QueryEngine();
  const result = await engine.query(query, { sources, unionDefaultGraph: true, '@comunica/bus-query-operation:readOnly': true } as never);
  const defaults = { quads: 'text/turtle', bindings: 'text/csv', boolean: 'simple', void: 'simple' } as const;
  const format = values.format ?? defaults[result.resultType];
  const { data } = await engine.resultToString(result, format);
  // the whole answer first, so that a source failing midway leaves no partial answer on stdout
  const chunks: string[] = [];
  await new Promise((resolve, reject) => data.on('data', (c: Buffer | string) => chunks.push(String(c))).on('end', resolve).on('error', reject));
  process.stdout.write(chunks.join(''));
}

// `| head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

main().catch((e: Error & { cause?: { message?: string; code?: string } }) => {
  const cause = e.cause?.code ?? e.cause?.message;
  console.error(`query failed: ${e.message}${cause ? ` (${cause})` : ''}`);
  process.exit(1);
});
