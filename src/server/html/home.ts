// The landing page: what the dataset is and where it comes from, counts and downloads from the manifest, how to query and cite.
import { UN_KOS_CITATION, GRAPHS, sourceIris } from '../../graph/sources.js';
import { LKPO } from '../../vocab.js';
import type { Manifest, ManifestFile } from '../dataset.js';
import type { ProgrammeFacts } from '../site/facts.js';
import type { SiteModel } from '../site/model.js';
import type { Lang, Text } from './i18n.js';
import { esc, num, page } from './layout.js';
import { CHECKSUMS_PATH } from '../routes/dumps.js';

export interface HomeData {
  manifest: Manifest;
  base: string;
  /** The schema.org Dataset to embed as JSON-LD (see schema-org.ts). */
  schemaOrg: object;
  facts: ProgrammeFacts;
  model: SiteModel;
  /** The releases kept unchanged at /download/<version>/, oldest first. */
  releases: ReadonlyArray<{ version: string; date: string }>;
}

const COUNTS: Array<[string, Text]> = [
  ['directions', { sv: 'viljeinriktningar', en: 'directions' }],
  ['focusAreas', { sv: 'fokusområden', en: 'focus areas' }],
  ['priorities', { sv: 'prioriteringar', en: 'priorities' }],
  ['links', { sv: 'länkar med härkomst', en: 'links with provenance' }],
  ['sdgGoals', { sv: 'globala mål', en: 'SDG goals' }],
  ['sdgTargets', { sv: 'delmål', en: 'SDG targets' }],
  ['sdgIndicators', { sv: 'indikatorer', en: 'indicators' }],
  ['visionAreas', { sv: 'visionsområden', en: 'vision areas' }],
  ['transformations', { sv: 'transformationer', en: 'transformations' }],
  ['programmeAreas', { sv: 'Treklöverområden', en: 'Treklövern areas' }],
  ['steeringDocuments', { sv: 'styrdokument', en: 'steering documents' }],
  ['triples', { sv: 'tripplar', en: 'triples' }],
];

const FORMATS: Record<string, string> = {
  'dataset.trig': 'TriG', 'dataset.nq': 'N-Quads', 'dataset.ttl': 'Turtle', 'dataset.nt': 'N-Triples',
  'dataset.jsonld': 'JSON-LD', 'dataset.rdf': 'RDF/XML', 'links.csv': 'CSV', 'links.csv-metadata.json': 'CSVW',
};
const FORMAT_NOTES: Record<string, Text> = {
  'dataset.trig': { sv: 'en namngiven graf per källa', en: 'one named graph per source' },
  'dataset.nq': { sv: 'en namngiven graf per källa', en: 'one named graph per source' },
  'links.csv': { sv: 'alla länkar som tabell', en: 'every link as a table' },
  'links.csv-metadata.json': { sv: 'tabellens kolumner, licens och citering (CSV on the Web)', en: "the table's columns, licence and citation (CSV on the Web)" },
};

/** A byte count as people read it: 724 kB, 2,6 MB. */
export function size(bytes: number, lang: Lang): string {
  if (bytes < 1000) return `${bytes} B`;
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'kB'] : [bytes / 1e6, 'MB'];
  return `${value.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${unit}`;
}

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const inLang = (x: { text: string; lang: string } | undefined) => (x ? `<span lang="${esc(x.lang)}">${esc(x.text)}</span>` : '');

