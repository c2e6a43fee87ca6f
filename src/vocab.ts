// Every namespace and IRI constant the application code uses, grouped by vocabulary.

/** The persistent default base IRI of the dataset's own resources (see README, "URI patterns"). */
export const DEFAULT_BASE = 'https://w3id.org/helsingborg-livskvalitet/';

/**
 * The ontology namespace. It is fixed (not moved by the BASE setting) so that other
 * municipalities who reuse the vocabulary keep stable term IRIs.
 */
export const LKPO_NS = 'https://w3id.org/helsingborg-livskvalitet/def#';
export const ONTOLOGY_IRI = 'https://w3id.org/helsingborg-livskvalitet/def';

/** Builds IRIs from a namespace: `ns('label')` → `<namespace>label`. */
export type Namespace = (local: string) => string;
export const namespace =
  (base: string): Namespace =>
  (local) =>
    base + local;

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  prov: 'http://www.w3.org/ns/prov#',
  org: 'http://www.w3.org/ns/org#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  void: 'http://rdfs.org/ns/void#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  sh: 'http://www.w3.org/ns/shacl#',
  vann: 'http://purl.org/vocab/vann/',
  schema: 'https://schema.org/',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  sdg: 'http://metadata.un.org/sdg/',
  sdgo: 'http://metadata.un.org/sdg/ontology#',
  formats: 'http://www.w3.org/ns/formats/',
  wd: 'http://www.wikidata.org/entity/',
  lkpo: LKPO_NS,
} as const;

export type Prefix = keyof typeof NS;

export const RDF = {
  type: NS.rdf + 'type',
  langString: NS.rdf + 'langString',
  Property: NS.rdf + 'Property',
};

export const XSD = {
  string: NS.xsd + 'string',
  integer: NS.xsd + 'integer',
  date: NS.xsd + 'date',
  dateTime: NS.xsd + 'dateTime',
  nonNegativeInteger: NS.xsd + 'nonNegativeInteger',
  hexBinary: NS.xsd + 'hexBinary',
};

export const RDFS = {
  label: NS.rdfs + 'label',
  comment: NS.rdfs + 'comment',
  isDefinedBy: NS.rdfs + 'isDefinedBy',
  seeAlso: NS.rdfs + 'seeAlso',
  Class: NS.rdfs + 'Class',
  Datatype: NS.rdfs + 'Datatype',
  subClassOf: NS.rdfs + 'subClassOf',
  subPropertyOf: NS.rdfs + 'subPropertyOf',
  domain: NS.rdfs + 'domain',
  range: NS.rdfs + 'range',
};

export const OWL = {
  Ontology: NS.owl + 'Ontology',
  sameAs: NS.owl + 'sameAs',
  versionIRI: NS.owl + 'versionIRI',
  versionInfo: NS.owl + 'versionInfo',
  priorVersion: NS.owl + 'priorVersion',
  Class: NS.owl + 'Class',
  ObjectProperty: NS.owl + 'ObjectProperty',
  DatatypeProperty: NS.owl + 'DatatypeProperty',
  AnnotationProperty: NS.owl + 'AnnotationProperty',
  FunctionalProperty: NS.owl + 'FunctionalProperty',
};

/** VANN terms an ontology header uses to name its preferred prefix and namespace. */
export const VANN = {
  preferredNamespacePrefix: NS.vann + 'preferredNamespacePrefix',
  preferredNamespaceUri: NS.vann + 'preferredNamespaceUri',
};

export const SKOS = {
  Concept: NS.skos + 'Concept',
  ConceptScheme: NS.skos + 'ConceptScheme',
  prefLabel: NS.skos + 'prefLabel',
  altLabel: NS.skos + 'altLabel',
  hiddenLabel: NS.skos + 'hiddenLabel',
  notation: NS.skos + 'notation',
  definition: NS.skos + 'definition',
  note: NS.skos + 'note',
  scopeNote: NS.skos + 'scopeNote',
  editorialNote: NS.skos + 'editorialNote',
  inScheme: NS.skos + 'inScheme',
  topConceptOf: NS.skos + 'topConceptOf',
  hasTopConcept: NS.skos + 'hasTopConcept',
  broader: NS.skos + 'broader',
  narrower: NS.skos + 'narrower',
  related: NS.skos + 'related',
  exactMatch: NS.skos + 'exactMatch',
  closeMatch: NS.skos + 'closeMatch',
  relatedMatch: NS.skos + 'relatedMatch',
  broadMatch: NS.skos + 'broadMatch',
  narrowMatch: NS.skos + 'narrowMatch',
};

