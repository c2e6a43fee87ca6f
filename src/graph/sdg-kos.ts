// Imports the UN SDG KOS (goals, targets, indicators) and repairs its known defects on purpose.
import { DataFactory, Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { NS, SKOS } from '../vocab.js';

const { literal, quad } = DataFactory;

/** One repair made to the UN data, reported in the build log and documented in the README. */
export interface Repair {
  subject: string;
  what: string;
}

/** Labels that the UN file attaches to target 12.3 but that belong to indicator 17.13.1. */
const STRAY_LABELS = new Set(['Tableau de bord macroéconomique', 'Tablero macroeconómico']);

/** Shows where two strings differ, with a little context. */
function diffContext(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 12), i + 12)}… → …${b.slice(Math.max(0, i - 12), i + 12)}…`;
}

/** Fixes one English target text: a missing space after a comma (12.3), a footnote digit (14.6). */
/** A label's first words, for the repair list. */
const clipLabel = (v: string): string => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

function repairText(subject: string, value: string): string {
  if (subject === NS.sdg + '14.6') return value.replace(/negotiation3$/, 'negotiation');
  if (subject === NS.sdg + '12.3') return value.replace(/^By 2030,(?=\S)/, 'By 2030, ');
  return value;
}

/**
 * Reads the UN KOS Turtle and returns cleaned quads (default graph) and the list of repairs:
 * - prefLabels are trimmed of white space at either end, and exact duplicates dropped;
 * - target 12.3: the truncated "By 2030,d" label is dropped, the missing space restored, and the
 *   stray fr/es labels of indicator 17.13.1 are dropped;
 * - target 14.6: the footnote digit at the end of the English text is removed;
 * - where more than one prefLabel per language remains (C200303, C200304), the first in code-point
 *   order stays the prefLabel and the others become skos:altLabel, so SKOS's one-prefLabel rule holds;
 * - the skos:OrderedCollection `sdg:Goals` (an RDF list of the 17 goals, blank nodes) is left out:
 *   the goals' order is given by their notations.
 * @example const { quads, repairs } = importSdgKos(readFileSync(kosFile, 'utf8'))
 */
export function importSdgKos(turtle: string): { quads: Quad[]; repairs: Repair[] } {
  const parsed = new Parser().parse(turtle);
  const repairs: Repair[] = [];
  const labels = new Map<string, Map<string, Set<string>>>(); // subject → lang → values
  const out: Quad[] = [];
  for (const q of parsed) {
    if (q.subject.termType !== 'NamedNode' || q.object.termType === 'BlankNode') continue;
    if (q.subject.value === NS.sdg + 'Goals') continue;
    if (q.predicate.value !== SKOS.prefLabel || q.object.termType !== 'Literal') {
      out.push(q);
      continue;
    }
    const lang = q.object.language;
    let value = q.object.value.trim();
    if (value !== q.object.value) repairs.push({ subject: q.subject.value, what: `trimmed white space around ${lang} label "${clipLabel(value)}"` });
    if (q.subject.value === NS.sdg + '12.3' && STRAY_LABELS.has(value)) {
      repairs.push({ subject: q.subject.value, what: `dropped stray ${lang} label "${value}" (belongs to indicator 17.13.1)` });
      continue;
    }
    if (lang === 'en' && q.subject.value === NS.sdg + '12.3' && value === 'By 2030,d') {
      repairs.push({ subject: q.subject.value, what: 'dropped truncated en label "By 2030,d"' });
      continue;
    }
    const fixed = lang === 'en' ? repairText(q.subject.value, value) : value;
    if (fixed !== value) repairs.push({ subject: q.subject.value, what: `repaired en label: "${diffContext(value, fixed)}"` });
    value = fixed;
    const byLang = labels.get(q.subject.value) ?? new Map<string, Set<string>>();
    labels.set(q.subject.value, byLang);
    const set = byLang.get(lang) ?? new Set<string>();
    byLang.set(lang, set);
    set.add(value);
  }
  for (const [subject, byLang] of labels) {
    for (const [lang, values] of byLang) {
      const sorted = [...values].sort();
      sorted.forEach((v, i) => {
        const predicate = i === 0 ? SKOS.prefLabel : SKOS.altLabel;
        out.push(quad(DataFactory.namedNode(subject), DataFactory.namedNode(predicate), literal(v, lang)));
      });
      if (sorted.length > 1) repairs.push({ subject, what: `${sorted.length - 1} further ${lang} prefLabel(s) kept as skos:altLabel` });
    }
  }
  return { quads: out, repairs };
}
