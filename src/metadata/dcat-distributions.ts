// DCAT distributions: one per dump file in the build manifest, plus the SPARQL endpoint.
import { LICENSE, XSD } from '../vocab.js';
import { AVAILABILITY_STABLE, describeFormat } from './dcat-refs.js';
import { FORMATS, GZIP, fileFormat, fileTypeIri, ianaIri, type FormatInfo } from './formats.js';
import type { DatasetKey } from './datasets.js';
import type { metadataIris } from './iris.js';
import { QuadSink, dcat, dcatap, dct, spdx, typed } from './rdf.js';

/** One file of `dist/manifest.json` (see docs/design.md). */
export interface ManifestFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

type Iris = ReturnType<typeof metadataIris>;

export interface PlannedDistribution {
  file: ManifestFile;
  dataset: DatasetKey;
  format: FormatInfo;
  gzip: boolean;
}

/**
 * Chooses which manifest files become distributions and of which dataset: `dataset.*` files are
 * dumps of the whole dataset, `links.*` of the link table; other files (metadata such as
 * `void.ttl`, `manifest.json`) and unknown formats are not distributions. Sorted by file name.
 *
 * @example
 * planDistributions([{ name: 'dataset.ttl', mediaType: 'text/turtle', bytes: 10, sha256: 'ab' }]);
 * // → [{ dataset: 'lkp', format: FORMATS['text/turtle'], gzip: false, file: … }]
 */
export function planDistributions(files: readonly ManifestFile[]): PlannedDistribution[] {
  const planned: PlannedDistribution[] = [];
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dataset: DatasetKey | undefined = file.name.startsWith('dataset.')
      ? 'lkp'
      : file.name.startsWith('links.')
        ? 'links'
        : undefined;
    const { format, gzip } = fileFormat(file.name, file.mediaType);
    if (dataset && format) planned.push({ file, dataset, format, gzip });
  }
  return planned;
}

/**
 * What a dump of the dataset keeps of its named graphs, as a sentence (with a leading space): TriG
 * and N-Quads keep one per source; the other formats hold their union, which JSON-LD could carry
 * but, like Turtle, gives as one graph of nodes. Nothing for the link table.
 */
function graphs(d: PlannedDistribution): { sv: string; en: string } {
  if (d.dataset !== 'lkp') return { sv: '', en: '' };
  if (/\.(trig|nq)(\.gz)?$/.test(d.file.name)) return { sv: ' En namngiven graf per källa.', en: ' One named graph per source.' };
  return {
    sv: ' Alla källors tripplar i en graf, unionen av de namngivna graferna; vilken graf en trippel hör till framgår av TriG- och N-Quads-filerna.',
    en: ' The triples of every source in one graph, the union of the named graphs; which graph holds a triple is given in the TriG and N-Quads files.',
  };
}

/**
 * Adds one dump distribution with its download URL, formats, size, checksum and licence.
 * @example for (const d of planDistributions(files)) addFileDistribution(sink, metadataIris(base), d);
 */
export function addFileDistribution(out: QuadSink, iris: Iris, d: PlannedDistribution): string {
  const dist = iris.distribution(d.file.name);
  const url = iris.download(d.file.name);
  const what = d.dataset === 'links' ? { sv: 'länktabellen', en: 'the link table' } : { sv: 'hela datamängden', en: 'the whole dataset' };
  const packed = d.gzip ? { sv: ', gzip-komprimerad', en: ', gzip-compressed' } : { sv: '', en: '' };
  const kept = graphs(d);
  out
    .type(dist, dcat('Distribution'))
    .add(dist, dct('title'), { sv: `${d.format.label.sv}: ${what.sv}${packed.sv}`, en: `${d.format.label.en}: ${what.en}${packed.en}` })
    .add(dist, dct('description'), {
      sv: `Nedladdningsfil med ${what.sv} i formatet ${d.format.label.sv}${packed.sv}.${kept.sv} Storlek och SHA-256-kontrollsumma anges.`,
      en: `Download of ${what.en} in ${d.format.label.en}${packed.en}.${kept.en} Size and SHA-256 checksum are given.`,
    })
    .add(dist, dcat('accessURL'), url)
    .add(dist, dcat('downloadURL'), url)
    .add(dist, dcat('byteSize'), typed(d.file.bytes, XSD.nonNegativeInteger));
  addFormat(out, dist, d.format);
  if (d.gzip) out.add(dist, dcat('compressFormat'), ianaIri(GZIP)).type(ianaIri(GZIP), dct('MediaType'));
  addTerms(out, iris, dist);

  const checksum = iris.checksum(d.file.name);
  out
    .add(dist, spdx('checksum'), checksum)
    .type(checksum, spdx('Checksum'))
    .add(checksum, spdx('algorithm'), spdx('checksumAlgorithm_sha256'))
    .add(checksum, spdx('checksumValue'), typed(d.file.sha256.toLowerCase(), XSD.hexBinary));
  return dist;
}

/**
 * The SPARQL endpoint as a distribution of the main dataset, accessed through the data service.
 * @example sink.add(dataset, dcat('distribution'), addSparqlDistribution(sink, metadataIris(base)));
 */
export function addSparqlDistribution(out: QuadSink, iris: Iris): string {
  const dist = iris.sparqlDistribution;
  out
    .type(dist, dcat('Distribution'))
    .add(dist, dct('title'), { sv: 'SPARQL-ändpunkt', en: 'SPARQL endpoint' })
    .add(dist, dct('description'), {
      sv: 'Fråga hela datamängden med SPARQL 1.1. Standardgrafen är unionen av alla namngivna grafer.',
      en: 'Query the whole dataset with SPARQL 1.1. The default graph is the union of all named graphs.',
    })
    .add(dist, dcat('accessURL'), iris.endpoint)
    .add(dist, dcat('accessService'), iris.service);
  addFormat(out, dist, FORMATS['application/sparql-query']!);
  addTerms(out, iris, dist);
  return dist;
}

function addFormat(out: QuadSink, dist: string, format: FormatInfo): void {
  out.add(dist, dct('format'), fileTypeIri(format)).add(dist, dcat('mediaType'), ianaIri(format.mediaType));
  describeFormat(out, format);
}

/** Licence, attribution note and availability, the same on every distribution. */
function addTerms(out: QuadSink, iris: Iris, dist: string): void {
  out
    .add(dist, dct('license'), LICENSE.ccBy4)
    .add(dist, dct('rights'), iris.rights)
    .add(dist, dcatap('availability'), AVAILABILITY_STABLE);
}
