// Rewrites the SPARQL parser's and the pre-check's error messages into something a person can act on.
import { NS, type Prefix } from '../vocab.js';

/** A bracketed character class in a parser message (`['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}']`, `['.']`, `[_]`). */
const CLASS = /\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]/g;

/** A prefix name (PN_PREFIX, SPARQL 1.1 §19.8), or a keyword. */
const NAME = /\p{L}[\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F\u2040]*/uy;
/** A local name after the colon (PN_LOCAL: it may hold colons, %-escapes and \-escapes). */
const LOCAL = /(?:[\p{L}\p{N}_.\-:\u00B7\u0300-\u036F\u203F\u2040]|%[0-9A-Fa-f]{2}|\\.)*/uy;
const IRIREF = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;
const STRING = /'''(?:[^'\\]|\\.|'(?!''))*'''|"""(?:[^"\\]|\\.|"(?!""))*"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*"/y;
/** A variable (`?x`, `$x`) or a language tag (`@sv`). */
const VARIABLE_OR_TAG = /[?$@][\p{L}\p{N}_-]*/uy;

/** The match of a sticky regex at `i`, or the empty string. */
function at(re: RegExp, text: string, i: number): string {
  re.lastIndex = i;
  return re.exec(text)?.[0] ?? '';
}

interface PrefixedName {
  prefix: string;
  /** Where the name starts in the query (a string offset). */
  start: number;
}

/** The prefixed names a query uses outside strings, IRIs and comments, and the prefixes its PREFIX lines declare. */
function prefixedNames(query: string): { used: PrefixedName[]; declared: Set<string> } {
  const used: PrefixedName[] = [];
  const declared = new Set<string>();
  let afterPrefix = false; // the last token was the keyword PREFIX
  for (let i = 0; i < query.length; ) {
    const c = query[i]!;
    if (c === '#') {
      const nl = query.indexOf('\n', i);
      i = nl < 0 ? query.length : nl + 1;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const name = at(NAME, query, i);
    if (query[i + name.length] === ':') {
      const end = i + name.length + 1;
      if (afterPrefix) declared.add(name);
      else if (name !== '' || query[i - 1] !== '_') used.push({ prefix: name, start: i });
      i = end + at(LOCAL, query, end).length;
    } else if (name !== '') i += name.length;
    else if (c === '"' || c === "'") i += at(STRING, query, i).length || query.length; // unterminated: the rest is the string
    else i += at(c === '<' ? IRIREF : VARIABLE_OR_TAG, query, i).length || 1;
    afterPrefix = name.toUpperCase() === 'PREFIX';
  }
  return { used, declared };
}

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

/** The message for the first prefixed name whose prefix the query does not declare, if there is one. */
function undeclaredPrefix(query: string): string | undefined {
  const { used, declared } = prefixedNames(query);
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

/** Oxigraph lists its semantic checks among the expected tokens, as sentences ("Duplicated variable name in SELECT"). */
const isSentence = (item: string): boolean => /^[A-Z][a-z]+ .* /.test(item);

/**
 * Rewrites a SPARQL syntax error for people. The first prefixed name whose prefix the query does
 * not declare is named, at its own position, with the PREFIX line that would fix it (the usual
 * namespaces filled in), whatever the parser said. Of Oxigraph's messages (`error at L:C:
 * expected …`) besides: a semantic check Oxigraph lists among
 * the expected tokens ("The SELECT contains a variable that is unbound") is given alone;
 * character classes, which Oxigraph prints as long Unicode range lists, become words ("a name
 * character", "a digit"); the grammar's whitespace rule (`[_]`) is left out; repeated items are
 * listed once. Any other message is returned unchanged.
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
  const undeclared = undeclaredPrefix(query);
  if (undeclared) return undeclared;
  const head = /^(error at \d+:\d+): expected (?:one of )?([\s\S]*)$/.exec(message);
  if (!head) return message;
  const [, where, list] = head;
  if (list!.includes('Prefix not found')) return `${where}: undeclared prefix (declare each prefix with a PREFIX line before the query)`;
  const items = list!.replace(CLASS, (c) => `\u0000${c.replace(/,/g, '\u0001')}\u0000`).split(/,\s*/);
  const words = items.map((i) => i.replace(/\u0000/g, '').replace(/\u0001/g, ',').trim()).map(describe);
  const unique = [...new Set(words.filter((w): w is string => w !== undefined && w !== ''))];
  const sentences = unique.filter(isSentence);
  if (sentences.length > 0) return `${where}: ${sentences.map((m) => m[0]!.toLowerCase() + m.slice(1)).join('; ')}`;
  if (unique.length === 0) {
    return `${where}: not valid SPARQL here (the parser gives no detail; a common cause is BIND or VALUES assigning a variable that is already in scope)`;
  }
  return `${where}: expected ${unique.length > 1 ? 'one of ' : ''}${unique.join(', ')}`;
}

/**
 * Rewrites a syntax refusal of the lexical pre-check (engine/analyse.ts) like the parser's
 * errors: a position given as a string offset becomes `error at line:column`, and an undeclared
 * prefix gets the PREFIX line that fixes it.
 *
 * @example
 * readablePrecheckError('unterminated string at offset 19', 'SELECT * {\n  ?s ?p "abc }') // 'error at 2:9: unterminated string'
 */
export function readablePrecheckError(message: string, query: string): string {
  if (message.startsWith('undeclared prefix')) return undeclaredPrefix(query) ?? message;
  const offset = / at offset (\d+)$/.exec(message);
  return offset ? `error at ${lineColumn(query, Number(offset[1]))}: ${message.slice(0, offset.index)}` : message;
}
