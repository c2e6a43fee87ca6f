// Each SHACL shape has a valid fixture that conforms and invalid fixtures whose reports match a committed snapshot.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { loadShapes, validateShacl } from '../../src/graph/shacl.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'shapes');
const validator = loadShapes(path.join(ROOT, 'ontology', 'shapes.ttl'));
const fixtures = readdirSync(FIXTURES).flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`)).sort();
const validate = (fixture: string) => validateShacl(validator, new Parser().parse(readFileSync(path.join(FIXTURES, fixture), 'utf8')));
const short = (iri: string) => iri.replace(/^.*[#/]/, '');

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
});
