// The landing page's schema.org Dataset (for Google Dataset Search and the like), built only from the manifest, the DCAT catalogue and the data.
import oxigraph from 'oxigraph';
import { UN_KOS_CITATION } from '../graph/sources.js';
import { metadataIris } from '../metadata/iris.js';
import { planDistributions } from '../metadata/dcat-distributions.js';
import type { DatasetKey } from '../metadata/datasets.js';
import { DCAT, DCTERMS, FOAF, LICENSE, NS, OWL, RDFS } from '../vocab.js';
import type { Dataset } from './dataset.js';
import type { Source } from './describe.js';

const node = oxigraph.namedNode;
/** The project that publishes the data and curates its links (the data's own description of `{base}org/livskvalitet-lod`). */
const PROJECT = 'org/livskvalitet-lod';

/** A JSON-LD value with its language. */
type Tagged = { '@value': string; '@language': string };

/** Swedish first, then English, then the rest in code-point order: one stable order for every list. */
const langOrder = (l: string) => (l === 'sv' ? '0' : l === 'en' ? '1' : `2${l}`);

/** The literals of `s p` as language-tagged JSON-LD values, Swedish first, each language's values sorted. */
function tagged(store: Source, s: string, p: string): Tagged[] {
  return store
    .match(node(s), node(p), null, null)
    .filter((q) => q.object.termType === 'Literal' && q.object.language !== '')
    .map((q) => ({ '@value': q.object.value, '@language': (q.object as oxigraph.Literal).language }))
    .sort((a, b) => langOrder(a['@language']).localeCompare(langOrder(b['@language'])) || (a['@value'] < b['@value'] ? -1 : a['@value'] > b['@value'] ? 1 : 0));
}

const first = (store: Source, s: string, p: string) => store.match(node(s), node(p), null, null)[0]?.object.value;

/** Leaves out the keys whose value is undefined or an empty list (a fact the catalogue does not state). */
const stated = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

/**
 * The schema.org Dataset `{base}dataset` the landing page embeds: name and description in
 * Swedish and English as separate language-tagged values, keywords, identifier, publication date,
 * period, place, publisher and catalogue as the DCAT catalogue states them for `{base}dataset/lkp`;
 * the project that makes the dataset as creator (from the data); the UN SDG KOS citation its
 * licence requires; one DataDownload per file the catalogue gives `{base}dataset/lkp` (named by the
 * catalogue's distribution IRI), and the link table, `{base}dataset/links` in the catalogue, as a
 * part with its own. `sameAs` names the DCAT dataset, where VoID meets it too. Every node has an IRI (the RDF of `/dataset` has no blank nodes), and a fact
 * the catalogue lacks is left out, never made up.
 *
 * @example
 * schemaOrgDataset(dataset).keywords // [{ '@value': 'agenda 2030', '@language': 'sv' }, …]
 */
export function schemaOrgDataset(dataset: Pick<Dataset, 'manifest' | 'base' | 'catalogue' | 'store'>): Record<string, unknown> {
  const { manifest, base, catalogue, store } = dataset;
  const iris = metadataIris(base);
  const ds = iris.dataset('lkp');
  const publisher = first(catalogue, ds, DCTERMS.publisher);
  const temporal = first(catalogue, ds, DCTERMS.temporal);
  const period = temporal && [first(catalogue, temporal, DCAT.startDate), first(catalogue, temporal, DCAT.endDate)];
  const spatial = first(catalogue, ds, DCTERMS.spatial);
  const project = `${base}${PROJECT}`;
  const projectName = tagged(store, project, FOAF.name);
  // The catalogue's IRI for each of its distributions: the same thing, so the two descriptions join.
  const planned = planDistributions(manifest.files);
  const downloads = (key: DatasetKey) =>
    planned
      .filter((d) => d.dataset === key)
      .map(({ file: f }) => ({ '@id': iris.distribution(f.name), '@type': 'DataDownload', encodingFormat: f.mediaType, contentUrl: `${base}download/${f.name}`, contentSize: `${f.bytes} B` }));
  const links = iris.dataset('links');
  const linkDownloads = downloads('links');
  return stated({
    '@context': NS.schema,
    '@type': 'Dataset',
    '@id': `${base}dataset`,
    // the DCAT (and VoID) dataset this markup describes, whose identifier it carries
    sameAs: ds,
    name: tagged(catalogue, ds, DCTERMS.title),
    description: tagged(catalogue, ds, DCTERMS.description),
    url: base,
    identifier: first(catalogue, ds, DCTERMS.identifier),
    keywords: tagged(catalogue, ds, DCAT.keyword),
    version: manifest.version,
    datePublished: first(catalogue, ds, DCTERMS.issued),
    dateModified: manifest.modified,
    temporalCoverage: period && period.every(Boolean) ? period.join('/') : undefined,
    spatialCoverage: spatial ? stated({ '@type': 'Place', '@id': spatial, name: tagged(catalogue, spatial, RDFS.label) }) : undefined,
    license: LICENSE.ccBy4,
    inLanguage: ['sv', 'en'],
    creator: projectName.length ? { '@type': 'Organization', '@id': project, name: projectName } : undefined,
    publisher: publisher
      ? stated({ '@type': 'Organization', '@id': publisher, name: tagged(catalogue, publisher, FOAF.name), url: first(catalogue, publisher, FOAF.homepage), sameAs: first(catalogue, publisher, OWL.sameAs) })
      : undefined,
    includedInDataCatalog: stated({ '@type': 'DataCatalog', '@id': iris.catalog, name: tagged(catalogue, iris.catalog, DCTERMS.title) }),
    citation: UN_KOS_CITATION,
    distribution: downloads('lkp'),
    // the links as a table: a dataset of its own in the catalogue, with its own identifier
    hasPart: linkDownloads.length
      ? stated({
          '@type': 'Dataset',
          '@id': links,
          name: tagged(catalogue, links, DCTERMS.title),
          description: tagged(catalogue, links, DCTERMS.description),
          identifier: first(catalogue, links, DCTERMS.identifier),
          license: LICENSE.ccBy4,
          distribution: linkDownloads,
        })
      : undefined,
  });
}
