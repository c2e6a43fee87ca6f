// HTML page of an ontology (/def): header, contents, and a section per term whose id is the term's local name, so `/def#Priority` lands on it.
import { RDFS, SKOS } from '../../vocab.js';
import type { Ref } from '../view.js';
import type { TermKind, TermView, VocabularyView } from '../vocabulary-view.js';
import type { Lang, Text } from './i18n.js';
import { esc, page } from './layout.js';
import type { PageLinks } from './resource.js';
import { formatsNav } from './resource.js';
import { labelIn } from './terms.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

const KINDS: Array<{ kind: TermKind; title: Text }> = [
  { kind: 'class', title: { sv: 'Klasser', en: 'Classes' } },
  { kind: 'property', title: { sv: 'Egenskaper', en: 'Properties' } },
  { kind: 'datatype', title: { sv: 'Datatyper', en: 'Datatypes' } },
  { kind: 'individual', title: { sv: 'Individer och begreppsscheman', en: 'Individuals and concept schemes' } },
];

const RELATION_NAMES: Record<string, Text> = {
  [RDFS.subClassOf]: { sv: 'Underklass till', en: 'Subclass of' },
  [RDFS.subPropertyOf]: { sv: 'Underegenskap till', en: 'Subproperty of' },
  [RDFS.domain]: { sv: 'Domän', en: 'Domain' },
  [RDFS.range]: { sv: 'Värdemängd', en: 'Range' },
  [SKOS.inScheme]: { sv: 'I schemat', en: 'In scheme' },
  [SKOS.hasTopConcept]: { sv: 'Toppbegrepp', en: 'Top concepts' },
};

/** An IRI shown whole and linked to its page (a version IRI, the current ontology). */
const iriLink = (r: Pick<Ref, 'iri' | 'href'>) => `<a href="${esc(r.href)}"><code class="iri">${esc(r.iri)}</code></a>`;
/** A term reference by its prefixed name, linked (to its section when it is one of ours). */
const curie = (r: Ref) => (r.href ? `<a href="${esc(r.href)}"><code>${esc(r.label)}</code></a>` : `<code>${esc(r.label)}</code>`);

/** The texts of a literal in both languages, the page's first, each with its `lang`. */
function bilingual(texts: Record<string, string>, lang: Lang, tag = 'p'): string {
  const order = [lang, ...Object.keys(texts).filter((l) => l !== lang).sort()];
  return order
    .filter((l) => texts[l] !== undefined)
    .map((l) => `<${tag}${l ? ` lang="${esc(l)}"` : ''}>${esc(texts[l]!)}</${tag}>`)
    .join('');
}

function term(v: TermView, lang: Lang): string {
  const primary = v.labels[lang] !== undefined ? lang : Object.keys(v.labels).sort()[0];
  const label = primary !== undefined ? ` <span lang="${esc(primary)}">${esc(v.labels[primary]!)}</span>` : '';
  const others = Object.keys(v.labels).filter((l) => l !== primary).sort();
  const rows = [
    `<dt>IRI</dt><dd><code class="iri">${esc(v.iri)}</code></dd>`,
    others.length ? `<dt>${t(lang, 'Etikett', 'Label')}</dt><dd>${others.map((l) => `<span lang="${esc(l)}">${esc(v.labels[l]!)}</span>`).join(', ')}</dd>` : '',
    `<dt>${t(lang, 'Typ', 'Type')}</dt><dd>${v.types.map(curie).join(', ')}</dd>`,
    Object.keys(v.definitions).length ? `<dt>${t(lang, 'Definition', 'Definition')}</dt><dd>${bilingual(v.definitions, lang)}</dd>` : '',
    ...v.relations.map((r) => `<dt>${esc(RELATION_NAMES[r.property]![lang])}</dt><dd>${r.targets.map(curie).join(', ')}</dd>`),
  ];
  return `<section class="term" id="${esc(v.id)}"><h3><code>${esc(v.curie)}</code>${label}</h3>
<dl>${rows.filter(Boolean).join('\n')}</dl></section>`;
}

