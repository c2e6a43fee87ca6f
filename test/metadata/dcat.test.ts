// DCAT-AP-SE catalogue: SHACL (DCAT-AP 3.0.1), harvesting rules of dataportal.se, determinism.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import rdf from '@zazuko/env-node';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { hasShared, SHARED } from '../helpers.js';
import { DATASET_KEYS, computeDcat, datasetUuid, metadataIris, uuidV5, validateDcat } from '../../src/metadata/index.js';
import { DEFAULT_BASE, EU_AUTHORITY, HELSINGBORG, IANA_MEDIA_TYPES, LICENSE, NS, PUBLISHER_TYPE } from '../../src/vocab.js';
import { BASE, MANIFEST, instances, nquads, objects, one } from './helpers.js';

const dcat = (l: string) => NS.dcat + l;
const dct = (l: string) => NS.dcterms + l;
const iris = metadataIris(BASE);
const build = () => computeDcat({ base: BASE, manifest: MANIFEST, counts: { triples: 7012, priorities: 58, quads: 7100 } });
const quads = build();

/** Code values, not prose: these literals are plain strings without a language tag. */
const CODE_PREDICATES = new Set([dct('identifier'), dcat('version')]);

describe('computeDcat: DCAT-AP 3.0.1 SHACL', () => {
  it('has no violations; the warnings are the known, accepted ones', async () => {
    const report = await validateDcat(quads);
    expect(report.violations).toEqual([]);
    expect(report.conforms).toBe(true);
    // Accepted (see src/metadata/README.md, "Accepted SHACL warnings"): no sourced ADMS licence-type labels in Swedish, no
    // sourced bounding box or centroid for Helsingborg, and no first-publication date yet.
    expect(report.warnings.map((w) => `${w.focusNode} ${w.path}`).sort()).toEqual([
      `${LICENSE.ccBy4} ${dct('type')}`,
      `${LICENSE.cc0} ${dct('type')}`,
      `${HELSINGBORG.geonames} ${dcat('bbox')}`,
      `${HELSINGBORG.geonames} ${dcat('centroid')}`,
      `${iris.catalog} ${dct('issued')}`,
    ].sort());
  });

  it.runIf(hasShared)('has no violations of the release\'s other shape set either (dcat-ap-SHACL.ttl and ranges.ttl in ../shared), without RDFS entailment', async () => {
    const dir = path.join(SHARED, 'data/dcat/dcat-ap-3.0.1');
    const shapes = rdf.dataset();
    for (const file of ['dcat-ap-SHACL.ttl', 'ranges.ttl']) {
      for (const q of new N3.Parser({ baseIRI: pathToFileURL(path.join(dir, file)).href }).parse(readFileSync(path.join(dir, file), 'utf8'))) shapes.add(q);
    }
    // This set checks `sh:class rdfs:Resource` (dcat:endpointURL, dcat:endpointDescription), which every
    // IRI is under RDFS entailment (rdfs4a/b): the catalogue says it of the endpoint, so the graph as
    // served passes without inference (until 2026-12-06 only with it; found by a harvester's audit).
    const data = rdf.dataset();
    for (const q of quads) data.add(q);
    const report = await new SHACLValidator(shapes, { factory: rdf, importGraph: () => rdf.dataset() }).validate(data);
    const violations = report.results.filter((r) => r.severity?.value === `${NS.sh}Violation`);
    expect(violations.map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.message.map((m) => m.value).join(' ')}`)).toEqual([]);
  });

  it('drops the issued warning when a first-publication date is given', async () => {
    const report = await validateDcat(computeDcat({ base: BASE, manifest: MANIFEST, issued: '2025-01-15' }));
    expect(report.warnings.some((w) => w.path === dct('issued'))).toBe(false);
  });

  // Invalid fixtures: each edit must be caught with the expected focus node, path and constraint.
  it.each([
    ['catalogue without title', (q: N3.Quad) => q.subject.value === iris.catalog && q.predicate.value === dct('title'), iris.catalog, dct('title'), 'MinCountConstraintComponent'],
    ['dataset without description', (q: N3.Quad) => q.subject.value === iris.dataset('lkp') && q.predicate.value === dct('description'), iris.dataset('lkp'), dct('description'), 'MinCountConstraintComponent'],
    ['distribution without accessURL', (q: N3.Quad) => q.subject.value === iris.distribution('dataset.ttl') && q.predicate.value === dcat('accessURL'), iris.distribution('dataset.ttl'), dcat('accessURL'), 'MinCountConstraintComponent'],
    ['publisher without name', (q: N3.Quad) => q.subject.value === HELSINGBORG.publisher && q.predicate.value === NS.foaf + 'name', HELSINGBORG.publisher, NS.foaf + 'name', 'MinCountConstraintComponent'],
    ['licence not typed', (q: N3.Quad) => q.subject.value === LICENSE.ccBy4 && q.predicate.value === NS.rdf + 'type', iris.distribution('dataset.ttl'), dct('license'), 'ClassConstraintComponent'],
  ])('reports a violation for a %s', async (_name, drop, focus, path, constraint) => {
    const report = await validateDcat(quads.filter((q) => !drop(q)));
    expect(report.violations).toContainEqual(expect.objectContaining({ focusNode: focus, path, constraint, severity: 'Violation' }));
  });

  it('reports a violation for a second catalogue licence (maxCount 1)', async () => {
    const extra = N3.DataFactory.quad(N3.DataFactory.namedNode(iris.catalog), N3.DataFactory.namedNode(dct('license')), N3.DataFactory.namedNode(LICENSE.ccBy4));
    const report = await validateDcat([...quads, extra]);
    expect(report.violations).toContainEqual(expect.objectContaining({ focusNode: iris.catalog, path: dct('license'), constraint: 'MaxCountConstraintComponent' }));
  });
});

describe('computeDcat: DCAT-AP-SE and dataportal.se rules', () => {
  it('uses no blank nodes anywhere', () => {
    const blank = quads.filter((q) => [q.subject, q.object, q.graph].some((t) => t.termType === 'BlankNode'));
    expect(blank).toEqual([]);
  });

  it('tags every text literal, in both Swedish and English', () => {
    const untagged = quads.filter(
      (q) =>
        q.object.termType === 'Literal' &&
        !(q.object as N3.Literal).language &&
        (q.object as N3.Literal).datatype.value === NS.xsd + 'string' &&
        !CODE_PREDICATES.has(q.predicate.value),
    );
    expect(untagged).toEqual([]);
    const langs = new Map<string, Set<string>>();
    for (const q of quads) {
      const lang = q.object.termType === 'Literal' ? (q.object as N3.Literal).language : '';
      if (!lang) continue;
      const key = `${q.subject.value} ${q.predicate.value}`;
      langs.set(key, (langs.get(key) ?? new Set()).add(lang));
    }
    for (const [key, set] of langs) expect([key, [...set].sort()]).toEqual([key, ['en', 'sv']]);
  });

  it('gives every distribution both an EU file type and an IANA media type, exactly one each', () => {
    const distributions = instances(quads, dcat('Distribution'));
    expect(distributions).toHaveLength(9); // 6 RDF dumps + gzip Turtle + links.csv + SPARQL
    for (const d of distributions) {
      expect(one(quads, d, dct('format'))).toMatch(new RegExp(`^${EU_AUTHORITY.fileType}[A-Z_]+$`));
      expect(one(quads, d, dcat('mediaType'))).toMatch(new RegExp(`^${IANA_MEDIA_TYPES}[a-z]+/[a-z+.-]+$`));
      expect(objects(quads, d, dcat('accessURL'))).toHaveLength(1);
      expect(one(quads, d, dct('license'))).toBe(LICENSE.ccBy4);
    }
  });

  it('describes each dump file with download URL, size and SHA-256 from the manifest', () => {
    const file = MANIFEST.files.find((f) => f.name === 'links.csv')!;
    const d = iris.distribution('links.csv');
    expect(one(quads, d, dcat('downloadURL'))).toBe(`${BASE}download/links.csv`);
    expect(one(quads, d, dcat('mediaType'))).toBe(`${IANA_MEDIA_TYPES}text/csv`);
    expect(one(quads, d, dcat('byteSize'))).toBe(String(file.bytes));
    const checksum = one(quads, d, NS.spdx + 'checksum');
    expect(one(quads, checksum, NS.spdx + 'checksumValue')).toBe(file.sha256.toLowerCase());
    expect(one(quads, checksum, NS.spdx + 'algorithm')).toBe(NS.spdx + 'checksumAlgorithm_sha256');
    expect(one(quads, iris.distribution('dataset.ttl.gz'), dcat('compressFormat'))).toBe(`${IANA_MEDIA_TYPES}application/gzip`);
  });

  it('says which dumps keep the named graphs and which hold their union', () => {
    const description = (file: string) => objects(quads, iris.distribution(file), dct('description')).join(' | ');
    for (const file of ['dataset.trig', 'dataset.nq']) expect(description(file)).toContain('One named graph per source.');
    for (const file of ['dataset.ttl', 'dataset.nt', 'dataset.jsonld', 'dataset.rdf', 'dataset.ttl.gz']) {
      expect(description(file)).toContain('the union of the named graphs');
      expect(description(file)).toContain('unionen av de namngivna graferna');
    }
    expect(description('links.csv')).not.toMatch(/graph/);
  });

  it('does not list metadata files as distributions', () => {
    expect(instances(quads, dcat('Distribution'))).not.toContain(iris.distribution('void.ttl'));
    expect(instances(quads, dcat('Distribution'))).not.toContain(iris.distribution('manifest.json'));
  });

  it('keeps the UUIDs our datasets were first published with, and gives a dataset on another base a UUID v5 of its IRI', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2'); // RFC 9562's DNS-namespace example
    const first = computeDcat({ base: DEFAULT_BASE, manifest: MANIFEST });
    expect(one(first, `${DEFAULT_BASE}dataset/lkp`, dct('identifier'))).toBe('53542058-9bc1-4396-a6e5-948a92473bc4');
    expect(one(first, `${DEFAULT_BASE}dataset/links`, dct('identifier'))).toBe('8550aded-775a-4ea8-b533-11186c4dbafb');
    const other = computeDcat({ base: 'https://data.example.se/', manifest: MANIFEST });
    for (const key of DATASET_KEYS) {
      const ours = one(quads, iris.dataset(key), dct('identifier'));
      const theirs = one(other, `https://data.example.se/dataset/${key}`, dct('identifier'));
      expect(one(build(), iris.dataset(key), dct('identifier'))).toBe(ours);
      expect(ours).toBe(datasetUuid(iris.dataset(key)));
      expect(theirs).not.toBe(ours);
      for (const id of [ours, theirs]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('has a CC0 catalogue published by Helsingborgs stad, typed LocalAuthority', () => {
    expect(one(quads, iris.catalog, dct('license'))).toBe(LICENSE.cc0);
    expect(one(quads, iris.catalog, dct('publisher'))).toBe(HELSINGBORG.publisher);
    expect(one(quads, HELSINGBORG.publisher, dct('type'))).toBe(PUBLISHER_TYPE.LocalAuthority);
    expect(one(quads, HELSINGBORG.publisher, dct('identifier'))).toBe('2120001157');
    expect(instances(quads, NS.foaf + 'Agent')).toContain(HELSINGBORG.publisher);
    // described in sv and en, as DCAT-AP-SE recommends
    const described = quads.filter((q) => q.subject.value === HELSINGBORG.publisher && q.predicate.value === dct('description'));
    expect(described.map((q) => (q.object as N3.Literal).language).sort()).toEqual(['en', 'sv']);
    expect(described.map((q) => q.object.value).join(' ')).toMatch(/kommunkod 1283.*municipality code 1283|municipality code 1283.*kommunkod 1283/);
  });

  it('describes the SPARQL endpoint as a data service reached from a distribution', () => {
    expect(one(quads, iris.service, dcat('endpointURL'))).toBe(`${BASE}sparql`);
    expect(one(quads, iris.service, dcat('servesDataset'))).toBe(iris.dataset('lkp'));
    expect(one(quads, iris.sparqlDistribution, dcat('accessService'))).toBe(iris.service);
    expect(objects(quads, iris.dataset('lkp'), dcat('distribution'))).toContain(iris.sparqlDistribution);
  });

  it('quotes the build figures and the SDG KOS citation', () => {
    expect(objects(quads, iris.dataset('lkp'), dct('description')).join(' ')).toContain('Size: 7012 triples, 58 priorities.');
    expect(objects(quads, iris.rights, NS.rdfs + 'label').join(' ')).toContain('Joshi, Gonzalez Morales, Klarman & Helton (2019)');
  });

  it('does not say the city authored the Linked Data, and licenses only the project\'s own work', () => {
    const catalogue = [...objects(quads, iris.catalog, dct('title')), ...objects(quads, iris.catalog, dct('description'))].join(' ');
    expect(catalogue).not.toMatch(/City of Helsingborg|Helsingborgs stad/);
    const rights = objects(quads, iris.rights, NS.rdfs + 'label').join(' ');
    expect(rights).not.toMatch(/Data (by|från) (the City of Helsingborg|Helsingborgs stad)/);
    expect(rights).toContain("The Livskvalitet LOD project's own work (structure, identifiers, ontology, curated links and translations) is licensed under CC BY 4.0.");
    expect(rights).toContain('the licence does not extend to rights that others hold in them');
    expect(rights).toContain('licensen omfattar inte rättigheter som andra har till dem');
  });

  it('is deterministic: two runs give identical sorted N-Quads', () => {
    expect(nquads(build())).toBe(nquads(quads));
    expect(build().map((q) => q.subject.value)).toEqual(quads.map((q) => q.subject.value));
  });
});
