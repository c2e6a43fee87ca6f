// Rewrites the SPARQL parser's and the pre-check's error messages into something a person can act on.
import { ChainMeter } from './chain.js';
import { QueryRefusal, tokens, type Seen } from './lexer.js';
import { NS, type Prefix } from '../vocab.js';
import { diagnose, inWords, STRAY } from './diagnosis.js';
import { rebinding } from './rebinding.js';
import { groupingError } from './grouping-message.js';

/** A bracketed character class in a parser message (`['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}']`, `['.']`, `[_]`). */
const CLASS = /\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]/g;
/** A quoted token in a parser message (`","`, `"{|"`). */
const QUOTED = /"(?:\\.|[^"\\])*"/g;

interface PrefixedName {
  prefix: string;
  /** Where the name starts in the query (a string offset). */
  start: number;
}

interface Scan {
  /** The prefixed names the query uses, in order. */
  used: PrefixedName[];
  /** The prefixes its PREFIX lines declare. */
  declared: Set<string>;
  /** Whether it assigns variables with BIND or VALUES. */
  assigns: boolean;
  /** Where the first `<` is that starts no IRI where one must be (`<a b>`). */
  brokenIri?: number;
  /** Where the first `\u` escape of a surrogate in a string or IRI is (not one in a comment). */
  surrogate?: number;
}

/**
 * The prefixed names a query uses outside strings, IRIs and comments, and the prefixes its PREFIX
 * lines declare, as the pre-check's lexer reads them (so both agree on what is a name); up to
 * where the lexer stops, if the query is broken (an unterminated string).
 */
function scan(query: string): Scan {
  const used: PrefixedName[] = [];
  const declared = new Set<string>();
  let assigns = false;
  let afterPrefix = false; // the last token was the keyword PREFIX
  const seen: Seen = { depth: 0 };
  try {
    for (const token of tokens(query, Infinity, seen, new ChainMeter())) {
      if (token.t === 'pname') {
        const prefix = token.v.slice(0, token.v.indexOf(':'));
        if (afterPrefix) declared.add(prefix);
        else if (prefix !== '_' && !token.inBrokenIri) used.push({ prefix, start: token.start }); // `_:b` is a blank node
      }
      if (token.t === 'kw' && (token.v === 'BIND' || token.v === 'VALUES')) assigns = true;
      afterPrefix = token.t === 'kw' && token.v === 'PREFIX';
    }
  } catch (e) {
    if (!(e instanceof QueryRefusal)) throw e;
  }
  return {
    used,
    declared,
    assigns,
    ...(seen.brokenIri === undefined ? {} : { brokenIri: seen.brokenIri }),
    ...(seen.surrogate === undefined ? {} : { surrogate: seen.surrogate }),
  };
}

/** Whether place `a` ([line, column]) comes before place `b`. */
const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * Where a string offset is in `text`, as the parser says it: `line:column`, both from 1, the
 * column counted in characters (code points).
 *
 * @example
 * lineColumn('SELECT *\nWHERE {', 11) // '2:3'
 */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `${before.split('\n').length}:${[...before.slice(lineStart)].length + 1}`;
}

/** The PREFIX line that declares `prefix`: with its namespace if it is one of the usual ones. */
const declaration = (prefix: string): string => `PREFIX ${prefix}: <${Object.hasOwn(NS, prefix) ? NS[prefix as Prefix] : '…'}>`;

/**
 * The message for the first prefixed name whose prefix the query does not declare, if there is one.
 * @example undeclaredPrefix('SELECT * { ?s skos:prefLabel ?l }') // 'error at 1:15: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)'
 */
export function undeclaredPrefix(query: string, { used, declared }: Scan = scan(query)): string | undefined {
  const name = used.find((n) => !declared.has(n.prefix));
  if (!name) return undefined;
  return `error at ${lineColumn(query, name.start)}: undeclared prefix "${name.prefix}:" (declare it first: ${declaration(name.prefix)})`;
}

/** One item of an "expected one of" list, said in words: a single character quoted, a class by what it is. */
function describe(item: string): string | undefined {
  if (item === '[_]') return undefined; // the grammar's whitespace rule: never what the reader is missing
  const single = /^\['(\\.|[^'\\])'\]$/.exec(item);
  if (single) return `"${single[1]}"`;
  if (/^\['0' ?\.\.= ?'9'\]$/.test(item)) return 'a digit';
  return item.startsWith('[') ? 'a name character' : item;
}

/** Oxigraph lists its semantic checks among the expected tokens, as sentences ("Duplicated variable name in SELECT", "IRI parsing failed"). */
const isSentence = (item: string): boolean => /^(?:[A-Z][A-Za-z]*|the) \S+ /.test(item);

/**
 * Syntax Oxigraph reads and Traqula does not: its LATERAL and ADJUST, and a decimal without
 * leading digits (`.5`). Traqula's error there is no error of Oxigraph's.
 */
