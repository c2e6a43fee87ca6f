// IRIs minted for the catalogue, datasets, distributions and services (no blank nodes anywhere).

/**
 * Fixed UUIDs for dcterms:identifier. dataportal.se deduplicates datasets by a UUID identifier
 * before their IRI, so these must never change between builds or when the base IRI moves.
 */
export const DATASET_UUID = {
  lkp: '53542058-9bc1-4396-a6e5-948a92473bc4',
  links: '8550aded-775a-4ea8-b533-11186c4dbafb',
} as const;

export type DatasetKey = keyof typeof DATASET_UUID;

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
