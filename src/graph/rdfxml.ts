// RDF/XML serialisation and parsing (rdflib), for the dataset dump and the catalogue dataportal.se harvests.
import N3 from 'n3';
import * as $rdf from 'rdflib';

/**
 * Serialises quads (their default-graph triples; graph names are dropped) as RDF/XML with the
 * given prefixes. No base IRI is set, so every IRI stays absolute, as dataportal.se requires.
 *
 * @example
 * const xml = toRdfXml(computeDcat(opts), { dcat: NS.dcat, dcterms: NS.dcterms, foaf: NS.foaf });
 */
export function toRdfXml(quads: Iterable<N3.Quad>, prefixes: Readonly<Record<string, string>>): string {
  const store = $rdf.graph();
  for (const q of quads) {
    store.add(toRdflibNode(q.subject) as $rdf.NamedNode, toRdflibNode(q.predicate) as $rdf.NamedNode, toRdflibNode(q.object));
  }
  const xml = $rdf.serialize(null, store, undefined, 'application/rdf+xml', undefined, { namespaces: { ...prefixes } });
  if (xml === undefined) throw new Error('rdflib returned no RDF/XML');
  // rdflib writes a node with only a type as `<dct:LicenseDocument rdf:about="…">\n  </…>`; its own
  // parser then reads the whitespace as an rdf:value literal. An empty element says the same safely.
  return xml.replace(/(<([\w.-]+:[\w.-]+) rdf:about="[^"]*")>\s*<\/\2>/g, '$1/>');
}

/**
 * Parses RDF/XML back into N3 quads (default graph); used to check round trips.
 *
 * @example
 * const quads = parseRdfXml(xml, 'https://w3id.org/helsingborg-livskvalitet/datasets/dcat');
 */
export function parseRdfXml(xml: string, baseIri: string): N3.Quad[] {
  const store = $rdf.graph();
  $rdf.parse(xml, store, baseIri, 'application/rdf+xml');
  const { namedNode, literal, blankNode, quad } = N3.DataFactory;
  return store.statements.map((st) => {
    const term = (t: $rdf.Node): N3.Term => {
      if (t.termType === 'NamedNode') return namedNode(t.value);
      if (t.termType === 'BlankNode') return blankNode(t.value);
      const lit = t as $rdf.Literal;
      return lit.language ? literal(lit.value, lit.language) : literal(lit.value, namedNode(lit.datatype.value));
    };
    return quad(term(st.subject) as N3.Quad_Subject, term(st.predicate) as N3.Quad_Predicate, term(st.object as $rdf.Node) as N3.Quad_Object);
  });
}

function toRdflibNode(t: N3.Term): $rdf.Node {
  switch (t.termType) {
    case 'NamedNode':
      return $rdf.sym(t.value);
    case 'BlankNode':
      return $rdf.blankNode(t.value);
    case 'Literal': {
      const lit = t as N3.Literal;
      return lit.language ? $rdf.lit(lit.value, lit.language) : $rdf.lit(lit.value, undefined, $rdf.sym(lit.datatype.value));
    }
    default:
      throw new Error(`Cannot serialise a ${t.termType} as RDF/XML`);
  }
}
