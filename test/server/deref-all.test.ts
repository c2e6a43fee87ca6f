// Every IRI the service dereferences, in every format: status, headers, and the same triples in each (JSON-LD included).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { CONTEXT_DOCUMENT, CONTEXT_PATH } from '../../src/graph/context.js';
import { builtStore, cfg, dist } from '../helpers.js';
import { useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const base = cfg.base;
const req = (path: string) => app.current.app.request(path);

/** IRIs of ours that other routes serve as files or services (dumps, the endpoint, VoID, the landing page). */
const OTHER_ROUTES = /^(download\/|sparql$|\.well-known\/|$)/;
const ours = (iri: string) => iri.startsWith(base) && !iri.includes('#') && !OTHER_ROUTES.test(iri.slice(base.length));
const pathOf = (iri: string) => '/' + iri.slice(base.length);

const dataSubjects = [...new Set(builtStore().getSubjects(null, null, null).map((s) => s.value.split('#')[0]!))].filter(ours);

/** Every IRI of ours that the built DCAT catalogue and VoID name, as subject or object. */
const metadataIris = (() => {
  const iris = new Set<string>();
  for (const file of ['dcat.ttl', 'void.ttl'])
    for (const q of new Parser().parse(readFileSync(dist(file), 'utf8')))
      for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode' && ours(t.value)) iris.add(t.value);
  return [...iris].sort();
})();

/** The ontology's version IRIs: its current one, and the earlier ones it names (owl:priorVersion). */
const versionIris = ['versionIRI', 'priorVersion']
  .flatMap((p) => builtStore().getObjects(null, `http://www.w3.org/2002/07/owl#${p}`, null))
  .map((t) => t.value)
  .filter(ours);

const FORMATS = [
  ['html', 'text/html'],
  ['ttl', 'text/turtle'],
  ['nt', 'application/n-triples'],
  ['jsonld', 'application/ld+json'],
  ['rdf', 'application/rdf+xml'],
] as const;

const localContext = {
  documentLoader: async (url: string) => {
    if (url !== `${base}${CONTEXT_PATH}`) throw new Error(`unexpected context ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: CONTEXT_DOCUMENT };
  },
};

/** Canonical N-Quads (RDFC-1.0): equal strings mean isomorphic graphs, blank nodes aside. */
const canon = (nquads: string): Promise<string> =>
  jsonld.canonize(nquads as unknown as jsonld.JsonLdDocument, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads' } as unknown as jsonld.Options.Normalize);
const canonJsonLd = (doc: unknown): Promise<string> => jsonld.canonize(doc as jsonld.JsonLdDocument, { algorithm: 'RDFC-1.0', ...localContext } as unknown as jsonld.Options.Normalize);
const ntOfTurtle = (ttl: string) => new Writer({ format: 'N-Triples' }).quadsToString(new Parser({ baseIRI: base }).parse(ttl));
const ntOfRdfXml = (xml: string) => oxigraph.parse(xml, { format: 'rdf', base_iri: base }).map((q) => `${q.toString()} .`).join('\n') + '\n';
const embeddedJsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as unknown;

/**
 * Problems with one page path: every format answers 200 with the headers of a Linked Data document,
 * and Turtle, JSON-LD, the HTML's embedded JSON-LD and RDF/XML hold exactly the N-Triples' triples.
 */
async function problems(path: string, canonical: string, { withEmbedded = true } = {}): Promise<string[]> {
  const out: string[] = [];
  const bodies: Record<string, string> = {};
  for (const [ext, type] of FORMATS) {
    const res = await req(`${path}.${ext}`);
    const h = (name: string) => res.headers.get(name) ?? '';
    if (res.status !== 200) {
      out.push(`${path}.${ext}: ${res.status}`);
      continue;
    }
    if (!h('content-type').startsWith(type)) out.push(`${path}.${ext}: Content-Type ${h('content-type')}`);
    if (h('content-location') !== `${path}.${ext}`) out.push(`${path}.${ext}: Content-Location ${h('content-location')}`);
    if (!/^".+"$/.test(h('etag')) || !h('last-modified') || h('vary').split(/,\s*/).includes('Accept')) out.push(`${path}.${ext}: ETag/Last-Modified missing, or Vary: Accept on a URL that fixes the format`);
    if (!h('link').includes(`<${canonical}>; rel="canonical"`) || FORMATS.some(([e]) => !h('link').includes(`<${path}.${e}>; rel="alternate"`)))
      out.push(`${path}.${ext}: Link ${h('link')}`);
    bodies[ext] = await res.text();
  }
  if (Object.keys(bodies).length < FORMATS.length) return out;
  const nt = await canon(bodies.nt!);
  if (nt.trim() === '') out.push(`${path}: empty description`);
  const others: Array<[string, () => Promise<string>]> = [
    ['Turtle', () => canon(ntOfTurtle(bodies.ttl!))],
    ['JSON-LD', () => canonJsonLd(JSON.parse(bodies.jsonld!))],
    ...(withEmbedded ? [['embedded JSON-LD', () => canonJsonLd(embeddedJsonLd(bodies.html!))] as [string, () => Promise<string>]] : []),
    ['RDF/XML', () => canon(ntOfRdfXml(bodies.rdf!))],
  ];
  for (const [name, triples] of others) if ((await triples()) !== nt) out.push(`${path}: ${name} differs from N-Triples`);
  return out;
}

describe('every IRI dereferences in every format with the same triples', () => {
  it('finds the IRIs to check', () => {
    expect(dataSubjects.length).toBeGreaterThan(100);
    expect(metadataIris).toEqual(expect.arrayContaining([`${base}catalog`, `${base}dataset/lkp`, `${base}service/sparql`, `${base}distribution/dataset.ttl/checksum`]));
    expect(versionIris).toEqual([`${base}def/0.5.0`, `${base}def/0.3.0`]); // /def/0.1.0, which 0.3.0 names, is held below
  });

  it.each([
    ['every subject of the dataset', dataSubjects],
    ['every IRI of ours in the DCAT catalogue and VoID', metadataIris],
    ['the ontology\'s version IRIs and the landing page\'s schema.org @id', [...versionIris, `${base}dataset`]],
  ])('%s', async (_name, iris) => {
    const found: string[] = [];
    for (const iri of iris) found.push(...(await problems(pathOf(iri), iri)));
    expect(found).toEqual([]);
  });

  it('{BASE} itself, whose documents are /index.<ext> (its HTML, the landing page, embeds the schema.org Dataset instead)', async () => {
    expect(await problems('/index', base, { withEmbedded: false })).toEqual([]);
  });

  it('each data subject\'s document holds every statement the dataset makes about it (literals that differ only in language or datatype included)', async () => {
    const store = builtStore();
    const line = (q: { subject: never; predicate: never; object: never }) => new Writer({ format: 'N-Triples' }).quadToString(q.subject, q.predicate, q.object).trim();
    const missing: string[] = [];
    for (const iri of dataSubjects) {
      const doc = new Set(new Parser({ format: 'N-Triples' }).parse(await (await req(`${pathOf(iri)}.nt`)).text()).map((q) => line(q as never)));
      for (const q of store.getQuads(iri, null, null, null)) if (!doc.has(line(q as never))) missing.push(line(q as never));
    }
    expect(missing).toEqual([]);
  });

  it('the SDG lens pages of a goal, a target and an indicator', async () => {
    const found: string[] = [];
    for (const code of ['13', '13.2', '11.a', 'C130201', 'C010a01']) found.push(...(await problems(`/sdg/${code}`, `${base}sdg/${code}`)));
    expect(found).toEqual([]);
  });
});

describe('what a version IRI and /dataset describe', () => {
  it('/def/0.5.0 is the current ontology; /def/0.1.0 is version 0.1.0 as published (ontology/versions/0.1.0.ttl), not the current one', async () => {
    const [current, latest, earlier] = (await Promise.all(['/def.nt', '/def/0.5.0.nt', '/def/0.1.0.nt'].map(async (p) => (await req(p)).text()))) as [string, string, string];
    expect(latest).toBe(current);
    expect(current).toContain(`<${base}def> <http://www.w3.org/2002/07/owl#versionIRI> <${base}def/0.5.0> .`);
    expect(current).toContain(`<${base}def> <http://www.w3.org/2002/07/owl#priorVersion> <${base}def/0.3.0> .`);
    const archived = new Writer({ format: 'N-Triples' }).quadsToString(new Parser().parse(readFileSync(new URL('../../ontology/versions/0.1.0.ttl', import.meta.url), 'utf8')));
    expect(await canon(earlier)).toBe(await canon(archived));
    expect(earlier).toContain(`<${base}def> <http://www.w3.org/2002/07/owl#versionIRI> <${base}def/0.1.0> .`);
    expect(earlier).not.toBe(current);
  });

  it('/dataset is the landing page\'s schema.org Dataset, its downloads being the catalogue\'s distributions', async () => {
    const nt = await (await req('/dataset.nt')).text();
    expect(nt).toContain(`<${base}dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Dataset> .`);
    expect(nt).toContain(`<${base}dataset> <http://schema.org/distribution> <${base}distribution/dataset.ttl> .`);
    expect(nt).not.toContain('_:');
  });

  it('/service/sparql joins the catalogue\'s DataService and the endpoint\'s service description', async () => {
    const nt = await (await req('/service/sparql.nt')).text();
    expect(nt).toContain(`<${base}service/sparql> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#DataService> .`);
    expect(nt).toContain(`<${base}service/sparql> <http://www.w3.org/ns/sparql-service-description#endpoint> <${base}sparql> .`);
  });
});