const oxigraphOnly = (diagnosis: { offset: number; message: string }, query: string): boolean =>
  /^unknown word "(?:LATERAL|ADJUST)"$/i.test(diagnosis.message) || (query[diagnosis.offset] === '.' && /[0-9]/.test(query[diagnosis.offset + 1] ?? ''));

/** Oxigraph's message for an IRI it cannot read. */
const BAD_IRI = /^error at \d+:\d+: expected (?:one of )?IRI parsing failed/;

const IRI_HINT = ' (an IRI in <…> holds no spaces and none of the characters <>"{}|^`\\)';

/** Where a parser's message says it failed, as [line, column], if it says. */
function failedAt(message: string, query: string): [number, number] | undefined {
  const oxigraph = /^error at (\d+):(\d+): /.exec(message);
  if (oxigraph) return [Number(oxigraph[1]), Number(oxigraph[2])];
  const stray = STRAY.exec(message);
  return stray ? place(query, Number(stray[2])) : undefined;
}

/** `lineColumn` as numbers. */
const place = (query: string, offset: number): [number, number] => lineColumn(query, offset).split(':').map(Number) as [number, number];

/**
 * Oxigraph names an IRI it cannot read only in some places (`?s <a b> ?o`), and there just past
 * its `>`; elsewhere (`{ <a b> ?p ?o }`) it lists what it expected after giving up on it, and
 * Comunica stops at the space. When the parser failed at or after a `<` that starts no IRI where
 * one must be, that IRI is the error, reported at its `<`.
 */
function unreadableIri(message: string, query: string, brokenIri: number | undefined): string | undefined {
  if (brokenIri === undefined) return undefined;
  const failed = failedAt(message, query);
  const broken = place(query, brokenIri);
  if (!failed || before(failed, broken)) return undefined;
  return `error at ${broken[0]}:${broken[1]}: IRI parsing failed${IRI_HINT}`;
}

/** Comunica's check of a base direction (`"a"@en--xyz`), which quotes the literal's whole syntax tree. */
const BAD_DIRECTION = /^language direction "([^"]*)" of literal [\s\S]* is not is required range/;


/** A sentence continued after a colon: its first letter lower-cased, unless the word is an acronym ("IRI"). */
const continued = (sentence: string): string => (/^[A-Z][A-Z]/.test(sentence) ? sentence : sentence[0]!.toLowerCase() + sentence.slice(1));

/**
 * Rewrites a SPARQL syntax error for people. The first prefixed name whose prefix the query does
 * not declare is named, at its own position, with the PREFIX line that would fix it (the usual
 * namespaces filled in), whatever the parser said. Of Oxigraph's messages (`error at L:C:
 * expected …`) besides: a semantic check Oxigraph lists among
 * the expected tokens ("The SELECT contains a variable that is unbound") is given alone;
 * character classes, which Oxigraph prints as long Unicode range lists, become words ("a name
 * character", "a digit"); the grammar's whitespace rule (`[_]`) is left out; repeated items are
 * listed once. A BIND of a variable already in scope is named at its keyword (see `rebinding`),
 * where neither parser places it. Where Oxigraph's message is no such sentence, or the message is Comunica's (which
 * gives no place), and Traqula recognises an error no later than Oxigraph's place (see
 * `diagnose`), that is given instead: the token needed and the one found, at that one's place.
 * Comunica's "unexpected character: ->b<- at offset: 21" becomes `error at 1:22: unexpected
 * character "b"`. Any other message is returned unchanged.
 *
 * @example
 * readableSyntaxError("error at 1:22: expected one of Prefix not found, ['%'], ['.']", 'SELECT * { ?s foo:bar ?o }');
 * // 'error at 1:15: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'
 * readableSyntaxError('error at 1:30: expected ENCODE_FOR_URI', 'SELECT * { BIND(xsd:integer("1") AS ?y) }');
 * // 'error at 1:17: undeclared prefix "xsd:" (declare it first: PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>)'
 */
