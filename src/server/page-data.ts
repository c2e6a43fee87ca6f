// What pages need from the data, each built once on first use (or by the warm-up), shared by the routes, the 404 responder and the sitemap.
import oxigraph from 'oxigraph';
import { OWL } from '../vocab.js';
import type { Dataset } from './dataset.js';
import { subjectIndex, union, type Source, type SubjectIndex } from './describe.js';
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
   * ours that anything names), its subject index, and version IRI → ontology IRI.
   */
  resources(): { store: Source; index: SubjectIndex; versions: Map<string, string> };
  /** What builds each of the above, the dataset's stores first, for a warm-up to call one at a time. */
  steps(): Array<() => unknown>;
}

const built = new WeakMap<Dataset, PageData>();

/** Version IRI → ontology IRI (`…/def/0.1.0` → `…/def`), for ontologies of ours that name their version. */
function versionIris(source: Source, base: string): Map<string, string> {
  const versions = source.match(null, oxigraph.namedNode(OWL.versionIRI), null, null);
  return new Map(versions.filter((q) => q.object.value.startsWith(base)).map((q) => [q.object.value, q.subject.value]));
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
    return { store, index: subjectIndex(...stores), versions: versionIris(store, dataset.base) };
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
