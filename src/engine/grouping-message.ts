// Says what is wrong with a query's grouping (an aggregate out of place, a projected variable or expression not grouped), where both parsers say it badly.
import { lineColumn } from './syntax-message.js';

/**
 * Oxigraph's sentences for a grouped query whose projection it refuses. It says "SELECT * is not
 * authorized with GROUP BY" also for a query with no GROUP BY (an aggregate in a FILTER groups
 * it), and "The SELECT contains a variable that is unbound" for a variable that is bound but not
 * grouped, both at the end of the query.
 */
const OXIGRAPH = /^(error at \d+:\d+): expected (?:one of )?[\s\S]*?\b(SELECT \* is not authorized with GROUP BY|The SELECT contains a variable that is unbound)\b/;
/**
 * Oxigraph's sentence for a returned expression (`(lang(?r) AS ?l)`) that uses a variable which is
 * no group key, outside an aggregate; it says it only of a grouped query, at the query's end.
 * Traqula's says which variable.
 */
const OXIGRAPH_EXPRESSION = /^(error at \d+:\d+): expected (?:one of )?[\s\S]*?\bThe SELECT contains an expression with a variable that is unbound\b/;
const UNGROUPED_IN_EXPRESSION = /^Use of ungrouped variable in projection of operation \(([?$][^)\s]+)\)$/;
/** Oxigraph's sentence for `(… AS ?l)` in a SELECT where ?l is already bound (by the pattern, or by `GROUP BY (… AS ?l)`). */
const OXIGRAPH_OVERRIDE = /^(error at \d+:\d+): expected (?:one of )?[\s\S]*?\bThe SELECT overrides an existing variable using an expression\b/;
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
  const { keys } = groupBy(text);
  return returned.find((v) => !keys.has(v.name.slice(1)));
}

/** A bracketed expression in the query: its `(`, and where what it holds ends (its `)`, or before its `AS`). */
interface Bracketed {
  open: number;
  close: number;
}

/**
 * The top-level GROUP BY: the names of its keys (variables, and `AS` names), and its bracketed
 * conditions, `(lang(?r))` with no name and `(lang(?r) AS ?l)` with one.
 */
function groupBy(text: string): { keys: Set<string>; unnamed: Bracketed[]; named: (Bracketed & { name: string })[] } {
  const keys = new Set<string>();
  const unnamed: Bracketed[] = [];
  const named: (Bracketed & { name: string })[] = [];
  const group = /\bGROUP\s+BY\b/gi;
  group.lastIndex = text.lastIndexOf('}') + 1;
  const by = group.exec(text);
  if (!by) return { keys, unnamed, named };
  const from = by.index + by[0].length;
  const rest = text.slice(from);
  const clause = rest.slice(0, Math.max(0, rest.search(/\b(?:HAVING|ORDER|LIMIT|OFFSET|VALUES)\b|$/i)));
  const clauseTop = topLevel(text, from, from + clause.length);
  for (const v of clause.matchAll(VARIABLE)) if (clauseTop(from + v.index)) keys.add(v[0].slice(1));
  for (let i = 0; i < clause.length; i++) {
    if (clause[i] !== '(' || !clauseTop(from + i)) continue;
    const open = from + i;
    const close = closing(text, open);
    const as = AS_NAME.exec(text.slice(open + 1, close));
    if (as) {
      keys.add(as[2]!.slice(1));
      named.push({ open, close: open + 1 + as.index, name: as[2]! });
    } else unnamed.push({ open, close });
    i = close - from;
  }
  return { keys, unnamed, named };
}

