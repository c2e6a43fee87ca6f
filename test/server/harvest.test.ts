// Against the real built dataset: what dataportal.se harvests validates, and the advertised downloads match the files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Parser, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { parseRdfXml } from '../../src/graph/rdfxml.js';
import { CSVW_METADATA } from '../../src/graph/links-csv-metadata.js';
import { UN_KOS_CITATION } from '../../src/graph/sources.js';
import { validateDcat } from '../../src/metadata/index.js';
import { cfg, dist, manifest } from '../helpers.js';
import { useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });

/** A triple as an N-Triples line: literals with their exact lexical form and datatype. */
const line = (q: Quad): string => `${termText(q.subject)} ${termText(q.predicate)} ${termText(q.object)}`;
const termText = (t: Quad['object']): string =>
  t.termType === 'Literal' ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}` : t.termType === 'NamedNode' ? `<${t.value}>` : `_:${t.value}`;

describe('the citation of the real dataset', () => {
  it('names the release\'s kept data on the landing page, and that URL serves it', async () => {
    const kept = `download/${manifest().version}/dataset.trig`;
    const home = await (await app.current.app.request('/', { headers: { accept: 'text/html' } })).text();
    expect(home).toContain(`version ${manifest().version}. ${cfg.base} Data: ${cfg.base}${kept}`);
    const res = await app.current.app.request(`/${kept}`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(new Uint8Array(await res.arrayBuffer())).digest('hex')).toBe(manifest().files.find((f) => f.name === 'dataset.trig')!.sha256);
  });
});

describe('harvest metadata of the real dataset', () => {
  it('serves at /datasets/dcat the RDF/XML the build validated, and it conforms to DCAT-AP 3.0.1 (0 violations)', async () => {
    const res = await app.current.app.request('/datasets/dcat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/rdf\+xml/);
    const xml = await res.text();
    expect(xml).toBe(readFileSync(dist('dcat.rdf'), 'utf8'));
    const quads = parseRdfXml(xml, `${cfg.base}datasets/dcat`);
    expect(quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    const report = await validateDcat(quads);
    expect(report.violations).toEqual([]);
  });

  it('serves the same catalogue, literal for literal, in Turtle, N-Triples and JSON-LD, and its IRIs\' documents keep the datatypes (dcat:byteSize an xsd:nonNegativeInteger)', async () => {
    const asBuilt = new Set(new Parser().parse(readFileSync(dist('dcat.ttl'), 'utf8')).map(line));
    expect([...asBuilt].some((l) => l.includes('"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>'))).toBe(true);
    for (const [accept, format] of [['text/turtle', 'Turtle'], ['application/n-triples', 'N-Triples']] as const) {
      const res = await app.current.app.request('/datasets/dcat', { headers: { accept } });
      expect(new Set(new Parser({ format, baseIRI: cfg.base }).parse(await res.text()).map(line)), accept).toEqual(asBuilt);
    }
    const jsonld = await app.current.app.request('/datasets/dcat', { headers: { accept: 'application/ld+json' } });
    expect(await jsonld.text()).toContain('"type": "xsd:nonNegativeInteger"');
    const distribution = await app.current.app.request('/distribution/dataset.ttl', { headers: { accept: 'application/n-triples' } });
    expect(distribution.status).toBe(200);
    const ownLines = new Parser({ format: 'N-Triples' }).parse(await distribution.text()).map(line).filter((l) => l.includes('#byteSize>'));
    expect(ownLines).toHaveLength(1);
    expect(asBuilt).toContain(ownLines[0]);
  });

  it.each(manifest().files.map((f) => [f.name, f] as const))('/download/%s serves the bytes whose size and checksum the catalogue states', async (name, file) => {
    const res = await app.current.app.request(`/download/${name}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(res.status).toBe(200);
    let body = Buffer.from(await res.arrayBuffer());
    if (res.headers.get('content-encoding') === 'gzip') body = gunzipSync(body);
    expect(body.length).toBe(file.bytes);
    expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
    // a dump's checksum is in the catalogue; links.csv's CSVW description is named there as the table's schema
    if (name === CSVW_METADATA) expect(readFileSync(dist('dcat.ttl'), 'utf8')).toContain(`${cfg.base}download/${CSVW_METADATA}`);
    else expect(readFileSync(dist('dcat.ttl'), 'utf8')).toContain(file.sha256);
  });

  it('links.csv names its CSV on the Web description, which describes its columns and carries the UN KOS citation', async () => {
    const csv = await app.current.app.request('/download/links.csv');
    expect(csv.headers.get('link')).toBe(`<${CSVW_METADATA}>; rel="describedby"; type="application/csvm+json"`);
    const header = (await csv.text()).split('\r\n')[0]!.split(',');
    const res = await app.current.app.request(`/download/${CSVW_METADATA}`);
    expect(res.headers.get('content-type')).toBe('application/csvm+json; charset=utf-8');
    const meta = (await res.json()) as { '@context': string; url: string; 'dc:rights': Array<{ '@value': string }>; tableSchema: { columns: Array<{ titles: string }> } };
    expect([meta['@context'], meta.url]).toEqual(['http://www.w3.org/ns/csvw', 'links.csv']);
    expect(meta.tableSchema.columns.map((c) => c.titles)).toEqual(header);
    for (const rights of meta['dc:rights']) expect(rights['@value']).toContain(UN_KOS_CITATION);
  });

  const compressed = manifest().files.filter((f) => f.mediaType === 'application/gzip');
  it.each(compressed.map((f) => [f.name, f] as const))('/download/%s, already gzip, is never coded again: its bytes, Content-Length = dcat:byteSize, no Content-Encoding', async (name, file) => {
    const byteSize = new Parser()
      .parse(readFileSync(dist('dcat.ttl'), 'utf8'))
      .find((q) => q.subject.value === `${cfg.base}distribution/${name}` && q.predicate.value === 'http://www.w3.org/ns/dcat#byteSize')?.object.value;
    expect(byteSize).toBe(String(file.bytes));
    for (const encoding of ['gzip', 'gzip, deflate, br', '*', 'identity']) {
      const res = await app.current.app.request(`/download/${name}`, { headers: { 'Accept-Encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-encoding'), encoding).toBeNull();
      expect(res.headers.get('content-length')).toBe(byteSize);
      expect(res.headers.get('vary')).toBeNull();
      expect(res.headers.get('etag')).toBe(`"${file.sha256.slice(0, 32)}"`);
      const body = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
      expect(gunzipSync(body).length).toBeGreaterThan(body.length);
    }
  });

  it('describes the dataset in VoID with the triple count of the build', async () => {
    const res = await app.current.app.request('/.well-known/void', { headers: { Accept: 'application/n-triples' } });
    expect(res.status).toBe(200);
    const nt = await res.text();
    expect(nt).toMatch(new RegExp(`<http://rdfs.org/ns/void#triples> "${manifest().counts.triples}"`));
  });

  it.each([
    ['/.well-known/void', '/dataset/lkp'],
    ['/datasets/dcat', '/catalog'],
  ])('sends a browser at %s to the page of what it describes, %s (not the UN\'s or Wikidata\'s dataset, which VoID names too)', async (path, page) => {
    const res = await app.current.app.request(path, { headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(page);
  });
});
