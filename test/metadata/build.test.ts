// The metadata computed from the real dist/ (built by test/global-setup.ts) agrees with the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeDcat, computeVoid, metadataIris, validateDcat } from '../../src/metadata/index.js';
import { buildConfig } from '../../src/graph/config.js';
import { LICENSE, LINK_TARGET, NS, RDF } from '../../src/vocab.js';
import { objects, one } from './helpers.js';

interface BuiltManifest {
  base: string;
  version: string;
  modified: string;
  graphs: { iri: string; triples: number }[];
  files: { name: string; mediaType: string; bytes: number; sha256: string }[];
  counts: Record<string, number>;
}

const dist = buildConfig().distDir;
let manifest: BuiltManifest;
let store: N3.Store;

beforeAll(() => {
  manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
  store = new N3.Store(new N3.Parser({ format: 'TriG' }).parse(readFileSync(path.join(dist, 'dataset.trig'), 'utf8')));
});

describe('metadata of the built dataset', () => {
  it('DCAT: every manifest dump is a distribution and the catalogue has no SHACL violations', async () => {
    const quads = computeDcat({ base: manifest.base, manifest, counts: manifest.counts });
    const iris = metadataIris(manifest.base);
    for (const file of manifest.files.filter((f) => f.name !== 'links.csv-metadata.json')) {
      expect(one(quads, iris.distribution(file.name), NS.dcat + 'byteSize')).toBe(String(file.bytes));
    }
    // the CSVW description is no distribution: it is the schema the link table's files conform to
    const csvw = iris.download('links.csv-metadata.json');
    expect(objects(quads, iris.distribution('links.csv'), NS.dcterms + 'conformsTo')).toEqual([csvw]);
    expect(objects(quads, iris.distribution('links.csv.gz'), NS.dcterms + 'conformsTo')).toEqual([csvw]);
    expect(objects(quads, iris.dataset('links'), NS.dcterms + 'conformsTo')).toEqual([csvw]);
    expect(objects(quads, csvw, RDF.type)).toEqual([NS.dcterms + 'Standard']);
    const report = await validateDcat(quads);
    expect(report.violations).toEqual([]);
  });

  it('VoID: triple counts agree with the union N-Triples dump and with the manifest per graph', () => {
    const datasetIri = metadataIris(manifest.base).dataset('lkp');
    const quads = computeVoid(store, {
      base: manifest.base,
      datasetIri,
      sparqlEndpoint: `${manifest.base}sparql`,
      dumps: manifest.files.map((f) => ({ url: `${manifest.base}download/${f.name}`, mediaType: f.mediaType })),
      modified: manifest.modified,
    });
    // dataset.nt is the union graph, one distinct triple a line. (manifest.counts.triples keys triples
    // by term values only, so "x"@sv and "x"@en count once there; it can be lower than this.)
    const ntLines = new Set(readFileSync(path.join(dist, 'dataset.nt'), 'utf8').split('\n').filter((l) => l.trim()));
    expect(Number(one(quads, datasetIri, NS.void + 'triples'))).toBe(ntLines.size);
    for (const g of manifest.graphs) expect([g.iri, Number(one(quads, g.iri, NS.void + 'triples'))]).toEqual([g.iri, g.triples]);
    expect(objects(quads, null, NS.void + 'objectsTarget')).toContain(LINK_TARGET.sdgKos);
    // the UN KOS licence asks for its citation wherever its data goes, VoID's sdg subset included
    expect(one(quads, `${manifest.base}graph/sdg`, NS.dcterms + 'bibliographicCitation')).toMatch(/^Amit Joshi, .*http:\/\/metadata\.un\.org\/sdg$/);
    expect(objects(quads, datasetIri, NS.void + 'dataDump').filter((d) => d.includes('links.csv'))).toEqual([]);
    // VoID and DCAT describe the same dataset IRI: one title per language between them
    const dcat = computeDcat({ base: manifest.base, manifest, counts: manifest.counts });
    const titles = [...objects(quads, datasetIri, NS.dcterms + 'title'), ...objects(dcat, datasetIri, NS.dcterms + 'title')];
    expect(new Set(titles).size).toBe(2);
  });

  it('names each licence by one IRI in the data, the ontology, VoID and DCAT: the http form DCAT-AP-SE lists, with the last slash', () => {
    const licences = new Set<string>();
    for (const file of ['dataset.trig', 'void.ttl', 'dcat.ttl']) {
      const parsed = new N3.Parser({ format: 'TriG' }).parse(readFileSync(path.join(dist, file), 'utf8'));
      for (const q of parsed) if (q.object.termType === 'NamedNode' && q.object.value.includes('creativecommons.org/')) licences.add(q.object.value);
    }
    expect([...licences].sort()).toEqual([LICENSE.ccBy4, LICENSE.cc0].sort());
    expect(LICENSE).toEqual({ ccBy4: 'http://creativecommons.org/licenses/by/4.0/', cc0: 'http://creativecommons.org/publicdomain/zero/1.0/' });
  });
});