function intro(d: HomeData, lang: Lang): string {
  const c = d.manifest.counts;
  const n = (k: string) => num(c[k] ?? 0, lang);
  const { facts } = d;
  return `<section class="hero" aria-labelledby="title">
<p class="kicker">${t(lang, 'Helsingborgs stad · Agenda 2030 · Länkade öppna data', 'City of Helsingborg · Agenda 2030 · Linked Open Data')}</p>
<h1 id="title">${t(lang, 'Livskvalitetsprogrammet som länkade data', 'The Quality of Life Programme as Linked Data')}</h1>
<p class="lead">${t(
    lang,
    `<span lang="sv">${esc(facts.title.sv ?? 'Livskvalitetsprogrammet 2016–2024')}</span> är Helsingborgs program för Agenda 2030. Här är det ett nätverk av begrepp: ${n('directions')} viljeinriktningar, ${n('focusAreas')} fokusområden och ${n('priorities')} prioriteringar, kopplade till FN:s ${n('sdgGoals')} globala mål och ${n('sdgTargets')} delmål, till visionen Helsingborg 2035 och till Treklövern. Varje koppling säger var den kommer ifrån.`,
    `<span lang="sv">${esc(facts.title.sv ?? 'Livskvalitetsprogrammet 2016–2024')}</span> (the Quality of Life Programme) is Helsingborg’s programme for Agenda 2030. Here it is a network of concepts: ${n('directions')} directions, ${n('focusAreas')} focus areas and ${n('priorities')} priorities, linked to the UN’s ${n('sdgGoals')} goals and ${n('sdgTargets')} targets, to the vision Helsingborg 2035 and to Treklövern. Every link says where it comes from.`,
  )}</p>
<ul class="cards">
<li><a href="/overview"><strong>${t(lang, 'Översikt', 'Overview')}</strong><span>${t(lang, 'Hur program, vision och transformationer hänger ihop', 'How programme, vision and transformations connect')}</span></a></li>
<li><a href="/matrix"><strong>${t(lang, 'Matris', 'Matrix')}</strong><span>${t(lang, `${n('focusAreas')} fokusområden × ${n('sdgGoals')} globala mål`, `${n('focusAreas')} focus areas × ${n('sdgGoals')} SDGs`)}</span></a></li>
<li><a href="/sdg"><strong>${t(lang, 'Globala målen', 'The SDGs')}</strong><span>${t(lang, 'Vilka mål och delmål programmet når – och inte når', 'Which goals and targets the programme reaches – and does not')}</span></a></li>
<li><a href="/sparql"><strong>${t(lang, 'Fråga data', 'Query the data')}</strong><span>${t(lang, 'Färdiga frågor i en SPARQL-editor', 'Ready-made questions in a SPARQL editor')}</span></a></li>
</ul>
</section>`;
}

function about(d: HomeData, lang: Lang): string {
  const f = d.facts;
  const validity = f.validFrom && f.validTo ? `${esc(f.validFrom)}–${esc(f.validTo.slice(0, 4))}` : '2016–2024';
  return `<section aria-labelledby="about"><h2 id="about">${t(lang, 'Om programmet och datasetet', 'About the programme and the dataset')}</h2>
<dl class="facts">
<dt>${t(lang, 'Program', 'Programme')}</dt><dd><a href="/lkp/2016"><span lang="sv">${esc(f.title.sv ?? '')}</span></a>${lang === 'en' && f.title.en ? ` <span class="muted">(${esc(f.title.en)})</span>` : ''}. ${inLang(f.description)}</dd>
<dt>${t(lang, 'Antaget', 'Adopted')}</dt><dd>${t(lang, 'av kommunfullmäktige', 'by the municipal council')} ${esc(f.adopted ?? '')}${f.identifiers.length ? ` (${t(lang, 'dnr', 'ref.')} ${f.identifiers.map(esc).join(', ')})` : ''}</dd>
<dt>${t(lang, 'Giltighet', 'Valid')}</dt><dd>${validity}</dd>
<dt>${t(lang, 'Aktualiserad version', 'Revised version')}</dt><dd>${t(
    lang,
    `Det finns en aktualiserad version med ${esc(f.revised.directions ?? '4')} viljeinriktningar och ${esc(f.revised.focusAreas ?? '13')} fokusområden.`,
    `A revised version exists, with ${esc(f.revised.directions ?? '4')} directions and ${esc(f.revised.focusAreas ?? '13')} focus areas.`,
  )} ${inLang(f.revised.editorial)} <a href="/lkp/aktualiserat">${t(lang, 'Mer om versionen', 'More about it')}</a></dd>
<dt>${t(lang, 'Vision', 'Vision')}</dt><dd><a href="/vision2035">${esc(f.vision.label)}</a>: ${inLang(f.vision.description)}</dd>
<dt>${t(lang, 'Härkomst', 'Provenance')}</dt><dd>${t(
    lang,
    'Varje länk är antingen <strong>angiven</strong> i ett källdokument (med dokument och avsnitt), <strong>bedömd</strong> av projektet (med en motivering som citerar texten den vilar på) eller <strong>härledd</strong> ur andra länkar.',
    'Every link is either <strong>stated</strong> in a source document (with document and section), <strong>curated</strong> by this project (with a rationale quoting the text it rests on) or <strong>derived</strong> from other links.',
  )}</dd>
</dl></section>`;
}