export const DCTERMS = {
  title: NS.dcterms + 'title',
  description: NS.dcterms + 'description',
  identifier: NS.dcterms + 'identifier',
  source: NS.dcterms + 'source',
  created: NS.dcterms + 'created',
  modified: NS.dcterms + 'modified',
  issued: NS.dcterms + 'issued',
  license: NS.dcterms + 'license',
  publisher: NS.dcterms + 'publisher',
  creator: NS.dcterms + 'creator',
  bibliographicCitation: NS.dcterms + 'bibliographicCitation',
  rights: NS.dcterms + 'rights',
  temporal: NS.dcterms + 'temporal',
  spatial: NS.dcterms + 'spatial',
};

export const SDGO = {
  Goal: NS.sdgo + 'Goal',
  Target: NS.sdgo + 'Target',
  Indicator: NS.sdgo + 'Indicator',
  SDGCodeCompact: NS.sdgo + 'SDGCodeCompact',
  hasTarget: NS.sdgo + 'hasTarget',
  isTargetOf: NS.sdgo + 'isTargetOf',
};

/** SPARQL 1.1 Service Description terms used by the endpoint's self-description. */
export const SD = {
  Service: NS.sd + 'Service',
  Dataset: NS.sd + 'Dataset',
  Graph: NS.sd + 'Graph',
  NamedGraph: NS.sd + 'NamedGraph',
  endpoint: NS.sd + 'endpoint',
  supportedLanguage: NS.sd + 'supportedLanguage',
  SPARQL11Query: NS.sd + 'SPARQL11Query',
  resultFormat: NS.sd + 'resultFormat',
  feature: NS.sd + 'feature',
  UnionDefaultGraph: NS.sd + 'UnionDefaultGraph',
  defaultDataset: NS.sd + 'defaultDataset',
  defaultGraph: NS.sd + 'defaultGraph',
  namedGraph: NS.sd + 'namedGraph',
  name: NS.sd + 'name',
  graph: NS.sd + 'graph',
};

/** W3C format identifiers (https://www.w3.org/ns/formats/), local names as published. */
export const FORMATS = {
  SPARQL_Results_JSON: NS.formats + 'SPARQL_Results_JSON',
  SPARQL_Results_XML: NS.formats + 'SPARQL_Results_XML',
  SPARQL_Results_CSV: NS.formats + 'SPARQL_Results_CSV',
  SPARQL_Results_TSV: NS.formats + 'SPARQL_Results_TSV',
  Turtle: NS.formats + 'Turtle',
  N_Triples: NS.formats + 'N-Triples',
  N_Quads: NS.formats + 'N-Quads',
  TriG: NS.formats + 'TriG',
  JSON_LD: NS.formats + 'JSON-LD',
  RDF_XML: NS.formats + 'RDF_XML',
};

/** FOAF terms the server states about its own landing page (`{BASE}`) and reads from the catalogue. */
export const FOAF = {
  Document: NS.foaf + 'Document',
  primaryTopic: NS.foaf + 'primaryTopic',
  name: NS.foaf + 'name',
  homepage: NS.foaf + 'homepage',
};

/** DCAT terms the server reads from the built catalogue. */
export const DCAT = {
  keyword: NS.dcat + 'keyword',
  startDate: NS.dcat + 'startDate',
  endDate: NS.dcat + 'endDate',
};

export const PROV = {
  Entity: NS.prov + 'Entity',
  wasAttributedTo: NS.prov + 'wasAttributedTo',
  generatedAtTime: NS.prov + 'generatedAtTime',
  wasDerivedFrom: NS.prov + 'wasDerivedFrom',
};

const lkpo = namespace(LKPO_NS);

/** Terms of our own small ontology (ontology/lkpo.ttl defines each of them). */
export const LKPO = {
  Programme: lkpo('Programme'),
  ProgrammeVersion: lkpo('ProgrammeVersion'),
  Direction: lkpo('Direction'),
  FocusArea: lkpo('FocusArea'),
  Priority: lkpo('Priority'),
  Vision: lkpo('Vision'),
  VisionArea: lkpo('VisionArea'),
  Transformation: lkpo('Transformation'),
  ProgrammeArea: lkpo('ProgrammeArea'),
  SteeringDocument: lkpo('SteeringDocument'),
  PolicyGoal: lkpo('PolicyGoal'),
  Link: lkpo('Link'),
  Basis: lkpo('Basis'),
  Strength: lkpo('Strength'),
  linkFrom: lkpo('linkFrom'),
  linkTo: lkpo('linkTo'),
  basis: lkpo('basis'),
  strength: lkpo('strength'),
  rationale: lkpo('rationale'),
  citedSection: lkpo('citedSection'),
  stated: lkpo('stated'),
  curated: lkpo('curated'),
  derived: lkpo('derived'),
  close: lkpo('close'),
  related: lkpo('related'),
  introduction: lkpo('introduction'),
  challenges: lkpo('challenges'),
  openingPhrase: lkpo('openingPhrase'),
  directionCount: lkpo('directionCount'),
  focusAreaCount: lkpo('focusAreaCount'),
  SectionNumber: lkpo('SectionNumber'),
  PriorityNumber: lkpo('PriorityNumber'),
};

