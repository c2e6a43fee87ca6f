// An in-memory search index over labels and notations (sv and en), built once from the site model; no SPARQL.
import oxigraph from 'oxigraph';
import { LKPO, SDGO, SKOS } from '../../vocab.js';
import { labels as labelsOf } from '../describe.js';
import type { Concept, SiteModel } from './model.js';

export interface SearchHit {
  iri: string;
  href: string;
  notation?: string;
  label: string;
  /** Language of `label` (the page language where the data has it). */
  lang: string;
  /** What kind of thing it is, in the page language ("Prioritering", "SDG target"). */
  kind: string;
}

interface Entry {
  concept: Concept;
  /** Normalised notation (lower case). */
  code: string;
  /** Normalised words of every label, alt label and note, sv and en. */
  text: string;
  /** Small bonus so that programme concepts and goals come before the UN's 169 targets on a tie. */
  weight: number;
}

export interface SearchIndex {
  search(query: string, lang: 'sv' | 'en', limit?: number): SearchHit[];
}

const SDG_KINDS: Record<string, Record<string, string>> = {
  [SDGO.Goal]: { sv: 'Globalt mål', en: 'SDG goal' },
  [SDGO.Target]: { sv: 'Delmål', en: 'SDG target' },
};
/** Words people put before a code: "Goal 13", "mål 13", "SDG 13", "delmål 11.2", "target 11.2". */
const CODE_WORDS = /^(?:sdg|goal|target|fn-?mal|mal(?:et)?|delmal(?:et)?)\s*(\d[\w.]*)$/;

/**
 * Lower case, accents folded (å→a, ö→o), so that a keyboard without Swedish letters still finds things.
 *
 * @example
 * normalise('Färdtjänst  Ö') // 'fardtjanst o'
 */
export const normalise = (s: string): string =>
  s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();

function score(e: Entry, words: string[], code: string | undefined, phrase: string): number {
  if (code && e.code === code) return 1000 + e.weight;
  if (code && e.code.startsWith(code) && /[.\d]$/.test(code)) return 800 - (e.code.length - code.length) + e.weight;
  let total = 0;
  for (const w of words) {
    const at = e.text.indexOf(w);
    if (at < 0) return 0;
    total += e.text.includes(` ${w}`) || at === 0 ? 3 : 1;
  }
  return 100 + total * 10 + (e.text.includes(` ${phrase}`) ? 20 : 0) + e.weight;
}

/**
 * Builds the index from the concepts of the site model (UN indicators are left out: their pages
 * are reached from their targets).
 *
 * @example
 * buildSearchIndex(model, store).search('cykel', 'sv')[0]?.notation // '4.4.3.2'
 */
export function buildSearchIndex(model: SiteModel, store: oxigraph.Store): SearchIndex {
  const kindLabels = new Map<string, Record<string, string>>();
  const kindLabel = (kind: string, lang: string): string => {
    if (!kindLabels.has(kind)) kindLabels.set(kind, SDG_KINDS[kind] ?? labelsOf(store, kind));
    const l = kindLabels.get(kind)!;
    const text = l[lang] ?? l.en ?? kind.replace(/^.*[#/]/, '');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const schemeLabel = (scheme: string, lang: string): string => {
    const l = labelsOf(store, scheme);
    return l[lang] ?? l.sv ?? scheme.replace(/^.*[#/]/, '');
  };
  const extra = (iri: string) =>
    [SKOS.altLabel, SKOS.note]
      .flatMap((p) => store.match(oxigraph.namedNode(iri), oxigraph.namedNode(p), null, null))
      .filter((q) => q.object.termType === 'Literal' && ['sv', 'en', ''].includes((q.object as oxigraph.Literal).language))
      .filter((q) => q.object.value.length < 80)
      .map((q) => q.object.value);
  const entries: Entry[] = [...model.concepts.values()]
    .filter((c) => c.kind !== SDGO.Indicator)
    .map((concept) => ({
      concept,
      code: normalise(concept.notation ?? ''),
      text: ' ' + normalise([concept.labels.sv, concept.labels.en, concept.labels[''], ...extra(concept.iri)].filter(Boolean).join(' | ')),
      weight: concept.kind === SDGO.Target ? 0 : concept.kind === SDGO.Goal ? 4 : 3,
    }));

  return {
    search(query, lang, limit = 10) {
      const phrase = normalise(query);
      if (!phrase) return [];
      const code = CODE_WORDS.exec(phrase)?.[1] ?? (/^\d[\w.]*$/.test(phrase) ? phrase : undefined);
      const words = phrase.split(' ').filter((w) => w.length > 0);
      return entries
        .map((e) => ({ e, s: score(e, words, code, phrase) }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || (a.e.concept.notation ?? '').localeCompare(b.e.concept.notation ?? '', 'en', { numeric: true }))
        .slice(0, limit)
        .map(({ e: { concept: c } }) => {
          const labelLang = c.labels[lang] !== undefined ? lang : c.labels.sv !== undefined ? 'sv' : c.labels.en !== undefined ? 'en' : '';
          // a national or regional goal is named by its framework ("Sveriges miljökvalitetsmål"), not by the generic class
          const scheme = c.kind === LKPO.PolicyGoal ? store.match(oxigraph.namedNode(c.iri), oxigraph.namedNode(SKOS.inScheme), null, null)[0]?.object.value : undefined;
          const kind = scheme ? schemeLabel(scheme, lang) : kindLabel(c.kind, lang);
          return { iri: c.iri, href: c.href, notation: c.notation, label: model.label(c.iri, lang), lang: labelLang, kind };
        });
    },
  };
}