function hierarchy(d: HomeData, lang: Lang): string {
  const { model } = d;
  const items = model.ofKind(LKPO.Direction).map((dir) => {
    const focus = (model.children.get(dir.iri) ?? []).map((iri) => {
      const fa = model.concepts.get(iri)!;
      const count = model.children.get(iri)?.length ?? 0;
      return `<li><a href="${esc(fa.href)}"><span class="no">${esc(fa.notation ?? '')}</span> <span lang="${lang}">${esc(model.label(iri, lang))}</span></a> <span class="muted">${count} ${t(lang, 'prioriteringar', 'priorities')}</span></li>`;
    });
    return `<li><a class="dir" href="${esc(dir.href)}"><span class="no">${esc(dir.notation ?? '')}</span> ${esc(model.label(dir.iri, lang))}</a><ul>${focus.join('')}</ul></li>`;
  });
  return `<section aria-labelledby="tree"><h2 id="tree">${t(lang, 'Programmets delar', 'The parts of the programme')}</h2>
<p>${t(lang, `${items.length} viljeinriktningar med sina fokusområden. Varje fokusområde har prioriteringar, som är kopplade till FN:s delmål.`, `${items.length} directions with their focus areas. Each focus area has priorities, which are linked to UN SDG targets.`)}</p>
<ol class="tree">${items.join('\n')}</ol></section>`;
}

function counts(d: HomeData, lang: Lang): string {
  const c = d.manifest.counts;
  const tiles = COUNTS.filter(([k]) => k in c).map(([k, label]) => `<li><strong>${num(c[k]!, lang)}</strong> ${esc(label[lang])}</li>`);
  const raw = Object.entries(c).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('');
  return `<section aria-labelledby="numbers"><h2 id="numbers">${t(lang, 'I siffror', 'In numbers')}</h2>
<ul class="tiles">${tiles.join('')}</ul>
<details><summary>${t(lang, 'Alla siffror som de står i', 'All counts as they stand in')} <code>manifest.json</code> (${t(lang, 'version', 'version')} ${esc(d.manifest.version)}, ${esc(d.manifest.modified)})</summary><dl class="raw">${raw}</dl></details>
</section>`;
}

function query(d: HomeData, lang: Lang): string {
  const endpoint = `${d.base}sparql`;
  const curl = `curl -H 'Accept: text/csv' \\
  --data-urlencode 'query=PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX lkpo: <https://w3id.org/helsingborg-livskvalitet/def#>
SELECT ?notation ?label WHERE {
  ?f a lkpo:FocusArea ; skos:notation ?notation ; skos:prefLabel ?label .
  FILTER(lang(?label) = "${lang}")
} ORDER BY ?notation' \\
  ${endpoint}`;
  return `<section aria-labelledby="query"><h2 id="query">${t(lang, 'Fråga data', 'Query the data')}</h2>
<ul>
<li>${t(lang, 'I webbläsaren', 'In the browser')}: <a href="/sparql">${t(lang, 'frågeverktyget', 'the query tool')}</a>${t(lang, ', med alla exempelfrågor färdiga att köra.', ', with every example question ready to run.')}</li>
<li>${t(lang, 'SPARQL 1.1-ändpunkt', 'SPARQL 1.1 endpoint')}: <code class="iri">${esc(endpoint)}</code> ${t(lang, '(GET eller POST; standardgrafen är unionen av alla grafer)', '(GET or POST; the default graph is the union of all graphs)')}</li>
<li>${t(lang, 'Varje begrepp har en egen sida och går att hämta som Turtle, JSON-LD, N-Triples eller RDF/XML, t.ex.', 'Every concept has its own page and can be fetched as Turtle, JSON-LD, N-Triples or RDF/XML, e.g.')} <a href="/lkp/2016/4.4.3">/lkp/2016/4.4.3</a> <a href="/lkp/2016/4.4.3.ttl">.ttl</a></li>
</ul>
<p>${t(lang, 'Från en terminal:', 'From a terminal:')}</p>
<pre><code>${esc(curl)}</code></pre></section>`;
}

