// Turns the parsed 2016 programme (directions, focus areas, priorities) into SKOS quads.
import { DataFactory } from 'n3';
import type { Quad, Quad_Object } from '@rdfjs/types';
import { DEFAULT_BASE, LKPO, RDF, SKOS } from '../vocab.js';
import type { Direction } from './seed-programme.js';

const { namedNode, literal, quad } = DataFactory;

export const SCHEME_2016 = DEFAULT_BASE + 'lkp/2016';
const iri = (notation: string) => namedNode(`${SCHEME_2016}/${notation}`);

/**
 * SKOS quads for the 2016 programme: one concept per direction, focus area and priority,
 * with verbatim Swedish text, notations, hierarchy and scheme membership. A priority's footnote
 * (its marker dropped from the label) is kept verbatim as skos:note, with an editorial note saying so.
 * @example programmeQuads(parseProgramme(seed001Text)).length
 */
export function programmeQuads(directions: Direction[]): Quad[] {
  const out: Quad[] = [];
  const scheme = namedNode(SCHEME_2016);
  const add = (s: ReturnType<typeof namedNode>, p: string, o: Quad_Object) => out.push(quad(s, namedNode(p), o));
  const sv = (text: string) => literal(text, 'sv');
  const concept = (s: ReturnType<typeof namedNode>, cls: string, notation: string, datatype: string, label: string) => {
    add(s, RDF.type, namedNode(cls));
    add(s, RDF.type, namedNode(SKOS.Concept));
    add(s, SKOS.notation, literal(notation, namedNode(datatype)));
    add(s, SKOS.prefLabel, sv(label));
    add(s, SKOS.inScheme, scheme);
  };
  for (const d of directions) {
    const ds = iri(d.notation);
    concept(ds, LKPO.Direction, d.notation, LKPO.SectionNumber, d.title);
    add(ds, LKPO.introduction, sv(d.introduction));
    add(ds, LKPO.challenges, sv(d.challenges));
    add(ds, SKOS.topConceptOf, scheme);
    add(scheme, SKOS.hasTopConcept, ds);
    for (const f of d.focusAreas) {
      const fs = iri(f.notation);
      concept(fs, LKPO.FocusArea, f.notation, LKPO.SectionNumber, f.title);
      add(fs, LKPO.introduction, sv(f.introduction));
      add(fs, SKOS.broader, ds);
      add(ds, SKOS.narrower, fs);
      for (const p of f.priorities) {
        const ps = iri(p.notation);
        concept(ps, LKPO.Priority, p.notation, LKPO.PriorityNumber, p.text);
        for (const n of p.footnotes) {
          add(ps, SKOS.note, sv(n.text));
          add(ps, SKOS.editorialNote, sv(`Fotnot ${n.marker} i källan, efter ordet ”${n.word}”: fotnotens siffra står inte i skos:prefLabel, och fotnotens text står ordagrant som skos:note.`));
          add(ps, SKOS.editorialNote, literal(`Footnote ${n.marker} of the source, after the word “${n.word}”: the footnote's number is left out of skos:prefLabel, and the footnote's text is given verbatim as skos:note.`, 'en'));
        }
        add(ps, SKOS.broader, fs);
        add(fs, SKOS.narrower, ps);
      }
    }
  }
  return out;
}
