// The HTML page shell shared by every server-rendered page, and escaping helpers.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so `</script>` cannot occur. */
export const scriptJson = (json: string): string => json.replace(/</g, '\\u003c');

export interface PageOptions {
  title: string;
  /** Main content, already escaped HTML. */
  body: string;
  lang?: string;
  canonical?: string;
  /** Alternate representations for `<link rel="alternate">`. */
  alternates?: Array<{ href: string; type: string }>;
  /** A JSON-LD document to embed. */
  jsonld?: string;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
a{color:#0b57d0}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ddd}
code,.iri{font:14px ui-monospace,monospace;word-break:break-all}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
nav.formats a{margin-right:.6rem}.muted{color:#555}`;

/**
 * Renders a complete HTML document.
 *
 * @example
 * page({ title: 'Klimatanpassning', body: '<p>…</p>' })
 */
export function page(o: PageOptions): string {
  const links = [
    o.canonical ? `<link rel="canonical" href="${esc(o.canonical)}">` : '',
    ...(o.alternates ?? []).map((a) => `<link rel="alternate" type="${esc(a.type)}" href="${esc(a.href)}">`),
  ].join('\n');
  const ld = o.jsonld ? `<script type="application/ld+json">\n${scriptJson(o.jsonld)}</script>` : '';
  return `<!doctype html>
<html lang="${esc(o.lang ?? 'sv')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
${links}
<style>${STYLE}</style>
${ld}
</head>
<body>
<header><a href="/">Livskvalitetsprogrammet · Linked Open Data</a> · <a href="/sparql">SPARQL</a></header>
<main>
${o.body}
</main>
</body>
</html>
`;
}
