// The landing page: what the dataset is, counts from the manifest, downloads, and schema.org Dataset JSON-LD.
import { NS } from '../../vocab.js';
import type { Manifest } from '../dataset.js';
import { esc, page } from './layout.js';

/** schema.org Dataset description for search engines (Google Dataset Search reads it). */
export function schemaOrgDataset(manifest: Manifest, base: string): object {
  return {
    '@context': NS.schema,
    '@type': 'Dataset',
    '@id': `${base}dataset`,
    name: ['Livskvalitetsprogrammet som länkade data', 'The Quality of Life Programme as Linked Data'],
    description:
      "Helsingborgs livskvalitetsprogram 2016–2024, Vision Helsingborg 2035 och deras kopplingar till FN:s globala mål, som länkade öppna data. / Helsingborg's Quality of Life Programme, Vision 2035 and their links to the UN SDGs as Linked Open Data.",
    url: base,
    version: manifest.version,
    dateModified: manifest.modified,
    license: 'https://creativecommons.org/licenses/by/4.0/',
    inLanguage: ['sv', 'en'],
    distribution: manifest.files.map((f) => ({
      '@type': 'DataDownload',
      encodingFormat: f.mediaType,
      contentUrl: `${base}download/${f.name}`,
      contentSize: `${f.bytes} B`,
    })),
  };
}

/**
 * Renders `/`.
 *
 * @example
 * homePage(dataset.manifest, dataset.base)
 */
export function homePage(manifest: Manifest, base: string): string {
  const counts = Object.entries(manifest.counts).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('');
  const graphs = manifest.graphs.map((g) => `<li><code class="iri">${esc(g.iri)}</code> — ${g.triples} triples</li>`).join('');
  const files = manifest.files
    .map((f) => `<li><a href="/download/${esc(f.name)}">${esc(f.name)}</a> <span class="muted">${esc(f.mediaType)}, ${f.bytes} B</span></li>`)
    .join('');
  const body = `<h1>Livskvalitetsprogrammet som länkade data</h1>
<p lang="en">Helsingborg's Quality of Life Programme as Linked Open Data.</p>
<p>Version ${esc(manifest.version)}, ${esc(manifest.modified)}.</p>
<dl>${counts}</dl>
<h2>Fråga / query</h2><p><a href="/sparql">SPARQL endpoint</a></p>
<h2>Grafer / graphs</h2><ul>${graphs}</ul>
<h2>Nedladdning / downloads</h2><ul>${files}</ul>
<h2>Metadata</h2><ul><li><a href="/datasets/dcat">DCAT-AP-SE</a></li><li><a href="/.well-known/void">VoID</a></li>
<li><a href="/context.jsonld">JSON-LD context</a></li></ul>`;
  return page({ title: 'Livskvalitetsprogrammet · Linked Open Data', body, canonical: base, jsonld: JSON.stringify(schemaOrgDataset(manifest, base), null, 2) });
}
