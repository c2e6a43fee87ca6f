// Each SHACL shape has a valid fixture that conforms and invalid fixtures whose reports match a committed snapshot.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser, type Literal } from 'n3';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { loadShapes, messageIn, validateShacl } from '../../src/graph/shacl.js';
import { NS } from '../../src/vocab.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'shapes');
const validator = loadShapes(path.join(ROOT, 'ontology', 'shapes.ttl'));
const fixtures = readdirSync(FIXTURES).flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`)).sort();
const validate = (fixture: string) => validateShacl(validator, new Parser().parse(readFileSync(path.join(FIXTURES, fixture), 'utf8')));
/** An IRI by its local name; an inverse path (`^…#linkFrom`) keeps its `^`. */
const short = (iri: string) => iri.replace(/^(\^?).*[#/]/, '$1');

describe('ontology/shapes.ttl', () => {
  it.each(fixtures.filter((f) => f.endsWith('/valid.ttl')))('%s conforms with no warnings', async (f) => {
    const report = await validate(f);
    expect(report.violations).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it.each(fixtures.filter((f) => f.includes('/invalid.')))('%s fails with the expected report', async (f) => {
    const report = await validate(f);
    expect(report.violations.length).toBeGreaterThan(0);
    expect(report.violations.map((v) => `${short(v.focusNode)} ${short(v.path)}: ${v.message}`)).toMatchSnapshot();
  });

  it.each(fixtures.filter((f) => f.includes('/warning.')))('%s conforms but warns', async (f) => {
    const report = await validate(f);
    expect(report.violations).toEqual([]);
    expect(report.warnings.map((v) => `${short(v.focusNode)}: ${v.message}`)).toMatchSnapshot();
  });

  // a municipality reading our messages reads them in Swedish (`npm run validate -- --lang sv`)
  it('gives every sh:message exactly once in English and once in Swedish, and none untagged', () => {
    const quads = new Parser().parse(readFileSync(path.join(ROOT, 'ontology', 'shapes.ttl'), 'utf8')).filter((q) => q.predicate.value === `${NS.sh}message`);
    const langs = new Map<string, string[]>();
    for (const q of quads) langs.set(q.subject.value, [...(langs.get(q.subject.value) ?? []), (q.object as Literal).language].sort());
    expect(langs.size).toBeGreaterThan(25);
    expect([...langs].filter(([, l]) => l.join() !== 'en,sv')).toEqual([]);
  });

  it.each(fixtures.filter((f) => f.includes('/invalid.') || f.includes('/warning.')))('%s reports each message in English and Swedish apart', async (f) => {
    const report = await validate(f);
    for (const r of [...report.violations, ...report.warnings]) {
      // English as the snapshots above have it; Swedish also where rdf-validate-shacl says it its own way (sh:uniqueLang)
      expect(messageIn(r, 'en')).toBe(r.message);
      expect(r.messages.sv).toMatch(/^[A-ZÅÄÖ].*[.”]$/);
      expect(r.messages.sv).not.toContain(r.message);
    }
  });
});

describe('messages of shapes in other languages', () => {
  // a municipality's own copy of the shapes may have untagged messages, or only some languages
  const shapes = (messages: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shapes-'));
    writeFileSync(path.join(dir, 'shapes.ttl'), `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
[] a sh:NodeShape ; sh:targetClass skos:Concept ; sh:property [ sh:path skos:prefLabel ; sh:minCount 1 ${messages} ] .`);
    return loadShapes(path.join(dir, 'shapes.ttl'));
  };
  const data = new Parser().parse('<http://example.org/c> a <http://www.w3.org/2004/02/skos/core#Concept> .');

  it.each([
    ['untagged only', '; sh:message "Needs a label."', 'Needs a label.', {}, 'Needs a label.'],
    ['Swedish only', '; sh:message "Saknar etikett."@sv', 'Saknar etikett.', { sv: 'Saknar etikett.' }, 'Saknar etikett.'],
    ['English only, as en-GB', '; sh:message "Needs a label."@en-GB', 'Needs a label.', { en: 'Needs a label.' }, 'Needs a label.'],
    ['untagged and Swedish', '; sh:message "Needs a label.", "Saknar etikett."@sv', 'Needs a label.', { sv: 'Saknar etikett.' }, 'Saknar etikett.'],
    ['none (rdf-validate-shacl\'s own, in English)', '', 'Less than 1 values', {}, 'Less than 1 values'],
  ])('%s: message, messages and the Swedish one printed', async (_case, messages, message, byLang, sv) => {
    const [r] = (await validateShacl(shapes(messages), data)).violations;
    expect(r).toMatchObject({ message, messages: byLang });
    expect(messageIn(r!, 'sv')).toBe(sv);
    expect(messageIn(r!, 'en')).toBe(message);
  });
});
