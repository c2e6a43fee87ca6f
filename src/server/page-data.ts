// What pages need from the data, each built once on first use (or by the warm-up), shared by the routes, the 404 responder and the sitemap.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { ROOT } from '../graph/config.js';
import { DEFAULT_BASE, OWL } from '../vocab.js';
import type { Dataset } from './dataset.js';
import { subjectIndex, union, type Source, type SubjectIndex } from './describe.js';
import { ExactStore, exactQuads } from './exact-store.js';
import { landingGraph } from './landing-rdf.js';
import { once } from './once.js';
import { schemaOrgDataset } from './schema-org.js';
import { linkMatrix } from './site/matrix.js';
import { siteModel, type SiteModel } from './site/model.js';

export interface PageData {
  /** Concepts, hierarchy, goals and links, as the overview, matrix, SDG and search pages read them. */
  model(): SiteModel;
  /** The landing page's schema.org Dataset. */
  schemaOrg(): Record<string, unknown>;
  /**
   * The data, the harvest metadata and the landing page's markup read as one store (every IRI of
   * ours that anything names), its subject index, and each version IRI of an ontology of ours
   * with what describes that version (see `OntologyVersion`).
   */
  resources(): { store: Source; index: SubjectIndex; versions: Map<string, OntologyVersion> };
  /** What builds each of the above, the dataset's stores first, for a warm-up to call one at a time. */
  steps(): Array<() => unknown>;
}

const built = new WeakMap<Dataset, PageData>();

/**
 * A version IRI of an ontology of ours: the current version's is described by the dataset; an
 * earlier one by its own file in ontology/versions/, kept as it was published (`archived`).
 */
export interface OntologyVersion {
  /** The ontology IRI (`…/def`). */
  ontology: string;
  store: Source;
  index: SubjectIndex;
  archived: boolean;
}

/** The folder of earlier ontology versions, one `<version>.ttl` each (`0.1.0.ttl` for `…/def/0.1.0`). */
export const ONTOLOGY_VERSIONS_DIR = join(ROOT, 'ontology', 'versions');

/**
 * The earlier versions in `dir`, by version IRI. Each file names one version IRI, the one its file
 * name gives; a file that does not, or that names the current version, stops the server.
 */
export function archivedVersions(dir: string, current: ReadonlySet<string>): Map<string, OntologyVersion> {
  const out = new Map<string, OntologyVersion>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ttl')).sort()) {
    const [path, name] = [join(dir, file), file.slice(0, -'.ttl'.length)];
    const store = new ExactStore(exactQuads(readFileSync(path, 'utf8'), 'ttl'));
    const named = store.match(null, oxigraph.namedNode(OWL.versionIRI), null, null);
    const only = named.length === 1 ? named[0] : undefined;
    if (!only?.object.value.endsWith(`/${name}`)) {
      throw new Error(`${path}: an earlier ontology version names one owl:versionIRI ending in /${name} (found: ${named.map((q) => `<${q.object.value}>`).join(', ') || 'none'})`);
    }
    const version = only.object.value;
    if (current.has(version)) throw new Error(`${path}: <${version}> is the current version IRI of ontology/lkpo.ttl; give the ontology a new version before keeping this one`);
    out.set(version, { ontology: only.subject.value, store, index: subjectIndex(store), archived: true });
  }
  return out;
}

/** Version IRI → what describes it: the dataset for the current versions, ontology/versions/ for earlier ones (under the default base, where the ontology is served). */
function versionsOf(source: Source, index: SubjectIndex, base: string): Map<string, OntologyVersion> {
  const named = source.match(null, oxigraph.namedNode(OWL.versionIRI), null, null).filter((q) => q.object.value.startsWith(base));
  const current = new Map(named.map((q): [string, OntologyVersion] => [q.object.value, { ontology: q.subject.value, store: source, index, archived: false }]));
  return base === DEFAULT_BASE ? new Map([...current, ...archivedVersions(ONTOLOGY_VERSIONS_DIR, new Set(current.keys()))]) : current;
}

/**
 * The page data of `dataset`, one set per dataset.
 *
 * @example
 * pageData(dataset).model().label(`${dataset.base}lkp/2016/4.4.3`, 'en')
 */
export function pageData(dataset: Dataset): PageData {
  let data = built.get(dataset);
  if (data) return data;
  const model = once(() => siteModel(dataset));
  const schemaOrg = once(() => schemaOrgDataset(dataset));
  const resources = once(() => {
    const stores = [dataset.store, dataset.metadata, landingGraph(dataset, schemaOrg())];
    const store = union(...stores);
    const index = subjectIndex(...stores);
    return { store, index, versions: versionsOf(store, index, dataset.base) };
  });
  data = { model, schemaOrg, resources, steps: () => [() => dataset.store, () => dataset.metadata, model, schemaOrg, resources] };
  built.set(dataset, data);
  return data;
}

/**
 * The site's pages for people besides the resource pages (see routes/ui.ts and the SDG lens in
 * routes/resource.ts): the overview pages, each matrix cell that counts a link, and the lens page
 * of each SDG goal and target (the ones /sdg and the matrix lead to). Not /sparql (robots.txt
 * disallows it), /search (a form) or the indicator pages, which hold only the UN's statements (and
 * say `noindex`, see lensPage).
 */
export function sitePages(dataset: Dataset): string[] {
  const model = pageData(dataset).model();
  const matrix = linkMatrix(model);
  const cells = matrix.groups.flatMap(({ focusAreas }) =>
    focusAreas.flatMap((f) => matrix.goals.filter((g) => matrix.cell(f.notation ?? '', g.number)?.links.length).map((g) => `/matrix/${f.notation}/${g.number}`)),
  );
  const lenses = model.goals.flatMap((g) => [g.concept.href, ...g.targets.map((t) => t.href)]);
  return ['/matrix', '/overview', '/sdg', ...cells, ...lenses];
}
