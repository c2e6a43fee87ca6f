// BINDs that assign a variable already in scope (SPARQL 1.1 §18.2.1), found in Traqula's syntax tree with their place.
import { located, type Diagnosis } from './diagnosis.js';

/** A node of Traqula's syntax tree, as far as the scope of variables needs it. */
interface AstNode {
  type?: string;
  subType?: string;
  value?: unknown;
  variable?: AstNode;
  variables?: AstNode[];
  patterns?: unknown[];
  where?: unknown;
  loc?: { start?: number };
}

const isNode = (x: unknown): x is AstNode => typeof x === 'object' && x !== null;

/**
 * Adds to `vars` the variables in scope after the pattern `node` (SPARQL 1.1 Query §18.2.1): every
 * variable of a triple, a path or a GRAPH name, and of the groups, OPTIONALs and UNIONs it holds; a
 * BIND's variable; a VALUES's; what a subquery returns; none of a FILTER or a MINUS.
 */
function addInScope(node: unknown, vars: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) addInScope(item, vars);
    return;
  }
  if (!isNode(node)) return;
  if (node.type === 'term' && node.subType === 'variable') vars.add(String(node.value));
  else if (node.type === 'pattern' && (node.subType === 'filter' || node.subType === 'minus')) return;
  else if (node.type === 'pattern' && node.subType === 'bind') addInScope(node.variable, vars);
  else if (node.type === 'query') {
    // A subquery: what it returns, its SELECT expressions' variables included (`(… AS ?v)`, a bind there).
    if (node.variables?.some((v) => v.type === 'wildcard')) addInScope(node.where, vars);
    else for (const v of node.variables ?? []) addInScope(v.type === 'pattern' ? v.variable : v, vars);
  } else for (const value of Object.values(node)) addInScope(value, vars);
}

/** The BINDs in the tree under `node` that assign a variable already in scope before them in their group, with where each starts. */
function rebindings(node: unknown, found: Array<{ variable: string; offset: number }>): void {
  if (Array.isArray(node)) {
    for (const item of node) rebindings(item, found);
    return;
  }
  if (!isNode(node)) return;
  if (node.type === 'pattern' && Array.isArray(node.patterns)) {
    const vars = new Set<string>();
    for (const element of node.patterns) {
      if (isNode(element) && element.type === 'pattern' && element.subType === 'bind') {
        const variable = String(element.variable?.value);
        if (vars.has(variable) && typeof element.loc?.start === 'number') found.push({ variable, offset: element.loc.start });
        vars.add(variable);
      } else addInScope(element, vars);
    }
  }
  for (const value of Object.values(node)) if (typeof value === 'object') rebindings(value, found);
}

/**
 * The first BIND in `query` that assigns a variable already in scope before it in its group, which
 * SPARQL forbids (SPARQL 1.1 Query §18.2.1, note 13 of the grammar), at the BIND's keyword; undefined
 * if there is none or the query does not parse. Oxigraph names no place for it, and where the query
 * goes on after the group (a LIMIT) it lists what it expected at the end ("expected OPTIONAL");
 * Traqula names the variable but no place, and misses a variable bound by an earlier BIND.
 *
 * @example
 * rebinding('SELECT * { ?s ?p ?o BIND(1 AS ?s) } LIMIT 5') // { offset: 20, message: 'BIND assigns ?s, which is already in scope …' }
 */
export function rebinding(query: string): Diagnosis | undefined {
  const tree = located(query);
  if (tree === undefined) return undefined;
  const found: Array<{ variable: string; offset: number }> = [];
  rebindings(tree, found);
  const first = found.sort((a, b) => a.offset - b.offset)[0];
  if (!first) return undefined;
  return {
    offset: first.offset,
    message: `BIND assigns ?${first.variable}, which is already in scope before it in its group (a BIND may only bring in a new variable: choose another name, or compare with FILTER)`,
  };
}
