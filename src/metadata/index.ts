// Public surface of the harvest metadata: VoID, DCAT-AP-SE catalogue, Service Description, SHACL.
export { computeVoid, type Dump, type VoidOptions } from './void.js';
export { computeStats, LINK_PREDICATES, type DatasetStats } from './void-stats.js';
export { computeDcat, type DcatOptions, type Manifest } from './dcat.js';
export { planDistributions, type ManifestFile } from './dcat-distributions.js';
export { validateDcat, SHAPE_FILES, type DcatValidation, type ShaclResult } from './validate.js';
export { toRdfXml, parseRdfXml } from '../graph/rdfxml.js';
export { metadataIris } from './iris.js';
export { DATASET_KEYS, DATASET_TEXT, datasetUuid, uuidV5, type DatasetKey } from './datasets.js';
export { FORMATS, formatOf } from './formats.js';
export { sortQuads } from './rdf.js';
