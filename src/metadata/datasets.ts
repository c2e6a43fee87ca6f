// The two datasets the metadata describes: their keys, titles, descriptions and name-based UUIDs.
import { createHash } from 'node:crypto';
import type { Bilingual } from './rdf.js';

export const DATASET_KEYS = ['lkp', 'links'] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

/**
 * Title and description of each dataset. VoID describes `{base}dataset/lkp` too (the same node as the
 * catalogue's dataset), so both take the title from here: one resource, one title per language.
 */
export const DATASET_TEXT: Record<DatasetKey, { title: Bilingual; description: Bilingual }> = {
  lkp: {
    title: { sv: 'Livskvalitetsprogrammet som länkade data', en: 'The Quality of Life Programme as Linked Data' },
    description: {
      sv:
        'Helsingborgs livskvalitetsprogram 2016–2024 (viljeinriktningar, fokusområden och prioriteringar) som SKOS-begrepp, ' +
        'tillsammans med Vision Helsingborg 2035, de tre transformationerna, Treklövern 2023–2026 och styrdokument, och ' +
        'kvalificerade länkar till FN:s globala mål, nationella mål och regionala strategier med grund, styrka och motivering.',
      en:
        "Helsingborg's Quality of Life Programme 2016–2024 (directions, focus areas and priorities) as SKOS concepts, " +
        'together with Vision Helsingborg 2035, the three transformations, the Treklövern programme 2023–2026 and policy ' +
        'documents, and qualified links to the UN Sustainable Development Goals, national objectives and regional strategies, ' +
        'each with its basis, strength and rationale.',
    },
  },
  links: {
    title: { sv: 'Länktabell: livskvalitetsprogrammet och de globala målen', en: 'Link table: the Quality of Life Programme and the SDGs' },
    description: {
      sv: 'Alla kvalificerade länkar i datamängden som en CSV-tabell: från-begrepp, till-begrepp, grund, styrka och motivering.',
      en: 'Every qualified link of the dataset as one CSV table: from-concept, to-concept, basis, strength and rationale.',
    },
  },
};

/**
 * Our namespace for name-based UUIDs: the UUID v5 of the default base IRI
 * (`https://w3id.org/helsingborg-livskvalitet/`) in RFC 9562's URL namespace, written out so it never moves.
 */
const UUID_NAMESPACE = 'a229d9f4-70fd-5ed5-850b-c00042780e72';

/**
 * A name-based UUID, version 5 (SHA-1; RFC 9562 §5.5).
 * @example uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8') // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The identifiers the datasets were first published with (on the default base), kept as they were. */
const FIRST_UUIDS: Readonly<Record<string, string>> = {
  'https://w3id.org/helsingborg-livskvalitet/dataset/lkp': '53542058-9bc1-4396-a6e5-948a92473bc4',
  'https://w3id.org/helsingborg-livskvalitet/dataset/links': '8550aded-775a-4ea8-b533-11186c4dbafb',
};

/**
 * The dcterms:identifier of a dataset. dataportal.se deduplicates datasets by a UUID identifier before
 * their IRI, so it must not change between builds: our datasets keep the UUIDs they were first
 * published with, and a dataset on another BASE gets one derived from its IRI (UUID v5 in
 * UUID_NAMESPACE), the same at every build, instead of claiming ours.
 * @example datasetUuid('https://w3id.org/helsingborg-livskvalitet/dataset/lkp') // '53542058-9bc1-4396-a6e5-948a92473bc4'
 */
export const datasetUuid = (datasetIri: string): string => FIRST_UUIDS[datasetIri] ?? uuidV5(datasetIri, UUID_NAMESPACE);
