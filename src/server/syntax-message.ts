// Rewrites the SPARQL parser's error messages into something a person can act on.

/** A bracketed character class in a parser message (`['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}']`, `['.']`, `[_]`). */
const CLASS = /\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]/g;

/** Where an `error at L:C` message points in `query`, as a string offset (or -1). */
function offsetOf(message: string, query: string): number {
  const at = /^error at (\d+):(\d+)/.exec(message);
  if (!at) return -1;
  const lines = query.split('\n');
  const line = Number(at[1]) - 1;
  if (line >= lines.length) return -1;
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i]!.length + 1;
  return Math.min(query.length, offset + Number(at[2]) - 1);
}

/** The prefixed name (`foo:bar`) that ends where the parser stopped, if any. */
function prefixBefore(query: string, offset: number): string | undefined {
  const before = query.slice(Math.max(0, offset - 200), offset);
  return /([A-Za-z\u00C0-\uFFFD][\w.\-\u00B7\u00C0-\uFFFD]*)?:[^\s:<>"{}()]*$/u.exec(before)?.[1] ?? (before.endsWith(':') ? '' : undefined);
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
 * Rewrites an Oxigraph SPARQL syntax error (`error at L:C: expected …`) for people: an undeclared
 * prefix is named, with the PREFIX line that would fix it; a semantic check Oxigraph lists among
 * the expected tokens ("The SELECT contains a variable that is unbound") is given alone;
 * character classes, which Oxigraph prints as long Unicode range lists, become words ("a name
 * character", "a digit"); the grammar's whitespace rule (`[_]`) is left out; repeated items are
 * listed once. Any other message is returned unchanged.
 *
 * @example
 * readableSyntaxError("error at 1:22: expected one of Prefix not found, ['%'], ['.']", 'SELECT * { ?s foo:bar ?o }');
 * // 'error at 1:22: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'
 */
export function readableSyntaxError(message: string, query: string): string {
  const head = /^(error at \d+:\d+): expected (?:one of )?([\s\S]*)$/.exec(message);
  if (!head) return message;
  const [, where, list] = head;
  if (list!.includes('Prefix not found')) {
    const prefix = prefixBefore(query, offsetOf(message, query));
    if (prefix !== undefined) return `${where}: undeclared prefix "${prefix}:" (declare it first: PREFIX ${prefix}: <…>)`;
    return `${where}: undeclared prefix (declare each prefix with a PREFIX line before the query)`;
  }
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
