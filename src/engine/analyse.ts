// A linear-time lexical pre-check of SPARQL text: query form, updates, SERVICE, dataset clauses, nesting depth, chain length.
import { CHAIN_KEYWORDS, ChainMeter, DEFAULT_MAX_CHAIN } from './chain.js';
import type { QueryForm } from './formats.js';

/** Why a query was refused before it reached an engine; the HTTP layer maps each to a status. */
export type RefusalKind = 'update' | 'service' | 'depth' | 'chain' | 'empty' | 'syntax';

export class QueryRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
  }
}

export interface QueryAnalysis {
  form: QueryForm;
  /** IRIs of `FROM` clauses, resolved against BASE/PREFIX declarations. */
  from: string[];
  /** IRIs of `FROM NAMED` clauses. */
  fromNamed: string[];
  /** Deepest nesting of `{`, `(` and `[` seen. */
  depth: number;
  /** The longest chain of operators, pattern elements and nesting (see ChainMeter). */
  chain: number;
  /** Character ranges [start, end) of the FROM / FROM NAMED clauses. */
  datasetClauses: Array<[number, number]>;
}

const FORMS = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);
const UPDATES = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);
const IRIREF = /<([^<>"{}|^`\\\u0000-\u0020]*)>/y;
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
// A local name ends at whitespace, punctuation and the path and expression operators (`:a/:b`
// is a path of two names); those characters may only appear escaped (`\/`).
const PN_LOCAL = /(?:\\.|[^\s{}()[\],;<>"'#/|^*+?!=&\\])*/y;
const STRING = /'''(?:[^'\\]|\\.|'(?!''))*'''|"""(?:[^"\\]|\\.|"(?!""))*"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"/y;

type Token = { t: 'iri' | 'kw' | 'pname'; v: string; start: number; end: number };

/** The match of a sticky regex at `i`, or undefined. */
function at(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** ASCII letter or `_` (what `/[A-Za-z_]/` tests), by char code. */
const isWordStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** Operators that chain (each a node of the expression or path tree); two-character ones count once. */
const OPERATORS = new Set(['|', '&', '!', '=', '<', '>', '+', '-', '*', '/', '^']);
const PAIRS = new Set(['||', '&&', '!=', '<=', '>=', '^^']);
/** Separators: of triple patterns (which chain joins) in a group or a blank node's property list. */
const SEPARATORS = new Set(['.', ';', ',']);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Feeds an unrecognised character to the chain meter; returns how many characters it used. */
function meter(text: string, i: number, chain: ChainMeter): number {
  const c = text[i]!;
  if (OPERATORS.has(c)) {
    chain.unit();
    return PAIRS.has(text.slice(i, i + 2)) ? 2 : 1;
  }
  // A '.' between digits is a decimal point, not a separator.
  if (SEPARATORS.has(c) && !(c === '.' && isDigit(text.charCodeAt(i + 1)))) chain.separator();
  return 1;
}

function* tokens(text: string, maxDepth: number, seen: { depth: number }, chain: ChainMeter): Generator<Token> {
  let depth = 0;
  let iri: string | undefined;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (c === '"' || c === "'") {
      const s = at(STRING, text, i);
      if (!s) throw new QueryRefusal('syntax', `unterminated string at offset ${i}`);
      i += s.length;
    } else if (c === '<' && (iri = at(IRIREF, text, i)) !== undefined) {
      yield { t: 'iri', v: iri.slice(1, -1), start: i, end: i + iri.length };
      i += iri.length;
    } else if (c === '{' || c === '(' || c === '[') {
      depth++;
      if (depth > seen.depth) seen.depth = depth;
      if (depth > maxDepth) throw new QueryRefusal('depth', `query nesting deeper than ${maxDepth} levels (the server's MAX_QUERY_DEPTH)`);
      chain.open(c);
      i++;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
      chain.close();
      i++;
    } else if (c === '?' || c === '$' || c === '@') {
      i++;
      i += at(WORD, text, i)?.length ?? 0;
    } else if (isWordStart(text.charCodeAt(i)) || c === ':') {
      const start = i;
      const w = at(WORD, text, i) ?? '';
      i += w.length;
      if (text[i] === ':') {
        i++;
        const local = at(PN_LOCAL, text, i) ?? '';
        i += local.length;
        yield { t: 'pname', v: `${w}:${local.replace(/\.+$/, '')}`, start, end: i };
      } else yield { t: 'kw', v: w.toUpperCase(), start, end: i };
    } else i += meter(text, i, chain);
  }
}

function resolve(token: Token, prefixes: Map<string, string>, base: string | undefined): string {
  if (token.t === 'pname') {
    const colon = token.v.indexOf(':');
    const ns = prefixes.get(token.v.slice(0, colon));
    if (ns === undefined) throw new QueryRefusal('syntax', `undeclared prefix in ${token.v}`);
    return ns + token.v.slice(colon + 1);
  }
  try {
    return base ? new URL(token.v, base).href : token.v;
  } catch {
    return token.v;
  }
}

/** Refuses a query whose chain (see ChainMeter) is longer than the engine safely handles. */
function checkChain(chain: number, maxChain: number): void {
  if (chain <= maxChain) return;
  throw new QueryRefusal(
    'chain',
    `query too complex: it chains about ${chain} operators, patterns and nesting levels, more than the limit of ${maxChain} ` +
      `(the server's MAX_QUERY_CHAIN); write long ||-chains as IN (…) or VALUES, or split the query`,
  );
}

/**
 * Classifies a SPARQL request without a full parse, in time linear in its length, so that
 * updates, `SERVICE`, pathological nesting and chains too long for the engine (a few KB of
 * `1+1+…` or `!!!…` overflow Oxigraph's stack) are refused before any parser sees them.
 * Keywords inside strings, IRIs, comments and variable names are ignored.
 *
 * @example
 * analyseQuery('SELECT * FROM <g> { ?s ?p ?o }', 64) // { form: 'SELECT', from: ['g'], fromNamed: [], depth: 1, chain: 5, … }
 * analyseQuery(`SELECT * { FILTER(${'!'.repeat(500)}true) }`, 64) // throws QueryRefusal('chain', 'query too complex: …')
 */
export function analyseQuery(text: string, maxDepth: number, maxChain: number = DEFAULT_MAX_CHAIN): QueryAnalysis {
  const seen = { depth: 0 };
  const chain = new ChainMeter();
  const prefixes = new Map<string, string>();
  const out: QueryAnalysis = { form: 'SELECT', from: [], fromNamed: [], depth: 0, chain: 0, datasetClauses: [] };
  let base: string | undefined;
  let form: QueryForm | undefined;
  const it = tokens(text, maxDepth, seen, chain);
  for (let next = it.next(); !next.done; next = it.next()) {
    const tok = next.value;
    if (tok.t !== 'kw') continue;
    if (CHAIN_KEYWORDS.has(tok.v)) chain.unit();
    if (!form && tok.v === 'PREFIX') {
      const name = it.next().value as Token | undefined;
      const iri = it.next().value as Token | undefined;
      if (name && iri?.t === 'iri') prefixes.set(name.v.replace(/:.*$/, ''), resolve(iri, prefixes, base));
    } else if (!form && tok.v === 'BASE') {
      const iri = it.next().value as Token | undefined;
      if (iri?.t === 'iri') base = resolve(iri, prefixes, base);
    } else if (!form && UPDATES.has(tok.v)) {
      throw new QueryRefusal('update', `SPARQL Update (${tok.v}) is not accepted: this endpoint is read-only`);
    } else if (!form && FORMS.has(tok.v)) {
      form = tok.v as QueryForm;
    } else if (tok.v === 'SERVICE') {
      throw new QueryRefusal('service', 'SERVICE is not supported: this endpoint never queries other endpoints');
    } else if (form && tok.v === 'FROM') {
      let target = it.next().value as Token | undefined;
      const named = target?.t === 'kw' && target.v === 'NAMED';
      if (named) target = it.next().value as Token | undefined;
      if (!target || target.t === 'kw') throw new QueryRefusal('syntax', 'FROM must be followed by an IRI');
      (named ? out.fromNamed : out.from).push(resolve(target, prefixes, base));
      out.datasetClauses.push([tok.start, target.end]);
    }
  }
  if (!form) throw new QueryRefusal('empty', 'no SELECT, ASK, CONSTRUCT or DESCRIBE query found');
  const longest = chain.total();
  checkChain(longest, maxChain);
  return { ...out, form, depth: seen.depth, chain: longest };
}

/**
 * Blanks out FROM / FROM NAMED clauses (same length, so error positions still match), for when
 * the protocol's default-graph-uri / named-graph-uri replace them (SPARQL 1.1 Protocol §2.1.4).
 *
 * @example
 * withoutDatasetClauses('SELECT * FROM <g> {}', [[9, 17]]) // 'SELECT *          {}'
 */
export function withoutDatasetClauses(query: string, clauses: Array<[number, number]>): string {
  let out = query;
  for (const [start, end] of clauses) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}
