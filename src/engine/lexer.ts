// Splits SPARQL text into the tokens the pre-check needs, reading `<` as Oxigraph's parser does: an IRI, or less-than after an operand.
import { ChainMeter } from './chain.js';

/** Why a query was refused before it reached an engine; the HTTP layer maps each to a status. */
export type RefusalKind = 'update' | 'service' | 'depth' | 'chain' | 'empty' | 'syntax';

export class QueryRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** Where in the query text the problem is (a string offset), when it is at one place. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

export type Token = {
  t: 'iri' | 'kw' | 'pname';
  v: string;
  start: number;
  end: number;
  /** How many brackets `{ ( [` are open around it: 0 in the prologue and a query's own clauses. */
  depth: number;
  /** A prefixed name right after a `<` that starts no IRI (`<http://a b>`): the parser reports the IRI, not the name. */
  inBrokenIri?: true;
};

// IRIREF with the \u and \U escapes Oxigraph accepts inside IRIs (it has no query-wide escape pass).
const IRIREF = /<((?:[^<>"{}|^`\\\u0000-\u0020]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>/y;
/** A keyword. */
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
/** LIMIT or OFFSET with the digits of its number and whatever follows them in one word. */
const GLUED_NUMBER = /^(LIMIT|OFFSET)[0-9][A-Za-z0-9_]*$/i;
/** PN_CHARS_BASE (SPARQL 1.1 §19.8): the letters names start with, and more than letters (`、`, `⁰`, U+200C). */
const PN_CHARS_BASE = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
/** A name that is a prefix if `:` follows it (PN_PREFIX, SPARQL 1.1 §19.8; `_` for blank node labels). */
const PREFIX_NAME = new RegExp(`[${PN_CHARS_BASE}_][${PN_CHARS_BASE}_.\\-0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'uy');
/** A character outside ASCII that may start a name. */
const NAME_START = new RegExp(`[${PN_CHARS_BASE}]`, 'uy');
// A local name ends at whitespace, punctuation and the path and expression operators (`:a/:b`
// is a path of two names); those characters may only appear escaped (`\/`).
const PN_LOCAL = /(?:\\.|[^\s{}()[\],;<>"'#/|^*+?!=&\\])*/y;
const STRING = /'''(?:[^'\\]|\\.|'(?!''))*'''|"""(?:[^"\\]|\\.|"(?!""))*"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"/y;
/** VARNAME: no `-` or `.` (so `?a-FROM` is a variable, a minus and a keyword, as Oxigraph reads it). */
const VARNAME = /[0-9A-Za-z_\u00B7\u00C0-\uFFFF]*/y;
const LANGTAG = /[A-Za-z]+(?:-[A-Za-z0-9]+)*/y;
// INTEGER, DECIMAL, DOUBLE: `1.` is an integer and a triple's final dot, unless an exponent follows.
const NUMBER = /[0-9]+\.[0-9]*[eE][+-]?[0-9]+|[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+(?:[eE][+-]?[0-9]+)?/y;

/** The match of a sticky regex at `i`, or undefined. */
function at(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** ASCII letter or `_` (what `/[A-Za-z_]/` tests), by char code. */
const isWordStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Operators that chain (each a node of the expression or path tree); two-character ones count once. */
const OPERATORS = new Set(['|', '&', '!', '=', '<', '>', '+', '-', '*', '/', '^']);
const PAIRS = new Set(['||', '&&', '!=', '<=', '>=', '^^']);
/** Separators: of triple patterns (which chain joins) in a group or a blank node's property list. */
const SEPARATORS = new Set(['.', ';', ',']);

/**
 * What a bracket holds: an expression (FILTER, BIND, function arguments, a SELECT or ORDER BY
 * expression), a group `{ … }` of patterns, or a list of terms (a collection, a VALUES row, a
 * blank node's property list). Only in an expression can `<` be less-than.
 */
type Frame = {
  kind: 'expr' | 'group' | 'list';
  clause: Clause;
  /** A `( … )` in a pattern (not a VALUES row): a collection, whose items are counted … */
  collection?: true;
  items?: number;
  /** … unless a path operator shows it is a path in parentheses (`?s (:a|:b) ?o`). */
  path?: true;
  /** The `{ … }` of VALUES: its `( … )` are rows of data, no triple patterns. */
  values?: true;
  /**
   * Inside a CONSTRUCT template: triples to write, no pattern to join. Oxigraph 0.5 writes out
   * 3 000 template triples or a collection of 12 000 items without recursing (measured), so its
   * separators and collection items are not chained; its nesting is.
   */
  template?: true;
};
/** Where a group is in its query: its SELECT clause or its solution modifiers read `( … )` as expressions. */
type Clause = 'pattern' | 'select' | 'modifiers';
/** The last significant token: an operand ends with it (so `<` is less-than in an expression), a keyword, a name, or punctuation. */
type Last = { kind: 'operand' | 'name' | 'kw' | 'other'; kw?: string };
const OPERAND: Last = { kind: 'operand' };
const NAME: Last = { kind: 'name' };
const OTHER: Last = { kind: 'other' };

const CLAUSE_OF = new Map<string, Clause>([
  ['SELECT', 'select'],
  ['CONSTRUCT', 'pattern'],
  ['ASK', 'pattern'],
  ['DESCRIBE', 'pattern'],
  ['WHERE', 'pattern'],
  ['GROUP', 'modifiers'],
  ['ORDER', 'modifiers'],
  ['HAVING', 'modifiers'],
  ['LIMIT', 'pattern'],
  ['OFFSET', 'pattern'],
  ['VALUES', 'pattern'],
]);

/** Whether a `<` here is less-than: directly after an operand (a name included) inside an expression. */
const lessThan = (top: Frame, last: Last): boolean => top.kind === 'expr' && (last.kind === 'operand' || last.kind === 'name');

/**
 * What a `(` opens. Inside an expression, or in a SELECT clause or solution modifiers, another
 * expression; after a keyword (FILTER, BIND, a function such as REGEX) an expression, except
 * after VALUES or `a` (a list); after an IRI or prefixed name, a function call's arguments when
 * FILTER came before the name (`FILTER :fn(…)`), else a collection (`?s :p ( … )`); anywhere
 * else in a pattern a list (a collection or a VALUES row).
 */
function opened(top: Frame, last: Last, before: Last): Frame['kind'] {
  if (top.kind === 'expr' || top.clause !== 'pattern') return 'expr';
  if (last.kind === 'kw') return last.kw === 'VALUES' || last.kw === 'A' ? 'list' : 'expr';
  if (last.kind === 'name' && before.kind === 'kw' && before.kw === 'FILTER') return 'expr';
  return 'list';
}

/** What a scan has seen so far besides its tokens. */
export interface Seen {
  /** The deepest nesting of brackets. */
  depth: number;
  /** Where the first `<` is that had to start an IRI but starts none (`<a b>`): the parser fails there or after it. */
  brokenIri?: number;
  /** Where the first `\u` escape of a surrogate (U+D800–U+DFFF) is in a string or IRI: no character, so the parser fails there. */
  surrogate?: number;
}

/** A `\u` escape of a surrogate, after an even run of backslashes (`\\uD800` is a backslash and "uD800"). */
const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*(\\u[dD][89a-fA-F][0-9a-fA-F]{2})/;

/** Records in `seen` where the first surrogate escape is, if the string or IRI `token` at `start` holds one. */
function noteSurrogate(seen: Seen, token: string, start: number): void {
  if (seen.surrogate !== undefined || !token.includes('\\u')) return;
  const m = SURROGATE_ESCAPE.exec(token);
  if (m) seen.surrogate = start + m.index + m[0].length - m[1]!.length;
}

/**
 * Yields the keywords, IRIs and prefixed names of `text`, skipping comments, strings, variables,
 * numbers and language tags; meters every bracket and operator into `chain`; refuses nesting
 * deeper than `maxDepth` (recording the deepest in `seen.depth`, and the first `<` that starts no
 * IRI where it must, in `seen.brokenIri`). Where the grammar lets `<`
 * start an IRI or be less-than, it decides as Oxigraph's parser does: less-than directly after
 * an operand inside an expression, an IRI anywhere else. So nothing Oxigraph reads as code (a
 * keyword, a bracket, a comment's end) can hide from this scan inside something it took for an
 * IRI, and the reverse.
 *
 * @example
 * [...tokens('SELECT (1<2 AS ?x) FROM <g> {}', 64, { depth: 0 }, new ChainMeter())].map((t) => t.v) // ['SELECT', 'AS', 'FROM', 'g']
 */
export function* tokens(text: string, maxDepth: number, seen: Seen, chain: ChainMeter): Generator<Token> {
  const frames: Frame[] = [{ kind: 'group', clause: 'pattern' }];
  let last: Last = OTHER;
  let before: Last = last;
  const note = (next: Last) => {
    before = last;
    last = next;
  };
  // An item of a collection `( … )` is two triple patterns (rdf:first, rdf:rest)
  // that the engine joins with those around it: about 1 500 items in one collection, or 40 nested
  // collections of 30, overflowed Oxigraph. They are counted when the collection closes (see `close`).
  let datatype = false; // the IRI after `^^` is a literal's datatype, no item
  let valuesNext = false; // the `{` after `VALUES ( … )` holds rows of data
  const item = (top: Frame) => {
    if (top.collection && !datatype) top.items = (top.items ?? 0) + 1;
    datatype = false;
  };
  let iri: string | undefined;
  // Where a `<` that had to start an IRI but starts none (`<http://a b>`) ends: a name there is part of it.
  let brokenIriEnd = -1;
  // Where the current run of name characters (`a-b.c`) ends when no `:` follows it: a word that
  // starts inside it is no prefix either, so each run is scanned once (linear time on `a-a-a-…`).
  let noPrefixUntil = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    const code = text.charCodeAt(i);
    const top = frames[frames.length - 1]!;
    // `<<(` opens an RDF 1.2 triple term (SPARQL 1.2), a list of terms even inside an expression.
    const tripleTerm = c === '<' && text.startsWith('<<(', i) && !lessThan(top, last);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      // A comment ends at either line-break character, as in Oxigraph.
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"' || c === "'") {
      const s = at(STRING, text, i);
      if (!s) throw new QueryRefusal('syntax', 'unterminated string', i);
      noteSurrogate(seen, s, i);
      item(top);
      i += s.length;
      note(OPERAND);
    } else if (!tripleTerm && c === '<' && !lessThan(top, last) && (iri = at(IRIREF, text, i)) !== undefined) {
      item(top);
      noteSurrogate(seen, iri, i);
      yield { t: 'iri', v: iri.slice(1, -1), start: i, end: i + iri.length, depth: frames.length - 1 };
      i += iri.length;
      note(NAME);
    } else if (c === '{' || c === '(' || c === '[' || tripleTerm) {
      if (frames.length > maxDepth) throw new QueryRefusal('depth', `query nesting deeper than ${maxDepth} levels (the server's MAX_QUERY_DEPTH)`);
      if (c === '{' && top.clause === 'select') top.clause = 'pattern'; // the WHERE group ends the SELECT clause
      const kind = c === '{' ? 'group' : c !== '(' ? 'list' : opened(top, last, before);
      if (c !== '{') item(top);
      const frame: Frame = { kind, clause: 'pattern' };
      // `CONSTRUCT {` opens the template (`CONSTRUCT WHERE {` a pattern, which is its template too).
      if (top.template || (c === '{' && frames.length === 1 && last.kind === 'kw' && last.kw === 'CONSTRUCT')) frame.template = true;
      if (kind === 'list' && c === '(' && !top.values && !(last.kind === 'kw' && last.kw === 'VALUES')) frame.collection = true;
      // VALUES ?x { … } or VALUES (?x ?y) { … }
      if (c === '{' && (valuesNext || (last.kind === 'kw' && last.kw === 'VALUES'))) frame.values = true;
      valuesNext = c === '(' && last.kind === 'kw' && last.kw === 'VALUES';
      frames.push(frame);
      if (frames.length - 1 > seen.depth) seen.depth = frames.length - 1;
      chain.open(tripleTerm ? '(' : c);
      i += tripleTerm ? 3 : 1;
      note(OTHER);
    } else if (c === '}' || c === ')' || c === ']') {
      const closed = frames.length > 1 ? frames.pop()! : undefined;
      if (closed?.collection && !closed.path && !closed.template) {
        chain.unit(2 * (closed.items ?? 0));
        chain.close(true);
      } else chain.close();
      i++;
      // `( … )` and `EXISTS { … }` complete an operand.
      note(c === ']' ? OTHER : OPERAND);
    } else if (c === '?' || c === '$') {
      item(top);
      i += 1 + (at(VARNAME, text, i + 1)?.length ?? 0);
      note(OPERAND);
    } else if (c === '@') {
      i += 1 + (at(LANGTAG, text, i + 1)?.length ?? 0);
      note(OPERAND);
    } else if (isDigit(code) || (c === '.' && isDigit(text.charCodeAt(i + 1)))) {
      item(top);
      i += at(NUMBER, text, i)!.length;
      note(OPERAND);
    } else if (isWordStart(code) || c === ':' || (code > 127 && at(NAME_START, text, i) !== undefined)) {
      const start = i;
      let prefix = c === ':' ? '' : undefined;
      if (c !== ':' && i >= noPrefixUntil) {
        const name = at(PREFIX_NAME, text, i) ?? '';
        if (text[i + name.length] === ':') prefix = name;
        else noPrefixUntil = i + name.length;
      }
      // `LIMIT500` and `OFFSET5LIMIT 3` are LIMIT 500, and OFFSET 5 LIMIT 3, to Oxigraph: the keyword ends before the digits.
      const word = prefix === undefined && isWordStart(code) ? at(WORD, text, i)!.replace(GLUED_NUMBER, '$1') : undefined;
      if (prefix !== undefined) {
        i += prefix.length + 1;
        const local = at(PN_LOCAL, text, i) ?? '';
        i += local.length;
        const token: Token = { t: 'pname', v: `${prefix}:${local.replace(/\.+$/, '')}`, start, end: i, depth: frames.length - 1 };
        item(top);
        if (start === brokenIriEnd) token.inBrokenIri = true;
        yield token;
        note(NAME);
      } else if (word !== undefined) {
        i += word.length;
        const kw = word.toUpperCase();
        const clause = CLAUSE_OF.get(kw);
        if (top.kind === 'group' && clause) top.clause = clause;
        if (kw === 'TRUE' || kw === 'FALSE') item(top);
        yield { t: 'kw', v: kw, start, end: i, depth: frames.length - 1 };
        note(kw === 'TRUE' || kw === 'FALSE' ? OPERAND : { kind: 'kw', kw });
      } else {
        i++; // a letter outside ASCII that starts no prefix: not SPARQL here, and hides nothing
        note(OTHER);
      }
    } else {
      // `<<` opens a reified triple (SPARQL 1.2): no IRI that failed to start.
      if (c === '<' && !lessThan(top, last) && text[i + 1] !== '<' && text[i - 1] !== '<') {
        brokenIriEnd = i + 1;
        seen.brokenIri ??= i;
      }
      const pair = OPERATORS.has(c) && PAIRS.has(text.slice(i, i + 2)) ? text.slice(i, i + 2) : undefined;
      if (pair === '^^') datatype = true;
      else if (top.collection && (c === '|' || c === '/' || c === '^')) top.path = true;
      if (OPERATORS.has(c)) chain.unit();
      else if (SEPARATORS.has(c) && !top.template) chain.separator();
      i += pair ? 2 : 1;
      note(OTHER);
    }
  }
}
