// The ontology's versions: the current one in ontology/lkpo.ttl, each earlier one kept as published in ontology/versions/ and served at its version IRI.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Writer } from 'n3';
import { afterEach, describe, expect, it } from 'vitest';
import { archivedVersions, ONTOLOGY_VERSIONS_DIR } from '../../src/server/page-data.js';
import { cfg } from '../helpers.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const page = pageGetter(app);
const DEF = 'https://w3id.org/helsingborg-livskvalitet/def';
const OWL = 'http://www.w3.org/2002/07/owl#';
const read = (file: string) => new Parser().parse(readFileSync(file, 'utf8'));
const current = read(new URL('../../ontology/lkpo.ttl', import.meta.url).pathname);
const objectOf = (quads: ReturnType<typeof read>, p: string) => quads.filter((q) => q.subject.value === DEF && q.predicate.value === OWL + p).map((q) => q.object.value);

/** SHA-256 of a file's triples as sorted N-Triples lines: changes with any triple, not with comments or layout. */
const tripleHash = (file: string) => {
  const lines = new Writer({ format: 'N-Triples' }).quadsToString(read(file)).split('\n').filter(Boolean).sort();
  return { count: lines.length, sha256: createHash('sha256').update(lines.join('\n') + '\n').digest('hex') };
};

describe('the ontology\'s versions', () => {
  it('an earlier version is never edited: 0.1.0 holds the 309 triples published from 2026-11-23 to 2026-12-04', () => {
    expect(tripleHash(join(ONTOLOGY_VERSIONS_DIR, '0.1.0.ttl'))).toEqual({ count: 309, sha256: 'e53f798eb939548a47527fd424d26b25314d9d523e97ad2c864ecc8fe38ac699' });
  });

  it('an earlier version is never edited: 0.3.0 holds the 315 triples published on 2026-12-06 with data releases 0.3.0 and 0.4.0 (ontology/lkpo.ttl at 15b77b6)', () => {
    expect(tripleHash(join(ONTOLOGY_VERSIONS_DIR, '0.3.0.ttl'))).toEqual({ count: 315, sha256: '459a4737075de0cd6f610a198235e3679ce4d800a6e3392bb9889f52c4582b05' });
  });

  it('the current version names its number, its version IRI and the version before it, which is kept', () => {
    const [info] = objectOf(current, 'versionInfo');
    expect(objectOf(current, 'versionIRI')).toEqual([`${DEF}/${info}`]);
    const prior = objectOf(current, 'priorVersion');
    expect(prior).toEqual([`${DEF}/0.3.0`]);
    const kept = readdirSync(ONTOLOGY_VERSIONS_DIR).map((f) => `${DEF}/${f.replace(/\.ttl$/, '')}`);
    expect(kept).toEqual(expect.arrayContaining(prior));
    expect(kept).not.toContain(`${DEF}/${info}`);
  });

  it('the page of an earlier version says so and links the current one; the current page links the earlier one', async () => {
    const earlier = await page('/def/0.1.0');
    expect(earlier).toContain('Detta är en tidigare version av ontologin, 0.1.0, bevarad som den publicerades. Gällande version (0.5.0): <a href="/def">');
    expect(await page('/def/0.1.0?lang=en')).toContain('This is an earlier version of the ontology, 0.1.0, kept as it was published. The current version (0.5.0): <a href="/def?lang=en">');
    const now = await page('/def');
    expect(now).not.toContain('tidigare version av ontologin');
    expect(now).toContain(`<dt>Föregående version</dt><dd><a href="/def/0.3.0"><code class="iri">${DEF}/0.3.0</code></a></dd>`);
    // and each earlier version names the one before it
    expect(await page('/def/0.3.0')).toContain(`<dt>Föregående version</dt><dd><a href="/def/0.1.0"><code class="iri">${DEF}/0.1.0</code></a></dd>`);
  });

  it('an unknown version IRI is a 404', async () => {
    expect((await app.current.app.request('/def/0.9.9')).status).toBe(404);
  });
});

describe('archivedVersions: what a file in ontology/versions/ must be', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const withFile = (name: string, version: string) => {
    dir = mkdtempSync(join(tmpdir(), 'lkp-versions-'));
    writeFileSync(join(dir, name), `<${DEF}> a <${OWL}Ontology> ; <${OWL}versionIRI> <${DEF}/${version}> .\n`);
    return dir;
  };

  it('reads each file as the version its name gives', () => {
    const versions = archivedVersions(withFile('0.0.9.ttl', '0.0.9'), new Set([`${DEF}/0.3.0`]));
    expect([...versions.keys()]).toEqual([`${DEF}/0.0.9`]);
    expect(versions.get(`${DEF}/0.0.9`)).toMatchObject({ ontology: DEF, archived: true });
  });

  it('refuses a file whose version IRI is not the one its name gives', () => {
    expect(() => archivedVersions(withFile('0.0.9.ttl', '0.0.8'), new Set())).toThrow(/names one owl:versionIRI ending in \/0\.0\.9 \(found: <.*\/def\/0\.0\.8>\)/);
  });

  it('refuses to keep the current version as an earlier one', () => {
    expect(() => archivedVersions(withFile('0.3.0.ttl', '0.3.0'), new Set([`${DEF}/0.3.0`]))).toThrow(/is the current version IRI of ontology\/lkpo\.ttl; give the ontology a new version/);
  });
});
