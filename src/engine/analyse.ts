// A linear-time lexical pre-check of SPARQL text: query form, updates, SERVICE, undeclared prefixes, dataset clauses, nesting depth, chain length.
import { CHAIN_KEYWORDS, ChainMeter, DEFAULT_MAX_CHAIN } from './chain.js';
import type { QueryForm } from './formats.js';
import { resolveIri, unescapeIri } from './iri.js';
import { QueryRefusal, tokens, type Token } from './lexer.js';

export { QueryRefusal } from './lexer.js';

export interface QueryAnalysis {
  form: QueryForm;
  /** IRIs of `FROM` clauses, resolved against BASE/PREFIX declarations. */
  from: string[];
  /** IRIs of `FROM NAMED` clauses. */
  fromNamed: string[];
  /** Deepest nesting of `{`, `(` and `[` seen. */
  depth: number;
  /** The longest chain of operators, patterns and nesting (see ChainMeter). */
  chain: number;
  /** Character ranges [start, end) of the FROM / FROM NAMED clauses. */
  datasetClauses: Array<[number, number]>;
  /** Where the keyword of the query's own LIMIT (not a subquery's) ends. */
  limitAt?: number;
  /** Whether the query itself (not a subquery) has an ORDER BY: its solutions come in a defined order. */
  ordered?: true;
  /** Where the query's trailing VALUES clause starts, after its solution modifiers. */
  valuesAt?: number;
  /** Whether it calls a function whose value is new at each execution (NOW, RAND, UUID, STRUUID): its answer is not kept. */
  volatile?: true;
}

const FORMS = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);
/** Functions whose value is new at each execution of a query (SPARQL 1.1 §17.4.5.1, §17.4.4.x, §17.4.2.12–13). */
const VOLATILE = new Set(['NOW', 'RAND', 'UUID', 'STRUUID']);
const UPDATES = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);

const prefixOf = (name: Token): string => name.v.slice(0, name.v.indexOf(':'));

function resolve(token: Token, prefixes: Map<string, string>, base: string | undefined): string {
  if (token.t === 'pname') {
    const prefix = prefixOf(token);
    const ns = prefixes.get(prefix);
    if (ns === undefined) throw new QueryRefusal('syntax', `undeclared prefix "${prefix}:"`, token.start);
    return ns + token.v.slice(prefix.length + 1).replace(/\\(.)/g, '$1'); // PN_LOCAL_ESC: `\/` is `/`
  }
  return resolveIri(unescapeIri(token.v), base);
}

/**
 * Refuses a prefixed name whose prefix the query has not declared. SPARQL has no built-in prefixes,
 * and an engine that fills in its own (Comunica: `skos:` as the 2008 draft namespace) would quietly
 * match nothing. A name inside an IRI the parser cannot read is left to the parser's message.
 */
function checkDeclared(name: Token, declared: Set<string>): void {
  const prefix = prefixOf(name);
  if (prefix === '_' || name.inBrokenIri || declared.has(prefix)) return; // `_:b` is a blank node
  throw new QueryRefusal('syntax', `undeclared prefix "${prefix}:"`, name.start);
}

