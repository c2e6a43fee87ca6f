// IRIs minted for the catalogue, datasets, distributions and services (no blank nodes anywhere).
import type { DatasetKey } from './datasets.js';

/**
 * Every IRI the metadata mints, derived from the base IRI alone.
 * @example metadataIris('https://w3id.org/helsingborg-livskvalitet/').dataset('lkp') // '…/dataset/lkp'
 */
export function metadataIris(base: string) {
  return {
    catalog: `${base}catalog`,
    dataset: (key: DatasetKey) => `${base}dataset/${key}`,
    distribution: (name: string) => `${base}distribution/${encodeURIComponent(name)}`,
    checksum: (name: string) => `${base}distribution/${encodeURIComponent(name)}/checksum`,
    sparqlDistribution: `${base}distribution/sparql`,
    /** The SPARQL service: one IRI for dcat:DataService (catalogue) and sd:Service (SD). */
    service: `${base}service/sparql`,
    endpoint: `${base}sparql`,
    download: (name: string) => `${base}download/${encodeURIComponent(name)}`,
    landingPage: base,
    contact: `${base}contact/kontaktcenter`,
    telephone: `${base}contact/kontaktcenter/telephone`,
    period: (start: string, end: string) => `${base}period/${start}--${end}`,
    rights: `${base}rights/attribution`,
    void: `${base}.well-known/void`,
  };
}
