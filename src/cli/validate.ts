// `npm run validate -- [--lang sv] [--shapes own.ttl] file.ttl [more.ttl …]`: checks another programme's Turtle against our SHACL shapes (or its own).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Quad } from '@rdfjs/types';
import { ROOT } from '../graph/config.js';
import rdf from '@zazuko/env-node';
import type SHACLValidator from 'rdf-validate-shacl';
import { directTripleProblems, numberingProblems, referenceProblems, skosProblems, type Problem } from '../graph/integrity.js';
import { NS, RDF } from '../vocab.js';
import { parseTurtle, parseTurtleFile, readText } from '../graph/rdf-io.js';
import { clip } from '../server/http.js';
import { loadShapes, MESSAGE_LANGUAGES, messageIn, validateShacl, type MessageLanguage } from '../graph/shacl.js';
import { userPath } from './paths.js';

const USAGE = `usage: npm run validate -- [--lang en|sv] [--shapes <shapes.ttl>] <file.ttl> [more.ttl …]

Validates the Turtle files together against ontology/shapes.ttl, with our ontology and the UN SDG
KOS as background, and checks notations, skos:broader cycles and each link's direct SKOS triple.
  -l, --lang <en|sv>       the language of the shapes' messages: en (English, the default) or sv
                           (Swedish); the rest of the output is in English
  -s, --shapes <file.ttl>  SHACL shapes to use instead of ontology/shapes.ttl, e.g. a copy of them
                           for a programme numbered otherwise
  -h, --help`;

const OPTIONS = { lang: { type: 'string', short: 'l' }, shapes: { type: 'string', short: 's' }, help: { type: 'boolean', short: 'h' } } as const;

/** Our shapes, which `validate` uses unless told otherwise. */
const OUR_SHAPES = path.join(ROOT, 'ontology', 'shapes.ttl');

/** RDF formats other than Turtle, by file extension, and by the first bytes of a file that exists. */
const OTHER_EXTENSIONS: Record<string, string> = { jsonld: 'JSON-LD', json: 'JSON-LD', rdf: 'RDF/XML', xml: 'RDF/XML', trig: 'TriG', nq: 'N-Quads' }; // .owl is Turtle or RDF/XML: read by its bytes