/** Blanks and comments (which end at either line-break character, as in Oxigraph). */
const BLANKS = /(?:[ \t\r\n]|#[^\n\r]*)*/y;

/** Where the first character that is no blank and in no comment is, at or after `from` (the text's length if none is). */
function significant(text: string, from: number): number {
  BLANKS.lastIndex = from;
  BLANKS.exec(text);
  return BLANKS.lastIndex;
}

/** What a reader sees as one token where a query form was expected: a prefixed name, a word, an IRI, a string, a variable, a number, or one character. */
const FOUND = /(?:[A-Za-z_][\w.-]*)?:[^\s{}()[\],;<>"'#]*|[A-Za-z_]\w*|<[^<>\s]{0,60}>|"[^"\\\n\r]{0,40}"|'[^'\\\n\r]{0,40}'|[?$]\w*|[0-9]+(?:\.[0-9]+)?|[\s\S]/uy;

const QUERY_FORMS = ['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE'];

/** Whether `a` becomes `b` by at most one edit (a letter added, dropped, changed, or two swapped). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const [tailA, tailB] = [a.slice(i), b.slice(i)];
  return tailA.slice(1) === tailB.slice(1) || tailA.slice(1) === tailB || tailA === tailB.slice(1) || (tailA[0] === tailB[1] && tailA[1] === tailB[0] && tailA.slice(2) === tailB.slice(2));
}

/**
 * The refusal of a text in which no query form follows its PREFIX and BASE declarations (a
 * misspelt `SELEC`, a bare `{ … }`, only declarations or comments): a syntax error at what stands
 * where the form should, said as the parser's errors are. A text of blanks alone is empty.
 */
function noQueryForm(text: string, prologueEnd: number): QueryRefusal {
  if (!text.trim()) return new QueryRefusal('empty', 'the query is empty');
  const at = significant(text, prologueEnd);
  const expected = 'expected SELECT, ASK, CONSTRUCT or DESCRIBE but found';
  if (at >= text.length) return new QueryRefusal('syntax', `${expected} the end of the query`, at);
  FOUND.lastIndex = at;
  const found = FOUND.exec(text)![0];
  // A declaration not whole (`PREFIX ex <…>`, `BASE ex:`): what it lacks, after its keyword.
  const keyword = found.toUpperCase();
  if (keyword === 'PREFIX') return new QueryRefusal('syntax', 'PREFIX must be followed by a prefix name ending in ":" and an IRI in <…>', significant(text, at + found.length));
  if (keyword === 'BASE') return new QueryRefusal('syntax', 'BASE must be followed by an IRI in <…>', significant(text, at + found.length));
  const meant = QUERY_FORMS.find((form) => oneEditApart(keyword, form));
  const shown = found.includes('"') ? `'${found}'` : `"${found}"`;
  return new QueryRefusal('syntax', `${expected} ${shown}${meant ? ` (is ${meant} misspelt?)` : ''}`, at);
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
 * updates, `SERVICE`, undeclared prefixes, pathological nesting and chains too long for the
 * engine (a few KB of `1+1+…` or `!!!…` overflow Oxigraph's stack) are refused before any parser
 * sees them.
 * Keywords inside strings, IRIs, comments and variable names are ignored. Relative IRIs in FROM
 * resolve against the query's BASE, or else `defaultBase` (the service's base IRI).
 *
 * @example
 * analyseQuery('SELECT * FROM <g> { ?s ?p ?o }', 64) // { form: 'SELECT', from: ['g'], fromNamed: [], depth: 1, chain: 5, … }
 * analyseQuery(`SELECT * { FILTER(${'!'.repeat(500)}true) }`, 64) // throws QueryRefusal('chain', 'query too complex: …')
 */
export function analyseQuery(text: string, maxDepth: number, maxChain: number = DEFAULT_MAX_CHAIN, defaultBase?: string): QueryAnalysis {
  const seen = { depth: 0 };
  const chain = new ChainMeter();
  const prefixes = new Map<string, string>();
  const out: QueryAnalysis = { form: 'SELECT', from: [], fromNamed: [], depth: 0, chain: 0, datasetClauses: [] };
  let base = defaultBase;
  let form: QueryForm | undefined;
  /** Prefixes the query declares, their IRIs readable or not (a broken one is the parser's to report). */
  const declared = new Set<string>();
  // Where the declarations before the query form (PREFIX, BASE), each whole and one after another, end.
  let prologueEnd = 0;
  const it = tokens(text, maxDepth, seen, chain);
  for (let next = it.next(); !next.done; next = it.next()) {
    const tok = next.value;
    if (tok.t === 'pname') {
      checkDeclared(tok, declared);
      continue;
    }
    if (tok.t !== 'kw') continue;
    if (CHAIN_KEYWORDS.has(tok.v)) chain.unit();
    if (VOLATILE.has(tok.v)) out.volatile = true;
    if (!form && tok.v === 'PREFIX') {
      const name = it.next().value as Token | undefined;
      const iri = it.next().value as Token | undefined;
      if (name?.t === 'pname') declared.add(prefixOf(name));
      if (name && iri?.t === 'iri') prefixes.set(prefixOf(name), resolve(iri, prefixes, base));
      else if (iri?.t === 'pname') checkDeclared(iri, declared);
      if (tok.start === significant(text, prologueEnd) && name?.t === 'pname' && name.v.endsWith(':') && iri?.t === 'iri') prologueEnd = iri.end;
    } else if (!form && tok.v === 'BASE') {
      const iri = it.next().value as Token | undefined;
      if (iri?.t === 'iri') base = resolve(iri, prefixes, base);
      if (tok.start === significant(text, prologueEnd) && iri?.t === 'iri') prologueEnd = iri.end;
    } else if (!form && UPDATES.has(tok.v)) {
      throw new QueryRefusal('update', `SPARQL Update (${tok.v}) is not accepted: this endpoint is read-only`);
    } else if (!form && FORMS.has(tok.v)) {
      form = tok.v as QueryForm;
    } else if (tok.v === 'SERVICE') {
      throw new QueryRefusal('service', 'SERVICE is not supported: this endpoint never queries other endpoints');
    } else if (form && tok.depth === 0 && (tok.v === 'LIMIT' || tok.v === 'VALUES' || tok.v === 'ORDER')) {
      // Outside every bracket, after the query form: the query's own LIMIT, ORDER BY and trailing VALUES.
      if (tok.v === 'LIMIT') out.limitAt = tok.end;
      else if (tok.v === 'ORDER') out.ordered = true;
      else out.valuesAt ??= tok.start;
    } else if (form && tok.v === 'FROM') {
      let target = it.next().value as Token | undefined;
      const named = target?.t === 'kw' && target.v === 'NAMED';
      const after = named ? target!.end : tok.end;
      if (named) target = it.next().value as Token | undefined;
      if (!target || target.t === 'kw') throw new QueryRefusal('syntax', `FROM${named ? ' NAMED' : ''} must be followed by an IRI`, target?.start ?? after);
      (named ? out.fromNamed : out.from).push(resolve(target, prefixes, base));
      out.datasetClauses.push([tok.start, target.end]);
    }
  }
  if (!form) throw noQueryForm(text, prologueEnd);
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

/** The largest LIMIT Oxigraph accepts (2^32 − 1): it refuses a larger one as a syntax error. */
const MAX_LIMIT = 4_294_967_295;

/** Blanks and comments, then an integer: what may follow LIMIT. */
const LIMIT_NUMBER = /(?:[ \t\r\n]|#[^\n\r]*)*([0-9]+)/y;

/**
 * The text of a SELECT query with a LIMIT of `max + 1`, so that the engine stops one solution
 * past the row limit instead of evaluating and serializing a result of any size only to refuse
 * it: a LIMIT above that is lowered, and where there is none one is added (before a trailing
 * VALUES clause, which follows the solution modifiers). A result of at most `max` solutions keeps
 * its solutions (in Oxigraph, byte for byte; SPARQL leaves the order of unordered solutions to the
 * engine, and Comunica plans differently with a LIMIT, so its order may change, and with it which
 * solutions an OFFSET without ORDER BY skips), and a larger one has exactly `max + 1`. Undefined
 * when nothing needs to change or a LIMIT cannot carry the cap: `max` 0 (no limit), or over
 * Oxigraph's largest LIMIT; the query's own LIMIT within the cap, or over Oxigraph's largest (its
 * syntax error stands); a LIMIT without a number (the parser's to report); and the other forms,
 * whose rows are triples or a boolean.
 *
 * @example
 * withRowCap('SELECT * { ?s ?p ?o }', analyseQuery('SELECT * { ?s ?p ?o }', 64), 100) // 'SELECT * { ?s ?p ?o }\nLIMIT 101\n'
 */
export function withRowCap(query: string, analysis: QueryAnalysis, max: number): string | undefined {
  if (max <= 0 || max + 1 > MAX_LIMIT || analysis.form !== 'SELECT') return undefined;
  const cap = String(max + 1);
  if (analysis.limitAt !== undefined) {
    LIMIT_NUMBER.lastIndex = analysis.limitAt;
    const number = LIMIT_NUMBER.exec(query)?.[1];
    // A LIMIT Oxigraph refuses stays: lowered, a query that is an error would be answered.
    if (number === undefined || BigInt(number) <= BigInt(max) + 1n || BigInt(number) > BigInt(MAX_LIMIT)) return undefined;
    const start = LIMIT_NUMBER.lastIndex - number.length;
    return query.slice(0, start) + cap + query.slice(LIMIT_NUMBER.lastIndex);
  }
  // On a line of its own: the query may end in a comment.
  if (analysis.valuesAt === undefined) return `${query}\nLIMIT ${cap}\n`;
  return `${query.slice(0, analysis.valuesAt)}LIMIT ${cap}\n${query.slice(analysis.valuesAt)}`;
}