function header(v: VocabularyView, lang: Lang): string {
  const title = labelIn(v.titles, lang, v.iri);
  const link = (r: Ref | undefined) => (r ? `<a href="${esc(r.href)}">${esc(r.href === r.iri ? r.iri : r.label)}</a>` : '');
  const facts = [
    `<dt>IRI</dt><dd><code class="iri">${esc(v.iri)}</code></dd>`,
    v.version ? `<dt>${t(lang, 'Version', 'Version')}</dt><dd>${esc(v.version)}${v.versionIri ? ` (${iriLink(v.versionIri)})` : ''}</dd>` : '',
    v.priorVersion ? `<dt>${t(lang, 'Föregående version', 'Prior version')}</dt><dd>${iriLink(v.priorVersion)}</dd>` : '',
    v.modified ? `<dt>${t(lang, 'Ändrad', 'Modified')}</dt><dd>${esc(v.modified)}</dd>` : '',
    v.prefix && v.namespace ? `<dt>${t(lang, 'Prefix', 'Prefix')}</dt><dd><code>${esc(v.prefix)}: &lt;${esc(v.namespace)}&gt;</code></dd>` : '',
    v.creator ? `<dt>${t(lang, 'Upphov', 'Creator')}</dt><dd>${link(v.creator)}</dd>` : '',
    v.license ? `<dt>${t(lang, 'Licens', 'Licence')}</dt><dd>${link(v.license)}</dd>` : '',
    v.shapes ? `<dt>${t(lang, 'SHACL-former', 'SHACL shapes')}</dt><dd><a href="${esc(v.shapes.href)}">${esc(v.shapes.iri)}</a> (Turtle; ${t(lang, 'kontrollera egna filer med', 'check files of your own with')} <code>npm run validate</code>)</dd>` : '',
  ];
  // an earlier version says so first, and where the current one is
  const number = (version: string | undefined) => (version ? ` (${esc(version)})` : '');
  const current = v.current
    ? `<p class="lead">${t(lang, 'Detta är en tidigare version av ontologin', 'This is an earlier version of the ontology')}` +
      `${v.version ? `, ${esc(v.version)}` : ''}, ${t(lang, 'bevarad som den publicerades', 'kept as it was published')}. ` +
      `${t(lang, 'Gällande version', 'The current version')}${number(v.current.version)}: ${iriLink(v.current)}.</p>\n`
    : '';
  return `${current}<h1>${title.lang === lang || title.lang === '' ? esc(title.label) : `<span lang="${esc(title.lang)}">${esc(title.label)}</span>`}</h1>
${bilingual(v.descriptions, lang)}
<dl>${facts.filter(Boolean).join('\n')}</dl>`;
}

/**
 * The page of an ontology: its header, a contents list by kind of term, and one section per
 * term (`id` = local name) with labels, definitions, types and, linked where the target is one of
 * ours, subClassOf / subPropertyOf / domain / range / inScheme / hasTopConcept.
 *
 * @example
 * vocabularyPage(vocabularyView(store, base, `${base}def`, terms, 'sv'), links, 'sv')
 */
export function vocabularyPage(v: VocabularyView, links: PageLinks, lang: Lang = 'sv'): string {
  const groups = KINDS.map(({ kind, title }) => ({ title: title[lang], terms: v.terms.filter((x) => x.kind === kind) })).filter((g) => g.terms.length > 0);
  const contents = `<nav class="contents" aria-label="${t(lang, 'Termer', 'Terms')}"><h2>${t(lang, 'Termer', 'Terms')}</h2>${groups
    .map((g) => `<p><strong>${esc(g.title)}</strong>: ${g.terms.map((x) => `<a href="#${esc(x.id)}"><code>${esc(x.id)}</code></a>`).join(', ')}</p>`)
    .join('\n')}</nav>`;
  const sections = groups.map((g) => `<section><h2>${esc(g.title)}</h2>\n${g.terms.map((x) => term(x, lang)).join('\n')}</section>`);
  const body = [header(v, lang), contents, ...sections, formatsNav(links, lang)].join('\n');
  return page({ title: labelIn(v.titles, lang, v.iri).label, body, lang, ...links });
}