/** The RDF format a file is in that validate does not read (JSON-LD, RDF/XML, TriG, N-Quads), by its name, else by its `text` (read when asked for). */
function otherFormat(file: string, textOf: () => string): string | undefined {
  const byName = OTHER_EXTENSIONS[path.extname(file).slice(1).toLowerCase()];
  if (byName) return byName;
  const text = textOf().replace(/^\uFEFF/, '');
  const start = text.slice(0, 200).trimStart();
  // an XML declaration, comment or DOCTYPE, or the root element (Turtle starts no IRI with `<?` or `<!`)
  if (/^<(?:\?xml|!--|!DOCTYPE|rdf:RDF\b)/i.test(start)) return 'RDF/XML';
  // Turtle may start with `[` (a blank node), never with valid JSON
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'JSON-LD';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The language ranges of the shapes' sh:languageIn lists, lower case. */
function languageRanges(validator: SHACLValidator): Set<string> {
  const languageIn = rdf.namedNode(`${NS.sh}languageIn`);
  const lists = validator.$shapes.any().has(languageIn).out(languageIn).toArray();
  return new Set(lists.flatMap((list) => [...(list.list() ?? [])].map((item) => item.value.toLowerCase())));
}

/**
 * Literals whose language tag only begins like a range of the shapes' sh:languageIn (`@svenska`,
 * `@sve`, `@eng` for sv and en), which rdf-validate-shacl 0.6.5 lets pass (it compares by string
 * prefix), though by RFC 4647's basic filtering, which SHACL's sh:languageIn uses, a tag matches a
 * range only when it is the range or begins with the range and a hyphen (`sv-FI`).
 */
function languageTagProblems(own: Quad[], ranges: Set<string>): Problem[] {
  const matches = (tag: string, range: string) => tag === range || tag.startsWith(`${range}-`);
  const problems = new Map<string, Problem>();
  for (const q of own) {
    if (q.object.termType !== 'Literal' || !q.object.language) continue;
    const tag = q.object.language.toLowerCase();
    if ([...ranges].some((r) => matches(tag, r))) continue;
    const like = [...ranges].find((r) => tag.startsWith(r));
    if (like === undefined) continue;
    problems.set(`${q.subject.value} ${tag}`, { check: 'language-tag', subject: q.subject.value, message: `the language tag @${q.object.language} is not @${like} (nor a tag that begins "${like}-"): a page, a filter on lang() and the shapes' checks for @${like} do not see "${clip(q.object.value, 40)}"@${q.object.language}; write @${like}` });
  }
  return [...problems.values()];
}

/** The checks of `referenceProblems`, printed as violations (the others are the build's SKOS checks). */
const REFERENCE_CHECKS = new Set(['unknown-term', 'namespace', 'undescribed', 'language-tag']);

/**
 * The classes the shapes target with sh:targetClass, and their subclasses in `data` (SHACL counts
 * instances of a subclass too), or undefined if the shapes target nodes some other way (sh:targetNode,
 * sh:targetSubjectsOf, sh:targetObjectsOf, a shape that is a class), which this check leaves alone.
 */
function targetClasses(quads: Quad[], data: Quad[]): Set<string> | undefined {
  const other = ['targetNode', 'targetSubjectsOf', 'targetObjectsOf'].map((t) => NS.sh + t);
  if (quads.some((q) => other.includes(q.predicate.value) || (q.predicate.value === RDF.type && [NS.rdfs + 'Class', NS.owl + 'Class'].includes(q.object.value)))) return undefined;
  const targets = new Set(quads.filter((q) => q.predicate.value === `${NS.sh}targetClass`).map((q) => q.object.value));
  const subClassOf = data.filter((q) => q.predicate.value === `${NS.rdfs}subClassOf`);
  for (let grew = true; grew; ) {
    grew = false;
    for (const q of subClassOf) if (targets.has(q.object.value) && !targets.has(q.subject.value)) grew = Boolean(targets.add(q.subject.value));
  }
  return targets;
}

const isLanguage = (lang: string): lang is MessageLanguage => (MESSAGE_LANGUAGES as readonly string[]).includes(lang);

/**
 * What the shapes need besides a programme's own files: our ontology (the lkpo classes are
 * subclasses of skos:Concept, which `sh:class` follows) and the UN SDG KOS (the targets a link
 * points at must be described). Read from ontology/ and data/sdg.ttl; never reported on.
 */
function background(): Quad[] {
  const ontology = readdirSync(path.join(ROOT, 'ontology')).filter((f) => f.endsWith('.ttl') && f !== 'shapes.ttl');
  return [...ontology.map((f) => path.join(ROOT, 'ontology', f)), path.join(ROOT, 'data', 'sdg.ttl')].flatMap((f) => parseTurtleFile(f));
}

/**
 * Validates the given Turtle files together, with our ontology and the UN SDG KOS as background,
 * against the SHACL shapes (`shapes`, ours by default), and checks their notations, skos:broader
 * cycles and each link's direct SKOS triple (as the build does), printing the shapes' messages in
 * `lang`; returns the process exit code (1 on a violation or a SKOS problem).
 * @example await validateFiles(['my-programme.ttl', 'my-links.ttl'])
 */
export async function validateFiles(
  files: string[],
  print: (line: string) => void = console.log,
  { lang = 'en', shapes = OUR_SHAPES }: { lang?: MessageLanguage; shapes?: string } = {},
): Promise<number> {
  if (!files.length) {
    print(USAGE);
    return 2;
  }
  const tables = files.filter((f) => /\.csv$/i.test(f));
  if (tables.length) {
    print(`validate reads RDF in Turtle, not CSV (${tables.join(', ')}): a link table in data/links/*.csv is read by the build, which checks every row; write links for validate as lkpo:Link nodes in Turtle (README, "Publishing your own programme the same way")`);
    return 2;
  }
  // each file read once, for its format and then its triples
  const texts = new Map<string, string>();
  const textOf = (f: string) => texts.get(f) ?? texts.set(f, readText(userPath(f))).get(f)!;
  const others = files.map((f) => [f, otherFormat(f, () => textOf(f))] as const).filter(([, format]) => format !== undefined);
  if (others.length) {
    print(`validate reads Turtle (N-Triples too, which is Turtle), not ${others.map(([f, format]) => `${format} (${f})`).join(', ')}: write the file as Turtle, or convert it (any RDF library reads ${[...new Set(others.map(([, format]) => format))].join(' and ')} and writes Turtle)`);
    return 2;
  }
  if (!existsSync(shapes)) {
    print(`validate: no shapes file ${shapes}`);
    return 2;
  }
  const perFile = files.map((f) => parseTurtle(textOf(f), userPath(f)));
  const empty = files.filter((_f, i) => perFile[i]!.length === 0);
  if (empty.length) {
    print(`validate: ${empty.join(', ')} ${empty.length === 1 ? 'holds' : 'hold'} no triples: nothing to validate there (leave ${empty.length === 1 ? 'it' : 'them'} out, or write the programme or links in ${empty.length === 1 ? 'it' : 'them'})`);
    return 2;
  }
  const quads = perFile.flat();
  const context = background();
  const all = [...quads, ...context];
  const validator = loadShapes(shapes); // read once: for SHACL, and for the language ranges and classes it checks
  const report = await validateShacl(validator, all);
  const own = new Set(quads.map((q) => q.subject.value));
  const results = [...report.violations, ...report.warnings].filter((r) => own.has(r.focusNode));
  for (const r of results) print(`${r.severity}: <${r.focusNode}>${r.path ? ` ${r.path}` : ''}: ${messageIn(r, lang)}${r.value ? ` (value: ${r.value})` : ''}`);
  // what SHACL cannot say: a notation used twice in a scheme, a cycle of skos:broader (the shapes already
  // ask each level for its broader or topConceptOf; a concept of another scheme may stand alone)
  // the numbering (4.4.3.2 under 4.4.3) is Helsingborg's, as our shapes' is: a programme's own shapes leave it out
  const numbering = shapes === OUR_SHAPES ? numberingProblems(all) : [];
  const skos = [...skosProblems(all), ...numbering, ...directTripleProblems(quads)].filter((p) => own.has(p.subject) && p.check !== 'orphan');
  // and what no shape reports because then no shape targets the node: a misspelt lkpo term or namespace, an IRI of the structure that nothing describes
  skos.push(...referenceProblems(quads, context), ...languageTagProblems(quads, languageRanges(validator)));
  const targets = targetClasses([...validator.$shapes.dataset] as Quad[], all);
  if (targets && !quads.some((q) => q.predicate.value === RDF.type && targets.has(q.object.value))) {
    const named = [...targets].filter((c) => c.startsWith(NS.lkpo)).map((c) => c.replace(NS.lkpo, 'lkpo:'));
    skos.push({ check: 'untargeted', subject: files.join(', '), message: `no node in the files is of a class the shapes check${named.length ? ` (${named.join(', ')}, …)` : ''}, so no shape checked anything` });
  }
  for (const p of skos) print(p.check === 'untargeted' ? `Violation (${p.check}): ${p.message}` : `${REFERENCE_CHECKS.has(p.check) ? 'Violation' : 'SKOS'} (${p.check}): <${p.subject}>: ${p.message}`);
  const shaclViolations = results.filter((r) => r.severity === 'Violation').length;
  const violations = shaclViolations + skos.length;
  print(`${quads.length} triples: ${violations} violation(s), ${results.length - shaclViolations} warning(s)`);
  return violations ? 1 : 0;
}

/**
 * Runs the CLI's arguments (`--lang`, `--shapes`, `--help`, the files), printing what it says; returns the exit
 * code: 2, with the usage text, for an unknown option or language.
 * @example process.exitCode = await runValidate(['--lang', 'sv', 'my-programme.ttl'])
 */
export async function runValidate(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  const parsed = (() => {
    try {
      return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    } catch (e) {
      return e as Error; // parseArgs's own words: "Unknown option '--language'", "… argument missing"
    }
  })();
  if (parsed instanceof Error) {
    print(`validate: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const lang = (values.lang ?? 'en').toLowerCase();
  if (!isLanguage(lang)) {
    print(`validate: --lang must be ${MESSAGE_LANGUAGES.join(' or ')}, not ${JSON.stringify(values.lang)}\n${USAGE}`);
    return 2;
  }
  return validateFiles(positionals, print, { lang, shapes: values.shapes === undefined ? OUR_SHAPES : userPath(values.shapes) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runValidate(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e: Error) => {
      console.error(`validate: ${e.message}`);
      process.exit(2);
    });
}
