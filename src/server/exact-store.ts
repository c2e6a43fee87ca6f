// A few thousand quads kept exactly as parsed and read like an Oxigraph store: for the harvest metadata, whose literals Oxigraph would rewrite.
import oxigraph from 'oxigraph';

type Pattern = Parameters<oxigraph.Store['match']>;

interface Entry {
  quad: oxigraph.Quad;
  /** Predicate, object and graph in N-Triples form, computed once: each read of a term crosses into WebAssembly. */
  p: string;
  o: string;
  g: string;
}

/**
 * Quads kept exactly as parsed, read with `match` as an Oxigraph store is. Oxigraph stores numbers
 * in a canonical form: `"5"^^xsd:nonNegativeInteger`, DCAT-AP's range of `dcat:byteSize`, comes
 * back as `xsd:integer`, and `"1.0"^^xsd:decimal` as `"1"`. The catalogue and VoID are served as
 * they were built and validated, so they are not stored in Oxigraph. Matched through a subject or
 * an object index, or else by a scan (the metadata is about a thousand quads); each quad is kept once.
 *
 * @example
 * const store = new ExactStore(oxigraph.parse('<http://s> <http://p> "5"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .', { format: 'ttl' }));
 * store.match(null, null, null, null)[0].object.datatype.value // 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger'
 */
export class ExactStore {
  readonly #entries: Entry[] = [];
  readonly #bySubject = new Map<string, Entry[]>();
  readonly #byObject = new Map<string, Entry[]>();
  readonly #subjects: string[] = [];

  constructor(quads: Iterable<oxigraph.Quad>) {
    const seen = new Set<string>();
    for (const quad of quads) {
      const s = quad.subject.toString();
      const entry = { quad, p: quad.predicate.toString(), o: quad.object.toString(), g: quad.graph.toString() };
      const key = `${s} ${entry.p} ${entry.o} ${entry.g}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.#entries.push(entry);
      if (!this.#bySubject.has(s)) {
        this.#bySubject.set(s, []);
        if (quad.subject.termType === 'NamedNode') this.#subjects.push(quad.subject.value);
      }
      this.#bySubject.get(s)!.push(entry);
      if (!this.#byObject.has(entry.o)) this.#byObject.set(entry.o, []);
      this.#byObject.get(entry.o)!.push(entry);
    }
  }

  get size(): number {
    return this.#entries.length;
  }

  match(...[subject, predicate, object, graph]: Pattern): oxigraph.Quad[] {
    const [o, p, g] = [object?.toString(), predicate?.toString(), graph?.toString()];
    const candidates = subject ? (this.#bySubject.get(subject.toString()) ?? []) : o ? (this.#byObject.get(o) ?? []) : this.#entries;
    const out: oxigraph.Quad[] = [];
    for (const e of candidates) if ((!p || e.p === p) && (!o || e.o === o) && (!g || e.g === g)) out.push(e.quad);
    return out;
  }

  /** The IRIs that are subjects here. */
  subjects(): string[] {
    return [...this.#subjects];
  }
}

/**
 * The quads of a Turtle or N-Triples text, exactly as written.
 * @example exactQuads('<http://s> <http://p> "1.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .', 'ttl')[0].object.value // '1.0'
 */
export const exactQuads = (text: string, format: 'ttl' | 'nt'): oxigraph.Quad[] => oxigraph.parse(text, { format });