/** `AS ?name` at the end of a bracketed select or group expression. */
const AS_NAME = /(\s)AS\s+([?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)\s*$/i;

/** An expression that is a variable alone. */
const VARIABLE_ONLY = /^\s*[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+\s*$/;

/** An expression's text for comparison: without spaces, in one case. */
const same = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** The expression `(… AS ?x)` as the message quotes it: as written, or shortened when long. */
const quoted = (expression: string, name: string): string => `(${expression.length <= 40 ? expression : '…'} AS ${name})`;

/**
 * The first variable that a returned expression `(… AS ?x)` of the top-level SELECT uses outside
 * an aggregate and that GROUP BY does not group by (`variable`, if given: that one), with where
 * the expression stands; and the GROUP BY conditions that are the same expression, if any.
 */
function ungroupedInExpression(text: string, variable?: string) {
  const select = /\bSELECT\b/i.exec(text);
  if (!select) return undefined;
  const start = select.index + select[0].length;
  const end = start + text.slice(start).search(/\bWHERE\b|\bFROM\b|\{|$/i);
  const atTop = topLevel(text, start, end);
  const { keys, unnamed, named } = groupBy(text);
  const earlier = new Set<string>(); // names given by the SELECT's expressions before this one
  for (let i = start; i < end; i++) {
    if (text[i] !== '(' || !atTop(i)) continue;
    const open = i;
    i = closing(text, open);
    const as = AS_NAME.exec(text.slice(open + 1, i));
    if (!as) continue;
    const close = open + 1 + as.index; // the expression is text[open + 1, close)
    const expression = text.slice(open + 1, close);
    // Variables inside an aggregate need no group key: those are blanked out, offsets kept.
    for (const v of blankAggregates(text.slice(0, close), open + 1).slice(open + 1).matchAll(VARIABLE)) {
      if (keys.has(v[0].slice(1)) || (variable !== undefined && v[0].slice(1) !== variable.slice(1))) continue;
      return {
        name: v[0],
        offset: open + 1 + v.index,
        expression: { open, close },
        as: as[2]!,
        unnamed: unnamed.find((g) => same(text.slice(g.open + 1, g.close), expression)),
        named: named.find((g) => same(text.slice(g.open + 1, g.close), expression)),
        earlier: earlier.has(v[0].slice(1)),
      };
    }
    earlier.add(as[2]!.slice(1));
  }
  return undefined;
}

/** `text` with every aggregate call from `from` on (its name, brackets and arguments) blanked out, offsets kept. */
function blankAggregates(text: string, from: number): string {
  let out = text;
  for (const a of text.slice(from).matchAll(AGGREGATE)) {
    const at = from + a.index;
    const end = closing(text, at + a[0].length - 1);
    out = out.slice(0, at) + ' '.repeat(end + 1 - at) + out.slice(end + 1);
  }
  return out;
}

/**
 * The message for a returned expression that uses a variable which is no group key: the variable
 * at its place, and the way to group by the expression itself, named (`GROUP BY (lang(?r) AS ?l)`,
 * then `SELECT ?l`); a GROUP BY condition that is the same expression without a name, or with
 * one, is said so. `variable` is the one the parser named (Comunica does); `onlyNamed`: a message
 * only where GROUP BY names the expression (Oxigraph's "overrides an existing variable").
 *
 * @example
 * expressionMessage('SELECT (lang(?r) AS ?l) { ?s ?p ?r } GROUP BY (lang(?r))', …)
 * // 'error at 1:14: ?r is not a group key: GROUP BY (lang(?r)) groups by the expression but names no variable to return; write GROUP BY (lang(?r) AS ?l), then SELECT ?l'
 */
function expressionMessage(query: string, text: string, variable?: string, onlyNamed = false): string | undefined {
  const found = ungroupedInExpression(text, variable);
  if (!found || (onlyNamed && found.named === undefined)) return undefined;
  const { name, offset, as } = found;
  const expression = query.slice(found.expression.open + 1, found.expression.close).trim();
  const at = `error at ${lineColumn(query, offset)}: `;
  // Oxigraph refuses `(COUNT(*) AS ?n) ((?n + 1) AS ?m)`; Comunica answers it.
  if (found.earlier) return `${at}${name} is named by an earlier expression of this SELECT, which another expression there cannot use in a grouped query: write that expression out again in ${quoted(expression, as)}`;
  if (found.named) return `${at}${name} is not a group key, and GROUP BY already names this expression ${found.named.name}: return it as SELECT ${found.named.name}, without the expression`;
  if (VARIABLE_ONLY.test(expression)) return `${at}${name} is used in ${quoted(expression, as)} but is not a group key (GROUP BY) nor inside an aggregate; add ${name} to GROUP BY, or return (SAMPLE(${name}) AS ${as})`;
  const fix = `GROUP BY ${quoted(expression, as)}, then SELECT ${as}`;
  if (found.unnamed) {
    const condition = query.slice(found.unnamed.open, found.unnamed.close + 1);
    return `${at}${name} is not a group key: GROUP BY ${condition.length <= 42 ? condition : '(…)'} groups by the expression but names no variable to return; write ${fix}`;
  }
  return `${at}${name} is used in ${quoted(expression, as)} but is not a group key (GROUP BY) nor inside an aggregate; group by ${name}, or name the expression in GROUP BY: ${fix}`;
}

/**
 * Rewrites both parsers' messages for a grouping error into one that says what is wrong and
 * where: an aggregate in a FILTER or BIND (named, at its place), SELECT * in a grouped query, or
 * the first returned variable that is neither grouped nor aggregated (named, at its place in the
 * SELECT). Oxigraph said "SELECT * is not authorized with GROUP BY" of a query with no GROUP BY and
 * "the SELECT contains a variable that is unbound" of a bound one; Comunica gave no place or name.
 * A returned expression (`(lang(?r) AS ?l)`) that uses a variable which is no group key, outside an
 * aggregate, is said the same way, with how to group by the expression and return its name
 * (Oxigraph said "the SELECT contains an expression with a variable that is unbound", at the
 * query's end; Comunica "Use of ungrouped variable in projection of operation (?r)"); so is its
 * `SELECT (lang(?r) AS ?l) … GROUP BY (lang(?r) AS ?l)`, which Oxigraph calls an override.
 * Undefined for any other message.
 *
 * @example
 * groupingError('error at 1:44: expected one of The SELECT contains a variable that is unbound, [_]', 'SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s')
 * // 'error at 1:11: ?p is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?p) AS ?…)'
 */
export function groupingError(message: string, query: string): string | undefined {
  // Oxigraph's sentence gives the place (group 1), Comunica's the variable (group 1)
  const oxigraphExpression = OXIGRAPH_EXPRESSION.exec(message);
  const comunicaExpression = oxigraphExpression ? null : UNGROUPED_IN_EXPRESSION.exec(message);
  if (oxigraphExpression || comunicaExpression) {
    const where = oxigraphExpression?.[1];
    const said = expressionMessage(query, masked(query), comunicaExpression?.[1]);
    return said ?? `${where ? `${where}: ` : ''}an expression the query returns, (… AS ?…), uses a variable that is neither grouped (GROUP BY) nor inside an aggregate, which a grouped query requires`;
  }
  const override = OXIGRAPH_OVERRIDE.exec(message);
  // `SELECT (lang(?r) AS ?l) … GROUP BY (lang(?r) AS ?l)`: said as above; any other override is left to the parser's sentence.
  if (override) return expressionMessage(query, masked(query), undefined, true);
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
