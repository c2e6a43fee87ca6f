// Facts about the programme, its versions and the vision for the landing page, read from the store (never typed in).
import oxigraph from 'oxigraph';
import { DCTERMS, LKPO, NS, SKOS } from '../../vocab.js';

/** A text with the language it is in (the data may have only Swedish). */
export interface LangText {
  text: string;
  lang: string;
}

export interface ProgrammeFacts {
  title: Record<string, string>;
  description?: LangText;
  adopted?: string;
  identifiers: string[];
  validFrom?: string;
  validTo?: string;
  notes: LangText[];
  revised: { iri: string; directions?: string; focusAreas?: string; note?: LangText; editorial?: LangText };
  vision: { iri: string; label: string; description?: LangText };
}

const node = oxigraph.namedNode;
const DCT = NS.dcterms;

/** Literals of s p, best first: the page language, then Swedish, then anything. */
function texts(store: oxigraph.Store, s: string, p: string, lang: string): LangText[] {
  const all = store
    .match(node(s), node(p), null, null)
    .filter((q) => q.object.termType === 'Literal')
    .map((q) => ({ text: q.object.value, lang: (q.object as oxigraph.Literal).language }));
  const rank = (t: LangText) => (t.lang === lang ? 0 : t.lang === 'sv' ? 1 : 2);
  return all.sort((a, b) => rank(a) - rank(b) || a.text.localeCompare(b.text));
}

/**
 * What the landing page says about the programme, in the page language where the data has it.
 *
 * @example
 * programmeFacts(store, base, 'sv').adopted // '2016-01-26'
 */
export function programmeFacts(store: oxigraph.Store, base: string, lang: string): ProgrammeFacts {
  const v2016 = `${base}lkp/2016`;
  const revised = `${base}lkp/aktualiserat`;
  const vision = `${base}vision2035`;
  const first = (s: string, p: string) => texts(store, s, p, lang)[0];
  const period = store.match(node(v2016), node(DCT + 'temporal'), null, null)[0]?.object.value;
  const title: Record<string, string> = {};
  for (const t of texts(store, v2016, SKOS.prefLabel, lang)) title[t.lang] ??= t.text;
  return {
    title,
    description: first(`${base}lkp`, DCTERMS.description),
    adopted: first(v2016, DCT + 'dateAccepted')?.text,
    identifiers: texts(store, v2016, DCTERMS.identifier, lang).map((t) => t.text),
    validFrom: period ? first(period, NS.dcat + 'startDate')?.text : undefined,
    validTo: period ? first(period, NS.dcat + 'endDate')?.text : undefined,
    notes: texts(store, v2016, SKOS.note, lang).filter((t) => t.lang === 'sv'),
    revised: {
      iri: revised,
      directions: first(revised, LKPO.directionCount)?.text,
      focusAreas: first(revised, LKPO.focusAreaCount)?.text,
      note: first(revised, SKOS.note),
      editorial: first(revised, SKOS.editorialNote),
    },
    vision: { iri: vision, label: first(vision, SKOS.prefLabel)?.text ?? 'Helsingborg 2035', description: first(vision, DCTERMS.description) },
  };
}
