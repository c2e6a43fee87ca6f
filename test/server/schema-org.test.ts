// The landing page's schema.org Dataset: every fact from the manifest, the DCAT catalogue or the data, each language in its own value.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { UN_KOS_CITATION } from '../../src/graph/sources.js';
import { cfg, dist, manifest } from '../helpers.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const page = pageGetter(app);
const catalogue = new Parser().parse(readFileSync(dist('dcat.ttl'), 'utf8'));
const DS = `${cfg.base}dataset/lkp`;
const DCT = 'http://purl.org/dc/terms/';
/** The catalogue's literals of `s p` as JSON-LD values, sorted. */
const literals = (s: string, p: string) =>
  catalogue
    .filter((q) => q.subject.value === s && q.predicate.value === p)
    .map((q) => ({ '@value': q.object.value, '@language': (q.object as { language: string }).language }))
    .sort((a, b) => `${a['@language']} ${a['@value']}`.localeCompare(`${b['@language']} ${b['@value']}`));
const sorted = (values: Array<{ '@value': string; '@language': string }>) => [...values].sort((a, b) => `${a['@language']} ${a['@value']}`.localeCompare(`${b['@language']} ${b['@value']}`));

describe('schema.org Dataset on the landing page', () => {
  const markup = async (path = '/') => JSON.parse(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(await page(path))![1]!) as Record<string, any>;

  it('names and describes the dataset as the catalogue does, Swedish and English as separate language-tagged values', async () => {
    const m = await markup();
    expect(m['@type']).toBe('Dataset');
    expect(sorted(m.name)).toEqual(literals(DS, `${DCT}title`));
    expect(sorted(m.description)).toEqual(literals(DS, `${DCT}description`));
    expect(m.name.map((n: { '@language': string }) => n['@language'])).toEqual(['sv', 'en']);
    expect(m.description.map((n: { '@language': string }) => n['@language'])).toEqual(['sv', 'en']);
  });

  it('carries the catalogue\'s keywords and identifier, and its publication date, period and place', async () => {
    const m = await markup();
    expect(sorted(m.keywords)).toEqual(literals(DS, 'http://www.w3.org/ns/dcat#keyword'));
    expect(m.keywords.length).toBeGreaterThan(10);
    expect(m.identifier).toBe(catalogue.find((q) => q.subject.value === DS && q.predicate.value === `${DCT}identifier`)!.object.value);
    expect(m.datePublished).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(m.temporalCoverage).toBe('2016-01-26/2024-12-31');
    // named, as the catalogue names the place: Google does not read a GeoNames IRI (found by a harvester's audit)
    expect(m.spatialCoverage).toEqual({ '@type': 'Place', '@id': 'https://sws.geonames.org/2706766/', name: [{ '@value': 'Helsingborg', '@language': 'sv' }, { '@value': 'Helsingborg', '@language': 'en' }] });
    expect(m.version).toBe(manifest().version);
  });

  it('names the publisher (the catalogue\'s) and the creator (the project, as the data describes it), and the citation the UN KOS requires', async () => {
    const m = await markup();
    expect(m.publisher['@id']).toBe('http://dataportal.se/organisation/SE2120001157');
    expect(m.publisher.name).toEqual([{ '@value': 'Helsingborgs stad', '@language': 'sv' }, { '@value': 'City of Helsingborg', '@language': 'en' }]);
    expect(m.publisher.url).toBe('https://helsingborg.se/');
    expect(m.creator['@id']).toBe(`${cfg.base}org/livskvalitet-lod`);
    expect(m.creator.name).toEqual([{ '@value': 'Projektet Livskvalitet LOD', '@language': 'sv' }, { '@value': 'The Livskvalitet LOD project', '@language': 'en' }]);
    expect(m.citation).toBe(UN_KOS_CITATION);
    expect(m.includedInDataCatalog['@id']).toBe(`${cfg.base}catalog`);
  });

  // One dataset described three ways meets on one node: the markup names the DCAT dataset, whose
  // identifier it carries, and the link table is the catalogue's other dataset, a part with its own
  // identifier and files (before, the markup listed links.csv as its own; found by a harvester's audit).
  it('is the catalogue\'s dataset/lkp (sameAs), with its files, and has the link table as a part, as the catalogue has it', async () => {
    const m = await markup();
    expect(m.sameAs).toBe(DS);
    const distributionsOf = (ds: string) => catalogue.filter((q) => q.subject.value === ds && q.predicate.value === 'http://www.w3.org/ns/dcat#distribution').map((q) => q.object.value).filter((d) => !d.endsWith('/sparql')).sort();
    expect(m.distribution.map((d: { '@id': string }) => d['@id']).sort()).toEqual(distributionsOf(DS));
    const links = `${cfg.base}dataset/links`;
    expect(m.hasPart['@id']).toBe(links);
    expect(m.hasPart.identifier).toBe(catalogue.find((q) => q.subject.value === links && q.predicate.value === `${DCT}identifier`)!.object.value);
    expect(sorted(m.hasPart.name)).toEqual(literals(links, `${DCT}title`));
    expect(m.hasPart.distribution.map((d: { '@id': string }) => d['@id']).sort()).toEqual(distributionsOf(links));
    expect(m.hasPart.distribution.map((d: { contentUrl: string }) => d.contentUrl).sort()).toEqual([`${cfg.base}download/links.csv`, `${cfg.base}download/links.csv.gz`]);
  });

  it('invents nothing: no e-mail address, and the same markup in both page languages', async () => {
    const m = await markup();
    expect(JSON.stringify(m)).not.toMatch(/mailto:|email|[\w.]+@[\w-]+\.\w/);
    expect(await markup('/?lang=en')).toEqual(m);
  });
});