/** The releases kept unchanged, newest first: what to download for a citation of one release. */
function keptReleases(d: HomeData, lang: Lang): string {
  if (!d.releases.length) return '';
  const items = [...d.releases].reverse().map(({ version, date }) => {
    const at = (file: string) => `<a href="/download/${esc(version)}/${file}">${file}</a>`;
    return `<li>${esc(version)} <span class="muted">(${esc(date)})</span>: ${at('dataset.trig')} · ${at('links.csv')} · ${at('SHA256SUMS')}</li>`;
  });
  return `<p id="releases">${t(lang, 'Varje utgåva från 0.3.0 sparas oförändrad (datamängden som TriG och länktabellen), så att en hänvisning till en utgåva går att följa:', 'Each release from 0.3.0 on is kept unchanged (the dataset as TriG and the link table), so that a citation of a release can be followed:')}</p>
<ul>${items.join('\n')}</ul>`;
}

function downloads(d: HomeData, lang: Lang): string {
  const files = new Map<string, ManifestFile>(d.manifest.files.map((f) => [f.name, f]));
  const rows = d.manifest.files
    .filter((f) => !f.name.endsWith('.gz'))
    .map((f) => {
      const gz = files.get(`${f.name}.gz`);
      const note = FORMAT_NOTES[f.name]?.[lang];
      return `<tr><th scope="row">${esc(FORMATS[f.name] ?? f.mediaType)}${note ? ` <span class="muted">– ${esc(note)}</span>` : ''}</th>
<td><a href="/download/${esc(f.name)}" type="${esc(f.mediaType)}">${esc(f.name)}</a></td><td class="num">${size(f.bytes, lang)}</td>
<td>${gz ? `<a href="/download/${esc(gz.name)}">${esc(gz.name)}</a> <span class="muted">${size(gz.bytes, lang)}</span>` : ''}</td></tr>`;
    });
  return `<section aria-labelledby="download"><h2 id="download">${t(lang, 'Ladda ner', 'Download')}</h2>
<div class="scroll"><table><thead><tr><th scope="col">${t(lang, 'Format', 'Format')}</th><th scope="col">${t(lang, 'Fil', 'File')}</th><th scope="col" class="num">${t(lang, 'Storlek', 'Size')}</th><th scope="col">gzip</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<p>${t(lang, 'Kontrollsummor (SHA-256) för alla filer', 'Checksums (SHA-256) of every file')}: <a href="${CHECKSUMS_PATH}">SHA256SUMS</a> <span class="muted">(<code>sha256sum -c --ignore-missing SHA256SUMS</code>)</span></p>
${keptReleases(d, lang)}
<p>${t(lang, 'Metadata', 'Metadata')}: <a href="/datasets/dcat">DCAT-AP-SE</a> · <a href="/.well-known/void">VoID</a> · <a href="/context.jsonld">${t(lang, 'JSON-LD-kontext', 'JSON-LD context')}</a> · <a href="/sparql?format=ttl">${t(lang, 'tjänstebeskrivning', 'service description')}</a></p></section>`;
}

