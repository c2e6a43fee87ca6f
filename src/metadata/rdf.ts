// Small term and quad helpers shared by the metadata builders (VoID, DCAT, Service Description).
import N3 from 'n3';
import { NS, XSD, namespace } from '../vocab.js';

const { namedNode, literal, quad, defaultGraph } = N3.DataFactory;

export const dct = namespace(NS.dcterms);
export const dcat = namespace(NS.dcat);
export const dcatap = namespace(NS.dcatap);
export const foaf = namespace(NS.foaf);
export const vcard = namespace(NS.vcard);
export const spdx = namespace(NS.spdx);
export const skos = namespace(NS.skos);
export const rdfs = namespace(NS.rdfs);
export const voidNs = namespace(NS.void);
export const sd = namespace(NS.sd);
export const RDF_TYPE = NS.rdf + 'type';

/** A text in Swedish and English; every free-text literal of the catalogue comes as such a pair. */
export interface Bilingual {
  sv: string;
  en: string;
}

/** A literal that is a value, not text: a number, a date, a code. */
export type Typed = { value: string; datatype: string };

export type Obj = string | Bilingual | Typed | number;

/**
 * Collects quads in the default graph with a terse `add(s, p, o)`: a string object is an IRI,
 * a `{sv, en}` object gives two language-tagged literals, a number an xsd:integer.
 *
 * @example
 * new QuadSink().type(ds, dcat('Dataset')).add(ds, dct('title'), { sv: 'Titel', en: 'Title' }).quads
 */
export class QuadSink {
  readonly quads: N3.Quad[] = [];

  add(s: string, p: string, o: Obj | Obj[] | undefined): this {
    if (o === undefined) return this;
    for (const value of Array.isArray(o) ? o : [o]) {
      if (typeof value === 'string') this.push(s, p, namedNode(value));
      else if (typeof value === 'number') this.push(s, p, literal(String(value), namedNode(XSD.integer)));
      else if ('datatype' in value) this.push(s, p, literal(value.value, namedNode(value.datatype)));
      else {
        this.push(s, p, literal(value.sv, 'sv'));
        this.push(s, p, literal(value.en, 'en'));
      }
    }
    return this;
  }

  /** A plain (xsd:string) literal: only for codes such as identifiers, never for prose. */
  code(s: string, p: string, value: string): this {
    return this.push(s, p, literal(value));
  }

  /** An object term as it is (e.g. a literal read from the dataset, language tag and datatype kept). */
  term(s: string, p: string, o: N3.Quad_Object): this {
    return this.push(s, p, o);
  }

  type(s: string, ...classes: string[]): this {
    return this.add(s, RDF_TYPE, classes);
  }

  private push(s: string, p: string, o: N3.Quad_Object): this {
    this.quads.push(quad(namedNode(s), namedNode(p), o, defaultGraph()));
    return this;
  }
}

/**
 * A typed literal value for {@link QuadSink.add}.
 * @example typed(1234, XSD.nonNegativeInteger)
 */
export const typed = (value: string | number, datatype: string): Typed => ({ value: String(value), datatype });

/**
 * `2024-05-01` → xsd:date, anything longer → xsd:dateTime.
 * @example dateLiteral('2025-01-31') // { value: '2025-01-31', datatype: xsd:date }
 */
export const dateLiteral = (value: string): Typed =>
  typed(value, /^\d{4}-\d{2}-\d{2}$/.test(value) ? XSD.date : XSD.dateTime);

/**
 * Removes duplicates and sorts by N-Quads form, so that two runs give identical output.
 * @example const stable = sortQuads(sink.quads);
 */
export function sortQuads(quads: readonly N3.Quad[]): N3.Quad[] {
  const byKey = new Map<string, N3.Quad>();
  for (const q of quads) byKey.set(quadKey(q), q);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, q]) => q);
}

/**
 * One quad as an N-Quads line (without the final dot), used as a sort and identity key.
 * @example quadKey(q) // '<s> <p> "o"@sv '
 */
export function quadKey(q: N3.Quad): string {
  return [q.subject, q.predicate, q.object, q.graph].map(termKey).join(' ');
}

/**
 * The triple part of a quad as an N-Triples-like key (the graph ignored).
 * @example new Set(quads.map(tripleKey)).size // distinct triples of the union
 */
export function tripleKey(q: N3.Quad): string {
  return [q.subject, q.predicate, q.object].map(termKey).join(' ');
}

function termKey(t: N3.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const lit = t as N3.Literal;
      const suffix = lit.language ? `@${lit.language}` : `^^<${lit.datatype.value}>`;
      return JSON.stringify(lit.value) + suffix;
    }
    case 'DefaultGraph':
      return '';
    default:
      return t.value;
  }
}

/**
 * The namespace part of an IRI: everything up to and including the last `#` or `/`.
 * @example namespaceOf('http://www.w3.org/2004/02/skos/core#Concept') // '…/core#'
 */
export function namespaceOf(iri: string): string {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
  return cut >= 0 ? iri.slice(0, cut + 1) : iri;
}
