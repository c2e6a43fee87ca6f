// Says what is wrong with a query's grouping (an aggregate out of place, a projected variable not grouped), where both parsers say it badly.
import { lineColumn } from './syntax-message.js';

/**
 * Oxigraph's sentences for a grouped query whose projection it refuses. It says "SELECT * is not
 * authorized with GROUP BY" also for a query with no GROUP BY (an aggregate in a FILTER groups
 * it), and "The SELECT contains a variable that is unbound" for a variable that is bound but not
 * grouped, both at the end of the query.
 */
const OXIGRAPH = /^(error at \d+:\d+): expected (?:one of )?[\s\S]*?\b(SELECT \* is not authorized with GROUP BY|The SELECT contains a variable that is unbound)\b/;
/** Traqula's (and so Comunica's) sentences for the same errors, with no place and no variable. */
const MISPLACED = /^Aggregates are only allowed in SELECT, HAVING, and ORDER BY clauses\.?$/;
const NOT_PROJECTABLE = /^Variable not allowed in projection$/;
const WILDCARD = /^GROUP BY not allowed with wildcard$/;

const AGGREGATE = /\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(/gi;
const VARIABLE = /[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+/g;

/**
 * The query with its strings, IRIs and comments blanked out (each character a space, line breaks
 * kept), so that words in them are not read as keywords and offsets stay the same.
 */
function masked(query: string): string {
  return query.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** Where the bracket that `open` (an offset of `(`) opens is closed, or the text's end. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** Offsets in `text` from `from` to `to` that stand outside any bracket of `(` and `{` opened in between. */
function topLevel(text: string, from: number, to: number): (offset: number) => boolean {
  const depthAt = new Int32Array(to - from + 1);
  let depth = 0;
  for (let i = from; i < to; i++) {
    depthAt[i - from] = depth;
    if (text[i] === '(' || text[i] === '{') depth++;
    else if ((text[i] === ')' || text[i] === '}') && depth > 0) depth--;
  }
  return (offset) => depthAt[offset - from] === 0;
}

/** The first aggregate standing directly in a FILTER or BIND (not in a subquery there): its name, place, and the keyword. */
function misplacedAggregate(text: string): { name: string; offset: number; within: string } | undefined {
  for (const m of text.matchAll(/\b(FILTER|BIND)\s*\(/gi)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open);
    for (const a of text.slice(open + 1, close).matchAll(AGGREGATE)) {
      // An aggregate inside a call (`FILTER(STR(COUNT(?x)))`) is as misplaced; one in `{ … }` (EXISTS { SELECT … }) is not.
      const offset = open + 1 + a.index;
      if (braceDepth(text, open + 1, offset) === 0) return { name: a[1]!.toUpperCase(), offset, within: m[1]!.toUpperCase() };
    }
  }
  return undefined;
}

/** How many `{` opened between `from` and `to` are still open at `to`. */
function braceDepth(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && depth > 0) depth--;
  }
  return depth;
}

/**
 * The first variable the top-level SELECT returns as it is (not in an `(… AS ?x)`) that the
 * top-level GROUP BY does not group by (none is grouped without one: an aggregate makes one group).
 */
function ungroupedVariable(text: string): { name: string; offset: number } | undefined {
  const select = /\bSELECT\b/i.exec(text);
  if (!select) return undefined;
  const start = select.index + select[0].length;
  const end = text.slice(start).search(/\bWHERE\b|\bFROM\b|\{/i);
  if (end < 0) return undefined;
  const atTop = topLevel(text, start, start + end);
  const returned = [...text.slice(start, start + end).matchAll(VARIABLE)].map((v) => ({ name: v[0], offset: start + v.index })).filter((v) => atTop(v.offset));
  const grouped = new Set<string>();
  const lastBrace = text.lastIndexOf('}');
  const group = /\bGROUP\s+BY\b/gi;
  group.lastIndex = lastBrace + 1;
  const by = group.exec(text);
  if (by) {
    const from = by.index + by[0].length;
    const rest = text.slice(from);
    const clause = rest.slice(0, Math.max(0, rest.search(/\b(?:HAVING|ORDER|LIMIT|OFFSET|VALUES)\b|$/i)));
    const clauseTop = topLevel(text, from, from + clause.length);
    for (const v of clause.matchAll(VARIABLE)) if (clauseTop(from + v.index)) grouped.add(v[0].slice(1));
    for (const v of clause.matchAll(/\bAS\s+[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)/gi)) grouped.add(v[1]!);
  }
  return returned.find((v) => !grouped.has(v.name.slice(1)));
}

/**
 * Rewrites both parsers' messages for a grouping error into one that says what is wrong and
 * where: an aggregate in a FILTER or BIND (named, at its place), SELECT * in a grouped query, or
 * the first returned variable that is neither grouped nor aggregated (named, at its place in the
 * SELECT). Oxigraph said "SELECT * is not authorized with GROUP BY" of a query with no GROUP BY and
 * "the SELECT contains a variable that is unbound" of a bound one; Comunica gave no place or name.
 * Undefined for any other message.
 *
 * @example
 * groupingError('error at 1:44: expected one of The SELECT contains a variable that is unbound, [_]', 'SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s')
 * // 'error at 1:11: ?p is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?p) AS ?…)'
 */
export function groupingError(message: string, query: string): string | undefined {
  const oxigraph = OXIGRAPH.exec(message);
  if (!oxigraph && !MISPLACED.test(message) && !NOT_PROJECTABLE.test(message) && !WILDCARD.test(message)) return undefined;
  const text = masked(query);
  const aggregate = misplacedAggregate(text);
  if (aggregate) {
    return `error at ${lineColumn(query, aggregate.offset)}: ${aggregate.name} is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in ${aggregate.within}`;
  }
  if (MISPLACED.test(message)) return 'an aggregate may stand in SELECT, HAVING and ORDER BY but not in FILTER or BIND';
  const where = oxigraph?.[1];
  const star = /\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*/i.exec(text);
  if (star) return `${where ? `${where}: ` : ''}SELECT * cannot return the solutions of a grouped query (one with GROUP BY or an aggregate): name what to return, each variable grouped by GROUP BY or inside an aggregate`;
  const ungrouped = ungroupedVariable(text);
  if (ungrouped) {
    const { name, offset } = ungrouped;
    return `error at ${lineColumn(query, offset)}: ${name} is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(${name}) AS ?…)`;
  }
  return `${where ? `${where}: ` : ''}a variable the query returns is neither grouped (GROUP BY) nor inside an aggregate, which a grouped query (one with GROUP BY or an aggregate) requires`;
}