function sources(d: HomeData, lang: Lang): string {
  const triples = new Map(d.manifest.graphs.map((g) => [g.iri.replace(/^.*\/graph\//, ''), g.triples]));
  const items = GRAPHS.filter((g) => triples.has(g.name)).map((g) => {
    const links = sourceIris(g, d.base).map((s) => {
      const local = s.startsWith(d.base) ? '/' + s.slice(d.base.length) : s;
      return `<a href="${esc(local)}">${esc(local.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>`;
    });
    return `<li><strong>${esc(g.title[lang])}</strong> <span class="muted">(${num(triples.get(g.name)!, lang)} ${t(lang, 'tripplar', 'triples')})</span><br>${esc(g.description[lang])}${links.length ? `<br><span class="muted">${t(lang, 'Källa', 'Source')}:</span> ${links.join(', ')}` : ''}</li>`;
  });
  return `<section aria-labelledby="sources"><h2 id="sources">${t(lang, 'Källor', 'Sources')}</h2>
<p>${t(
    lang,
    'Datasetet består av en namngiven graf per källa. Svenska titlar och texter citeras ordagrant ur de källor varje graf anger: Helsingborgs stads dokument, Treklöverns program och de nationella och regionala målens sidor. De engelska namnen på programmets begrepp (grafen <code>translations-en</code>) är <strong>projektets egna översättningar</strong>, inte officiella.',
    'The dataset is one named graph per source. Swedish titles and texts are quoted verbatim from the sources each graph names: the City of Helsingborg’s documents, Treklövern’s programme and the pages of the national and regional goals. The English names of the programme’s concepts (graph <code>translations-en</code>) are <strong>the project’s own translations</strong>, not official ones.',
  )}</p>
<ul class="sources">${items.join('\n')}</ul></section>`;
}

function cite(d: HomeData, lang: Lang): string {
  // where the release is kept, the citation names its kept data too: a reader can follow it after the next release
  const kept = d.releases.some((r) => r.version === d.manifest.version) ? ` Data: ${d.base}download/${d.manifest.version}/dataset.trig` : '';
  const own = `Livskvalitet LOD: Helsingborg's Livskvalitetsprogrammet 2016–2024 as Linked Open Data, version ${d.manifest.version}. ${d.base}${kept}`;
  return `<section aria-labelledby="cite"><h2 id="cite">${t(lang, 'Licens och citering', 'Licence and how to cite')}</h2>
<p>${t(lang, 'Projektets eget arbete (struktur och identifierare, ontologi, kurerade länkar och översättningar): <a href="https://creativecommons.org/licenses/by/4.0/deed.sv" rel="license">CC BY 4.0</a>. Citera som:', 'The project’s own work (structure and identifiers, ontology, curated links and translations): <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>. Cite as:')}</p>
<blockquote lang="en"><p>${esc(own)}</p></blockquote>
<p>${t(lang, 'FN:s SDG KOS (grafen <code>sdg</code>) vidareförmedlas på FN:s villkor, som kräver denna citering var den än används:', 'The UN SDG KOS (graph <code>sdg</code>) is redistributed under the UN’s terms, which require this citation wherever it is used:')}</p>
<blockquote lang="en"><p>${esc(UN_KOS_CITATION)}</p></blockquote>
<p>${t(lang, 'De citerade texterna hör till sina källor, som varje graf anger (Helsingborgs stads dokument, Treklöverns program, sidorna om de nationella och regionala målen); licensen omfattar inte andras rättigheter till dem.', 'The quoted texts stay with their sources, which each graph names (the City of Helsingborg’s documents, Treklövern’s programme, the pages on the national and regional goals); the licence does not extend to rights others hold in them.')}</p></section>`;
}

/**
 * Renders `/` in the page language.
 *
 * @example
 * landingPage({ manifest, base, schemaOrg: schemaOrgDataset(dataset), facts, model, releases: [{ version: '0.3.0', date: '2026-12-06' }] }, 'en')
 */
export function landingPage(d: HomeData, lang: Lang = 'sv'): string {
  const body = [intro(d, lang), about(d, lang), hierarchy(d, lang), counts(d, lang), query(d, lang), downloads(d, lang), sources(d, lang), cite(d, lang)].join('\n');
  return page({
    title: t(lang, 'Livskvalitetsprogrammet som länkade data · Helsingborg', 'The Quality of Life Programme as Linked Data · Helsingborg'),
    body,
    lang,
    path: '/',
    canonical: d.base,
    jsonld: JSON.stringify(d.schemaOrg),
  });
}