/** The direct SKOS mapping property that stands beside a qualified link of each strength. */
export const MATCH_BY_STRENGTH: Record<string, string> = {
  [LKPO.close]: SKOS.closeMatch,
  [LKPO.related]: SKOS.relatedMatch,
};

/** Namespaces that are described elsewhere and may be linked to without being described here. */
export const EXTERNAL_NAMESPACES = [
  NS.wd,
  'http://purl.unep.org/sdg/',
  'http://publications.europa.eu/resource/authority/',
  'http://creativecommons.org/',
  'http://purl.org/adms/',
  'https://www.iana.org/assignments/media-types/',
  'http://www.iana.org/assignments/media-types/',
  'https://sws.geonames.org/',
  'https://helsingborg.se/',
  'https://livskvalitet.helsingborg.se/',
  'https://www.folkhalsomyndigheten.se/',
  'https://www.naturvardsverket.se/',
  'https://sv.wikipedia.org/',
  'http://schema.org/',
  'https://unstats.un.org/',
];

/** Predicates whose objects are documents on the web (sources, home pages), cited but not described here. */
export const DOCUMENT_PREDICATES = [
  'http://purl.org/dc/terms/source',
  'http://xmlns.com/foaf/0.1/homepage',
  'http://www.w3.org/2000/01/rdf-schema#seeAlso',
  'http://www.w3.org/2002/07/owl#versionIRI',
  // an earlier version of the ontology: served from ontology/versions/, not part of the dataset
  'http://www.w3.org/2002/07/owl#priorVersion',
];

// ---------------------------------------------------------------------------
// Harvest metadata (DCAT-AP-SE catalogue, VoID, SPARQL Service Description).
// ---------------------------------------------------------------------------

/** EU Publications Office authority tables (NALs) that DCAT-AP draws its code lists from. */
export const EU_AUTHORITY = {
  fileType: 'http://publications.europa.eu/resource/authority/file-type/',
  dataTheme: 'http://publications.europa.eu/resource/authority/data-theme/',
  language: 'http://publications.europa.eu/resource/authority/language/',
  accessRight: 'http://publications.europa.eu/resource/authority/access-right/',
  plannedAvailability: 'http://publications.europa.eu/resource/authority/planned-availability/',
} as const;

/** Datasets our links point into, as VoID link targets. */
export const LINK_TARGET = {
  /** The UN SDG Knowledge Organization System (cite: Joshi et al. 2019, http://metadata.un.org/sdg). */
  sdgKos: 'http://metadata.un.org/sdg',
  wikidata: 'http://www.wikidata.org/',
} as const;

/** IANA media types as IRIs (DCAT-AP dcat:mediaType expects this form). */
export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';

/**
 * Creative Commons licence IRIs, one form everywhere (data, ontology, about graph, VoID, DCAT,
 * schema.org): http with the trailing slash, the form DCAT-AP-SE 3.0.1 lists and dataportal.se's
 * harvesting guide asks for ("Undvik duplicerade identifierare": CC BY always as
 * http://creativecommons.org/licenses/by/4.0/, never with https or without the last slash). Until
 * release 0.3.0 they were https. Links for people (the pages' footer) go to the https deeds.
 */
export const LICENSE = {
  cc0: 'http://creativecommons.org/publicdomain/zero/1.0/',
  ccBy4: 'http://creativecommons.org/licenses/by/4.0/',
} as const;

/** Specifications the catalogue says the data and the endpoint conform to (dcterms:conformsTo). */
export const STANDARD = {
  skos: 'http://www.w3.org/2004/02/skos/core',
  sparqlProtocol: 'https://www.w3.org/TR/sparql11-protocol/',
  sparqlQuery: 'https://www.w3.org/TR/sparql11-query/',
} as const;

/** ADMS publisher types (dcterms:type of a foaf:Agent). */
export const PUBLISHER_TYPE = {
  scheme: 'http://purl.org/adms/publishertype/1.0',
  LocalAuthority: 'http://purl.org/adms/publishertype/LocalAuthority',
} as const;

/**
 * Helsingborgs stad as publisher (domain facts A6): organisation number 212000-1157, the
 * dataportal.se organisation URI derived from it, Wikidata Q487648, GeoNames 2706766.
 */
export const HELSINGBORG = {
  orgNr: '2120001157',
  publisher: 'http://dataportal.se/organisation/SE2120001157',
  wikidata: NS.wd + 'Q487648',
  geonames: 'https://sws.geonames.org/2706766/',
  homepage: 'https://helsingborg.se/',
  programmePage: 'https://livskvalitet.helsingborg.se/',
  /** Helsingborg kontaktcenter, telephone 042-10 50 00 (seed 003) in E.164 form. */
  contactTelephone: 'tel:+46421050000',
} as const;