export function readableSyntaxError(message: string, query: string): string {
  // Wherever a prefixed name stands (a triple, an expression, a function call, a datatype), the
  // parser reports an undeclared prefix only at some positions, and elsewhere lists what it
  // expected instead ("expected ENCODE_FOR_URI"): so every prefixed name is checked.
  const scanned = scan(query);
  // An IRI the parser could not read (`<http://a b>`) reads to the lexer as a prefixed name: the parser is right.
  const undeclared = BAD_IRI.test(message) ? undefined : undeclaredPrefix(query, scanned);
  if (undeclared) return undeclared;
  const unreadable = unreadableIri(message, query, scanned.brokenIri);
  if (unreadable) return unreadable;
  const surrogate = /ENCODE_FOR_URI|escape sequence should be followed/.test(message) ? surrogateEscape(query, scanned.surrogate, failedAt(message, query)) : undefined;
  if (surrogate) return surrogate;
  const grouping = groupingError(message, query);
  if (grouping) return grouping;
  // Oxigraph (WebAssembly: 32-bit sizes) reads a LIMIT or OFFSET over 2^32 - 1 as "should be a non negative integer".
  const bound = /^(error at \d+:\d+): expected (?:one of )?The query (?:limit|offset) should be a non negative integer\b/.exec(message);
  if (bound) return `${bound[1]}: LIMIT and OFFSET take an integer from 0 to 4294967295 here`;
  const head = /^(error at \d+:\d+): expected (?:one of )?([\s\S]*)$/.exec(message);
  const unique = head ? expectedItems(head[2]!) : [];
  const sentences = unique.filter(isSentence);
  if (head && sentences.length > 0) {
    const hint = BAD_IRI.test(message) ? IRI_HINT : '';
    return `${head[1]}: ${sentences.map(continued).join('; ')}${hint}`;
  }
  // Oxigraph often lists what it expected some tokens past the error ("expected OPTIONAL" for a
  // missing "."), and Comunica gives no place: Traqula's first error, where Oxigraph's is not before it.
  const diagnosis = diagnose(query);
  // A BIND of a variable already in scope: Oxigraph names no place (and past a group followed by a
  // LIMIT lists what it expected, "expected OPTIONAL"), Traqula names the variable only: the BIND, at its keyword.
  const rebound = scanned.assigns && !(diagnosis && 'offset' in diagnosis) ? rebinding(query) : undefined;
  if (rebound) return `error at ${lineColumn(query, rebound.offset)}: ${rebound.message}`;
  if (diagnosis && 'offset' in diagnosis && !(head && oxigraphOnly(diagnosis, query))) {
    const at = place(query, diagnosis.offset);
    const failed = failedAt(message, query);
    if (!failed || !before(failed, at)) return `error at ${at[0]}:${at[1]}: ${diagnosis.message}`;
  }
  const stray = STRAY.exec(message);
  if (stray) return `error at ${lineColumn(query, Number(stray[2]))}: unexpected character "${stray[1]}"`;
  const direction = BAD_DIRECTION.exec(message);
  if (direction) {
    const at = query.search(new RegExp(`@[A-Za-z0-9-]*--${direction[1]!.replace(/[^A-Za-z0-9]/g, '')}\\b`));
    return `${at < 0 ? '' : `error at ${lineColumn(query, at)}: `}the base direction "${direction[1]}" of a language tag is neither ltr nor rtl`;
  }
  if (!head) return inWords(message);
  const where = head[1]!;
  if (unique.length === 0) {
    if (diagnosis) return `${where}: ${continued(diagnosis.message)}`;
    const hint = scanned.assigns ? '; a common cause is BIND or VALUES assigning a variable that is already in scope' : '';
    return `${where}: not valid SPARQL here (the parser gives no detail${hint})`;
  }
  return `${where}: expected ${unique.length > 1 ? 'one of ' : ''}${unique.join(', ')}`;
}

/**
 * A `\u` escape of a surrogate code point, no character, in a string or IRI at or before the
 * parser's place: Oxigraph refuses it but says "expected ENCODE_FOR_URI" at the end of the
 * expression, or that the escape "should be followed by hexadecimal digits". Named at its backslash,
 * `offset` (where the lexer found the first, see Seen; one in a comment is no error).
 */
function surrogateEscape(query: string, offset: number | undefined, failed: [number, number] | undefined): string | undefined {
  if (offset === undefined) return undefined;
  const at = place(query, offset);
  if (failed && before(failed, at)) return undefined;
  return `error at ${at[0]}:${at[1]}: ${query.slice(offset, offset + 6)} is a surrogate code point, no character: a string or IRI cannot hold it (write the character itself, or \\U and 8 hex digits for one beyond \\uFFFF)`;
}

/** The items of Oxigraph's "expected one of …" list, in words, each once. */
function expectedItems(list: string): string[] {
  // A character class or a quoted token (`","`) may hold a comma that separates nothing.
  const items = list.replace(CLASS, (c) => `\u0000${c.replace(/,/g, '\u0001')}\u0000`).replace(QUOTED, (q) => q.replace(/,/g, '\u0001')).split(/,\s*/);
  const words = items.map((i) => i.replace(/\u0000/g, '').replace(/\u0001/g, ',').trim()).map(describe);
  return [...new Set(words.filter((w): w is string => w !== undefined && w !== ''))];
}

/**
 * Rewrites a syntax refusal of the lexical pre-check (engine/analyse.ts) like the parser's
 * errors: an undeclared prefix gets the PREFIX line that fixes it, and a refusal at one place
 * says where, as `error at line:column`.
 *
 * @example
 * readablePrecheckError(new QueryRefusal('syntax', 'unterminated string', 19), 'SELECT * {\n  ?s ?p "abc }') // 'error at 2:9: unterminated string'
 */
export function readablePrecheckError(refusal: QueryRefusal, query: string): string {
  return undeclaredPrefix(query) ?? (refusal.offset === undefined ? refusal.message : `error at ${lineColumn(query, refusal.offset)}: ${refusal.message}`);
}
