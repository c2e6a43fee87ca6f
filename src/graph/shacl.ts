// SHACL validation of the dataset against ontology/shapes.ttl, split into violations and warnings.
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser, Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { NS } from '../vocab.js';
import { termToTurtle } from './turtle.js';

/** The languages the shapes' messages are written in (every sh:message has one of each). */
export const MESSAGE_LANGUAGES = ['en', 'sv'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export interface ShaclResult {
  severity: 'Violation' | 'Warning' | 'Info';
  focusNode: string;
  path: string;
  /** The message in English, else in whatever the shape says it in (see `messageIn`): what the build prints. */
  message: string;
  /** The shape's message per language, for the languages it has one in. */
  messages: Partial<Record<MessageLanguage, string>>;
  shape: string;
  /** The value that broke the constraint, in Turtle (`<…/13.9>`, `"x"@en`), where the result names one. */
  value?: string;
}

export interface ShaclReport {
  violations: ShaclResult[];
  warnings: ShaclResult[];
}

/** Parses a shapes file once; reuse the validator for many data graphs. */
export function loadShapes(file: string): SHACLValidator {
  const shapes = rdf.dataset(new Parser().parse(readFileSync(file, 'utf8')));
  return new SHACLValidator(shapes, { factory: rdf });
}

/**
 * Validates quads (all graphs taken together) and sorts the results by severity.
 * @example const { violations } = await validateShacl(loadShapes('ontology/shapes.ttl'), quads)
 */
export async function validateShacl(validator: SHACLValidator, quads: Quad[]): Promise<ShaclReport> {
  const data = new Store();
  for (const q of quads) data.addQuad(q.subject, q.predicate, q.object);
  const report = await validator.validate(data);
  const results: ShaclResult[] = report.results.map((r) => ({
    severity: (r.severity?.value.replace(NS.sh, '') ?? 'Violation') as ShaclResult['severity'],
    focusNode: r.focusNode?.value ?? '',
    path: r.path ? pathText(validator, r.path) : '',
    ...messagesOf(r.message, () => (r.sourceShape ? validator.$shapes.node(r.sourceShape).out(SH_MESSAGE).terms : []), r.sourceConstraintComponent?.value.replace(NS.sh, 'sh:') ?? ''),
    shape: r.sourceShape?.value ?? '',
    ...(r.value ? { value: termToTurtle(r.value, {}) } : {}),
  }));
  const key = (r: ShaclResult) => `${r.focusNode} ${r.path} ${r.message}`;
  results.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return { violations: results.filter((r) => r.severity === 'Violation'), warnings: results.filter((r) => r.severity !== 'Violation') };
}

const SH_MESSAGE = rdf.namedNode(`${NS.sh}message`);

/**
 * A property path of the shapes in SPARQL's syntax, IRIs in full: `^…#linkFrom` for an inverse path,
 * `a/b` for a sequence, `a|b` for alternatives, `a*`, `a+`, `a?`, a path within another bracketed
 * (`(a/b)+`); `(complex path)` for what it cannot read.
 * @example pathText(validator, inversePathNode) // '^https://w3id.org/helsingborg-livskvalitet/def#linkFrom'
 */
function pathText(validator: SHACLValidator, path: Term, depth = 0): string {
  if (path.termType === 'NamedNode') return path.value;
  if (depth > 8) return '(complex path)';
  const node = validator.$shapes.node(path);
  const one = (p: string) => node.out(rdf.namedNode(NS.sh + p)).terms[0];
  // a path inside another is bracketed unless it is one IRI, so that `(a/b)+` does not print as `a/b+`
  const inner = (t: Term) => (t.termType === 'NamedNode' ? t.value : `(${pathText(validator, t, depth + 1)})`);
  const inverse = one('inversePath');
  if (inverse) return `^${inner(inverse)}`;
  for (const [p, suffix] of [['zeroOrMorePath', '*'], ['oneOrMorePath', '+'], ['zeroOrOnePath', '?']] as const) {
    const t = one(p);
    if (t) return `${inner(t)}${suffix}`;
  }
  const alternatives = one('alternativePath');
  const list = (t: Term | undefined) => (t ? [...(validator.$shapes.node(t).list() ?? [])].map((x) => x.term) : []);
  if (alternatives) return list(alternatives).map(inner).join('|');
  const sequence = list(path);
  return sequence.length > 1 ? sequence.map(inner).join('/') : '(complex path)';
}

/** Texts by primary language subtag ("en-GB" is English), untagged ones under ''. */
function byLanguage(terms: Term[]): Map<string, string> {
  const texts = new Map<string, string[]>();
  for (const t of terms) {
    const lang = t.termType === 'Literal' ? (t.language.toLowerCase().split('-')[0] ?? '') : '';
    texts.set(lang, [...(texts.get(lang) ?? []), t.value]);
  }
  return new Map([...texts].map(([lang, values]) => [lang, values.join(' ')]));
}

/**
 * A result's messages by language. A shape may give one sh:message per language: joined, they
 * would print both languages glued together. `message` is the English one, else an untagged one,
 * else any other, else the constraint component. Where the result has no language-tagged message,
 * rdf-validate-shacl has put its own English text in place of the shape's (sh:uniqueLang: 'Language
 * "sv" has been used by 2 values'): `messages` then takes the shape's other languages from `shape`
 * (read only then).
 */
function messagesOf(result: Term[], shape: () => Term[], component: string): Pick<ShaclResult, 'message' | 'messages'> {
  const said = byLanguage(result);
  const tagged = [...said.keys()].some((lang) => lang !== '');
  const fromShape = tagged ? new Map<string, string>() : byLanguage(shape());
  fromShape.delete('en');
  const messages: ShaclResult['messages'] = {};
  for (const lang of MESSAGE_LANGUAGES) {
    const m = said.get(lang) ?? fromShape.get(lang);
    if (m !== undefined) messages[lang] = m;
  }
  return { message: said.get('en') ?? said.get('') ?? [...said.values()][0] ?? component, messages };
}

/**
 * A result's message in `lang`; where the shape has none in it, the one `message` holds (English
 * or untagged, most likely), so a shapes file of another municipality in one language still prints.
 * @example messageIn(report.violations[0], 'sv') // "En länk har exakt en motivering, …"
 */
export function messageIn(result: ShaclResult, lang: MessageLanguage): string {
  return result.messages[lang] ?? result.message;
}
