// Differential testing helper: runs one query on Oxigraph and Comunica over the same dist/ and compares.
import jsonld from 'jsonld';
import { analyseQuery } from './analyse.js';
import { createEngine } from './index.js';
import type { Engine, EngineName } from './types.js';

type Binding = Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>;

/** A result reduced to a comparable form: rows (sorted, unless the query orders them), a boolean, or canonical N-Quads. */
export type Normalized = { kind: 'solutions'; rows: string[] } | { kind: 'boolean'; value: boolean } | { kind: 'graph'; nquads: string };

export interface BothResult {
  oxigraph: Normalized;
  comunica: Normalized;
  same: boolean;
}

const engines = new Map<string, Map<EngineName, Engine>>();

async function enginesFor(distDir: string): Promise<Map<EngineName, Engine>> {
  if (!engines.has(distDir)) {
    const pair = new Map<EngineName, Engine>(
      (['oxigraph', 'comunica'] as const).map((name) => [name, createEngine({ engine: name, distDir, workers: 1, timeoutMs: 30_000 })]),
    );
    engines.set(distDir, pair);
    await Promise.all([...pair.values()].map((e) => e.ready()));
  }
  return engines.get(distDir)!;
}

/** One row as a string; blank node labels are engine-specific, so they are all written `_:b`. */
function rowKey(b: Binding): string {
  const cells = Object.keys(b)
    .sort()
    .map((v) => {
      const t = b[v]!;
      const value = t.type === 'bnode' ? '_:b' : t.value;
      return `${v}=${t.type === 'typed-literal' ? 'literal' : t.type}|${value}|${t['xml:lang'] ?? ''}|${t.datatype ?? ''}`;
    });
  return cells.join(' ');
}

async function normalize(body: string, form: string, ordered: boolean): Promise<Normalized> {
  if (form === 'ASK') return { kind: 'boolean', value: (JSON.parse(body) as { boolean: boolean }).boolean };
  if (form === 'SELECT') {
    const rows = (JSON.parse(body) as { results: { bindings: Binding[] } }).results.bindings.map(rowKey);
    return { kind: 'solutions', rows: ordered ? rows : rows.sort() };
  }
  const nquads = await jsonld.canonize(body as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never);
  return { kind: 'graph', nquads: String(nquads) };
}

/**
 * Runs a query on both engines (started once per dist directory, then reused) and compares the
 * results: SELECT as a multiset of rows (as a sequence where the query has an ORDER BY), ASK as a boolean, CONSTRUCT as canonical N-Quads
 * (isomorphism). DESCRIBE is engine-defined, so compare engines with CONSTRUCT instead.
 *
 * @example
 * const { same, oxigraph, comunica } = await runBoth(readFileSync('queries/x.rq', 'utf8'));
 * expect(comunica).toEqual(oxigraph);
 */
export async function runBoth(query: string, options: { distDir?: string } = {}): Promise<BothResult> {
  const { form, ordered = false } = analyseQuery(query, 256);
  const format = form === 'CONSTRUCT' || form === 'DESCRIBE' ? 'nt' : 'json';
  const pair = await enginesFor(options.distDir ?? 'dist');
  const run = async (name: EngineName) => {
    const { body } = await pair.get(name)!.query({ query, form, format, maxRows: 0 });
    return normalize(new TextDecoder().decode(body), form, ordered);
  };
  const [oxigraph, comunica] = await Promise.all([run('oxigraph'), run('comunica')]);
  return { oxigraph, comunica, same: JSON.stringify(oxigraph) === JSON.stringify(comunica) };
}

/** Stops the engines runBoth started (call it in afterAll). */
export async function closeBoth(): Promise<void> {
  const all = [...engines.values()].flatMap((pair) => [...pair.values()]);
  engines.clear();
  await Promise.all(all.map((e) => e.close()));
}
