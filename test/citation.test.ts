// CITATION.cff and LICENSE agree with the release and the licences the data states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptReleases } from '../src/graph/releases.js';
import { RELEASE, UN_KOS_CITATION } from '../src/graph/sources.js';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const cff = read('CITATION.cff');
/** A top-level `key: value` of the YAML (quotes removed); undefined when the key is absent or holds a block. */
const top = (key: string) => new RegExp(`^${key}: *"?([^"\\n>|]+?)"?$`, 'm').exec(cff)?.[1];
/** Folded (`>-`) blocks read as one line, as YAML reads them. */
const folded = cff.replace(/\n +(?=\S)/g, ' ');

describe('CITATION.cff', () => {
  it('is Citation File Format 1.2.0 with its required keys, for a dataset', () => {
    expect(top('cff-version')).toBe('1.2.0');
    for (const key of ['message', 'title', 'authors']) expect(cff, key).toMatch(new RegExp(`^${key}:`, 'm'));
    expect(top('type')).toBe('dataset');
  });

  it('gives the release\'s version and date, and the licence of package.json', () => {
    expect(top('version')).toBe(RELEASE.version);
    expect(top('date-released')).toBe(RELEASE.modified);
    expect(top('license')).toBe((JSON.parse(read('package.json')) as { license: string }).license);
  });

  it('names the release\'s kept data, at the URL where the server keeps it (data/releases/<version>/)', () => {
    const kept = `https://w3id.org/helsingborg-livskvalitet/download/${RELEASE.version}/dataset.trig`;
    expect(cff).toContain(`value: "${kept}"`);
    expect(keptReleases().get(RELEASE.version)?.sums.has('dataset.trig')).toBe(true);
    expect(cff.match(/\/download\/\d+\.\d+\.\d+\//g)).toEqual([`/download/${RELEASE.version}/`]);
  });

  it('is what the README says to cite: the release\'s version, date and kept data', () => {
    const readme = read('README.md').replace(/\n +/g, ' ');
    expect(readme).toContain(`Data, version ${RELEASE.version} (${RELEASE.modified})`);
    expect(readme).toContain(`(\`https://w3id.org/helsingborg-livskvalitet/download/${RELEASE.version}/dataset.trig\`)`);
  });

  it('cites the UN SDG KOS as its licence requires, word for word', () => {
    expect(folded).toContain(`Required citation: ${UN_KOS_CITATION}`);
    expect(read('LICENSE').replace(/\n/g, ' ')).toContain(UN_KOS_CITATION);
  });

  it('uses no tab and ends with a newline (YAML 1.2 allows no tab for indentation)', () => {
    expect(cff).not.toContain('\t');
    expect(cff.endsWith('\n')).toBe(true);
  });
});
